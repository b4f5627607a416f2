#include "libgis/generator/names.h"

#include <array>

#include "libgis/generator/random.h"

namespace parkgis::generator {

const std::vector<County>& counties() {
  // Seat positions are approximate; 东侨 is set a few km east of 蕉城 so the two parks do not overlap.
  static const std::vector<County> list = {
      {"蕉城", "蕉城区", 119.52, 26.66, 3, "宁德"},
      {"东侨", "东侨经济开发区", 119.55, 26.67, 2, "宁德"},
      {"福安", "福安市", 119.65, 27.09, 3, "福安市"},
      {"福鼎", "福鼎市", 120.22, 27.32, 3, "福鼎市"},
      {"霞浦", "霞浦县", 120.00, 26.88, 2, "霞浦县"},
      {"古田", "古田县", 118.75, 26.58, 2, "古田县"},
      {"屏南", "屏南县", 118.99, 26.91, 2, "屏南县"},
      {"寿宁", "寿宁县", 119.51, 27.46, 1, "寿宁县"},
      {"周宁", "周宁县", 119.34, 27.10, 2, "周宁县"},
      {"柘荣", "柘荣县", 119.90, 27.24, 1, "柘荣县"},
  };
  return list;
}

std::string zero_padded(std::size_t n, int width) {
  std::string s = std::to_string(n);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return s;
}

std::string building_id(std::size_t index, std::size_t count) {
  int width = 6;
  for (std::size_t n = count; n >= 1'000'000; n /= 10) ++width;
  return "JZ" + zero_padded(index + 1, width);
}

std::string chinese_number(int n) {
  static const std::array<const char*, 10> digit = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const std::array<const char*, 4> unit = {"", "十", "百", "千"};
  if (n <= 0 || n > 9999) return std::to_string(n);
  if (n < 10) return digit[static_cast<std::size_t>(n)];
  if (n < 20) return std::string("十") + (n % 10 ? digit[static_cast<std::size_t>(n % 10)] : "");
  std::string out;
  bool pending_zero = false;
  for (int pos = 3; pos >= 0; --pos) {
    int p = 1;
    for (int i = 0; i < pos; ++i) p *= 10;
    const int d = (n / p) % 10;
    if (d == 0) {
      if (!out.empty()) pending_zero = true;
      continue;
    }
    if (pending_zero) out += digit[0];
    pending_zero = false;
    out += digit[static_cast<std::size_t>(d)];
    out += unit[static_cast<std::size_t>(pos)];
  }
  return out;
}

std::string park_name(const County& c, int round) {
  std::string name = std::string(c.short_name) + "小微园";
  if (round > 0) name += chinese_number(round + 1) + "期";
  return name;
}

std::string zone_name(const std::string& park, int zone_index) {
  return park + chinese_number(zone_index + 1) + "片区";
}

namespace {

struct IndustryInfo {
  const char* name;
  std::vector<const char*> suffixes;
  std::vector<const char*> codes;  // GB/T 4754-2017 classes, the first the most common
};

const std::vector<IndustryInfo>& industry_table() {
  static const std::vector<IndustryInfo> table = {
      // 3841 锂离子电池制造, 3985 电子专用材料制造 (cathode and anode materials)
      {"锂电新能源", {"新能源科技有限公司", "锂电材料有限公司", "电池科技有限公司", "储能技术有限公司"}, {"3841", "3841", "3985"}},
      // 3670 汽车零部件及配件制造, 3612 新能源车整车制造
      {"新能源汽车", {"汽车零部件有限公司", "新能源汽车配件有限公司", "汽车电子有限公司"}, {"3670", "3670", "3670", "3612"}},
      // 3130 钢压延加工, 3140 铁合金冶炼 (nickel iron)
      {"不锈钢新材料", {"不锈钢制品有限公司", "特钢材料有限公司", "金属新材料有限公司"}, {"3130", "3130", "3140"}},
      // 3251 铜压延加工, 3340 金属丝绳及其制品制造
      {"铜材料", {"铜业有限公司", "铜材科技有限公司", "电工材料有限公司"}, {"3251", "3340"}},
      // 1372 食用菌加工, 1530 精制茶加工, 1361 水产品冷冻加工
      {"食品加工", {"食品有限公司", "食用菌开发有限公司", "茶业有限公司", "水产食品有限公司"}, {"1372", "1530", "1361"}},
      // 3489 其他通用零部件制造, 3421 金属切削机床制造
      {"机械制造", {"机械制造有限公司", "精密机械有限公司", "智能装备有限公司"}, {"3489", "3421"}},
      // 3812 电动机制造, 3811 发电机及发电机组制造
      {"电机电器", {"电机有限公司", "电器有限公司", "机电科技有限公司"}, {"3812", "3812", "3811"}},
      // 1819 其他机织服装制造
      {"纺织服装", {"服饰有限公司", "纺织有限公司"}, {"1819"}},
      // 2740 中成药生产, 2720 化学药品制剂制造
      {"生物医药", {"药业有限公司", "生物科技有限公司"}, {"2740", "2720"}},
      // 3021 水泥制品制造, 3024 轻质建筑材料制造
      {"新型建材", {"新型建材有限公司", "建材科技有限公司"}, {"3021", "3024"}},
      // 3982 电子电路制造, 3989 其他电子元件制造
      {"电子信息", {"电子科技有限公司", "光电科技有限公司"}, {"3982", "3989"}},
      // 5990 其他仓储业, 5910 装卸搬运
      {"物流仓储", {"物流有限公司", "仓储服务有限公司", "供应链管理有限公司"}, {"5990", "5990", "5910"}},
  };
  return table;
}

const IndustryInfo& info_of(std::string_view industry) {
  for (const auto& i : industry_table())
    if (industry == i.name) return i;
  return industry_table().front();
}

// Industries favoured in each county (index into industry_table), in counties() order.
const std::vector<std::vector<std::size_t>>& county_preferences() {
  static const std::vector<std::vector<std::size_t>> prefs = {
      {0, 1},  // 蕉城: 锂电, 新能源汽车
      {0, 6},  // 东侨: 锂电, 电机电器
      {2, 6},  // 福安: 不锈钢, 电机电器
      {4, 0},  // 福鼎: 食品, 锂电
      {0, 4},  // 霞浦: 锂电, 食品
      {4, 0},  // 古田: 食品, 锂电
      {0, 5},  // 屏南: 锂电, 机械
      {0, 3},  // 寿宁: 锂电, 铜
      {2, 3},  // 周宁: 不锈钢, 铜
      {8, 6},  // 柘荣: 医药, 电机电器
  };
  return prefs;
}

}  // namespace

const std::vector<std::string>& industries() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& i : industry_table()) v.emplace_back(i.name);
    return v;
  }();
  return names;
}

