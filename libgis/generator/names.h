#pragma once
// Names and places for the generated Ningde dataset: the ten county-level units with approximate seat
// positions, park / zone names, industries and enterprise names. All names are illustrative.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parkgis::generator {

class Rng;

struct County {
  const char* short_name;  // "蕉城": used in park names
  const char* full_name;   // "蕉城区": the parks' county field
  double lon, lat;         // approximate seat (degrees, CGCS2000)
  int zones;               // zones of its first park (3 + 2 + 3 + 3 + 2 + 2 + 2 + 1 + 2 + 1 = 21)
  const char* prefix;      // enterprise name prefix ("宁德", "福安市" ...)
};

// The ten county-level units of Ningde (domain brief §7.1), in park order.
const std::vector<County>& counties();

// n in decimal with leading zeros up to `width` digits: (7, 3) -> "007".
std::string zero_padded(std::size_t n, int width);

// The id of building `index` (0-based) of `count`: "JZ000001"; 6 digits, more from 1,000,000 buildings.
std::string building_id(std::size_t index, std::size_t count);

// 1 -> "一", 10 -> "十", 12 -> "十二", 20 -> "二十", 105 -> "一百零五" (1..9999).
std::string chinese_number(int n);

// "蕉城小微园" for round 0, "蕉城小微园二期" for round 1, ...
std::string park_name(const County& c, int round);
// "<park name>一片区", "<park name>二片区", ...
std::string zone_name(const std::string& park_name, int zone_index);

// The four leading industries first, then the others.
const std::vector<std::string>& industries();
// Draws an industry for an enterprise in the given county; warehousing land favours logistics;
// leading_bias > 1 favours the four leading industries (the tenants of standard factories).
const std::string& draw_industry(Rng& rng, int county_index, bool warehousing, double leading_bias = 1.0);
// A GB/T 4754-2017 class (4 digits) of the industry: 锂电新能源 3841 or 3985, 新能源汽车 3670 or 3612,
// 不锈钢新材料 3130 or 3140, 铜材料 3251 or 3340, 物流仓储 5990 or 5910, ...
std::string_view draw_industry_code(Rng& rng, std::string_view industry);

// The park company (平台公司) of a county's park: "福安市城投园区开发有限公司" for round 0,
// "福安市小微园二期开发建设有限公司" for round 1, ...
std::string park_company_name(const County& county, int round);
// Its industry: 园区管理服务, GB/T 4754-2017 class 7221.
inline constexpr const char* kParkCompanyIndustry = "园区管理服务";
inline constexpr const char* kParkCompanyIndustryCode = "7221";
bool is_leading_industry(std::string_view industry);

// "宁德鑫泰新能源科技有限公司": prefix + a two- or three-character brand unique per index + suffix.
std::string enterprise_name(Rng& rng, std::size_t index, const County& county, std::string_view industry);

}  // namespace parkgis::generator