bool is_leading_industry(std::string_view industry) {
  const auto& all = industries();
  for (std::size_t i = 0; i < 4; ++i)
    if (all[i] == industry) return true;
  return false;
}

const std::string& draw_industry(Rng& rng, int county_index, bool warehousing, double leading_bias) {
  const auto& all = industries();
  if (warehousing && rng.chance(0.7)) return all.back();
  std::vector<double> w(all.size(), 1.0);
  for (std::size_t i = 0; i < 4; ++i) w[i] = 2.5 * leading_bias;
  const auto& prefs = county_preferences();
  const auto c = static_cast<std::size_t>(county_index) % prefs.size();
  for (std::size_t i : prefs[c]) w[i] += 5.0;
  return all[rng.weighted(w)];
}

std::string_view draw_industry_code(Rng& rng, std::string_view industry) {
  const auto& codes = info_of(industry).codes;
  return codes[static_cast<std::size_t>(rng.range(0, static_cast<long>(codes.size()) - 1))];
}

std::string park_company_name(const County& county, int round) {
  // "福安市城投园区开发有限公司"; a county's later parks have their own company.
  if (round == 0) return std::string(county.full_name) + "城投园区开发有限公司";
  return std::string(county.full_name) + "小微园" + chinese_number(round + 1) + "期开发建设有限公司";
}

std::string enterprise_name(Rng& rng, std::size_t index, const County& county, std::string_view industry) {
  // 60 brand characters; combinations that read like well-known real companies are avoided.
  static const std::array<const char*, 60> chars = {
      "鑫", "恒", "泰", "瑞", "宏", "盛", "华", "兴", "隆", "源", "丰", "茂", "德", "信", "诚",
      "通", "祥", "和", "安", "康", "晟", "锦", "昌", "宇", "嘉", "睿", "远", "腾", "凯", "博",
      "海", "闽", "东", "福", "榕", "星", "辰", "新", "正", "中", "天", "龙", "汇", "力", "明",
      "鹏", "润", "永", "金", "铭", "欣", "聚", "合", "创", "益", "航", "达", "利", "顺", "峰"};
  constexpr std::size_t n = chars.size();
  // A bijective scramble of the index so that neighbouring enterprises get unrelated brands.
  const std::size_t k = (index * 2311 + 17) % (n * n);
  std::string brand = std::string(chars[k / n]) + chars[k % n];
  if (k / n == k % n) brand = std::string(chars[k / n]) + chars[(k + 7) % n];
  if (index >= n * n) brand += chars[(index / (n * n)) % n];
  const auto& suffixes = info_of(industry).suffixes;
  const char* suffix = suffixes[static_cast<std::size_t>(rng.range(0, static_cast<long>(suffixes.size()) - 1))];
  return std::string(county.prefix) + brand + suffix;
}

}  // namespace parkgis::generator
