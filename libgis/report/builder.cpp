#include "libgis/report/builder.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>

#include "libgis/core/errors.h"
#include "libgis/core/units.h"
#include "libgis/report/labels.h"
#include "libgis/store/store.h"

namespace parkgis::report {

namespace {

using store::Row;
using store::Value;

// One report column: where its value comes from and how it is shown.
struct Spec {
  Spec(std::string db_, std::string header_, std::string unit_, int decimals_, bool percent_, bool compact_,
       double scale_ = 0, std::string key_ = "")
      : db(std::move(db_)), header(std::move(header_)), unit(std::move(unit_)), decimals(decimals_),
        percent(percent_), compact(compact_), scale(scale_), key(std::move(key_)) {}
  std::string db;      // result-table column
  std::string header;  // Chinese label
  std::string unit;
  int decimals = -1;
  bool percent = false;
  bool compact = false;   // shown in the terminal's compact table
  double scale = 0;       // multiply (m² -> 亩 conversion); 0 = as stored
  std::string key;        // report key when it differs from db (converted columns)
};

constexpr double kMu = 1.0 / units::kSquareMetresPerMu;

std::vector<Spec> unit_specs() {
  return {
      {"land_mu", "面积", "亩", 1, false, true},
      {"approved_m2", "已批", "亩", 1, false, false, kMu, "approved_mu"},
      {"supplied_m2", "已供", "亩", 1, false, false, kMu, "supplied_mu"},
      {"unsupplied_mu", "批而未供", "亩", 1, false, true},
      {"unsupplied_rate", "批而未供率", "", 1, true, false},
      {"idle_mu", "闲置土地", "亩", 1, false, true},
      {"idle_parcels", "闲置宗地", "", -1, false, false},
      {"idle_rate", "闲置率", "", 1, true, true},
      {"floor_m2", "建筑面积", "m²", 0, false, false},
      {"vacancy_rate", "空置闲置率", "", 1, true, true},
      {"factory_vacancy_rate", "厂房空置闲置率", "", 1, true, false},
      {"vacant_empty_m2", "空置面积", "m²", 0, false, false},
      {"vacant_idle_m2", "闲置面积", "m²", 0, false, false},
      {"vacant_undated_m2", "其中无起始日期", "m²", 0, false, false},
      {"firms", "入驻企业", "", -1, false, true},
      {"tenant_firms", "承租企业", "", -1, false, false},
      {"factory_let_rate", "厂房出租率", "", 1, true, false},
      {"factory_occupancy_rate", "入驻率", "", 1, true, false},
      {"tenant_tax_share", "承租企业税收占比", "", 1, true, false},
      {"land_mu_used", "已用地", "亩", 1, false, false},
      {"output_wan", "产值", "万元", 0, false, false},
      {"tax_wan", "税收", "万元", 0, false, false},
      {"output_per_mu", "亩均产值", "万元/亩", 1, false, true},
      {"tax_per_mu", "亩均税收", "万元/亩", 2, false, true},
      {"supply_rate", "供应率", "", 1, true, false},
      {"built_up_rate", "建成率", "", 1, true, false},
      {"industrial_share", "工业用地率", "", 1, true, false},
      {"comprehensive_plot_ratio", "综合容积率", "", 2, false, false},
      {"building_density", "建筑密度", "", 1, true, false},
      {"below_control_parcels", "未达控制指标宗地", "", -1, false, true},
      {"low_efficiency_parcels", "疑似低效宗地", "", -1, false, false},
      // TD/T 1029 additions (parcel-based approximations, docs/indicators.md)
      {"land_development_rate", "土地开发率", "", 1, true, false},
      {"industrial_plot_ratio", "工业用地综合容积率", "", 2, false, false},
      {"industrial_building_coefficient", "工业用地建筑系数", "", 1, true, false},
      {"industrial_tax_wan_per_ha", "工业用地地均税收", "万元/公顷", 1, false, false},
      {"industrial_investment_wan_per_ha", "工业用地固定资产投入强度", "万元/公顷", 0, false, false},
      {"tax_wan_per_ha", "综合地均税收", "万元/公顷", 1, false, false},
      {"supply_years_left", "尚可供地年数", "年", 1, false, false},
  };
}

// Order 53 and 供而未用 columns of zones and parks (after unit_specs).
std::vector<Spec> idle_unit_specs() {
  return {
      {"supplied_not_used_mu", "供而未用", "亩", 1, false, true},
      {"supplied_not_used_parcels", "供而未用宗地", "", -1, false, false},
      {"gov_cause_idle_m2", "政府原因闲置", "亩", 1, false, false, kMu, "gov_cause_idle_mu"},
      {"idle_unknown_parcels", "待核实宗地", "", -1, false, false},
      {"idle_disposal_rate", "闲置土地处置率", "", 1, true, false},
  };
}

// Approval batches (批次), as 增存挂钩 manages them.
std::vector<Spec> approval_specs() {
  return {
      {"approval_id", "批准文号", "", -1, false, true},
      {"zone_id", "片区代码", "", -1, false, true},
      {"approved", "批准日期", "", -1, false, true},
      {"age_years", "批准年限", "年", -1, false, true},
      {"approved_mu", "批准面积", "亩", 1, false, true},
      {"supplied_mu", "已供", "亩", 1, false, true},
      {"unsupplied_mu", "批而未供", "亩", 1, false, true},
      {"supply_rate", "供地率", "", 1, true, true},
  };
}

std::vector<Spec> park_specs() {
  std::vector<Spec> s = {{"park_id", "园区代码", "", -1, false, false}, {"name", "园区", "", -1, false, true},
                         {"county", "县区", "", -1, false, false},
                         {"zones", "片区", "", -1, false, true}};
  for (const auto& list : {unit_specs(), idle_unit_specs()}) s.insert(s.end(), list.begin(), list.end());
  return s;
}

std::vector<Spec> zone_specs() {
  std::vector<Spec> s = {{"zone_id", "片区代码", "", -1, false, true}, {"name", "片区", "", -1, false, true}};
  for (const auto& list : {unit_specs(), idle_unit_specs()}) s.insert(s.end(), list.begin(), list.end());
  return s;
}

std::vector<Spec> parcel_specs() {
  return {
      {"parcel_id", "宗地代码", "", -1, false, true},   {"land_use", "用途", "", -1, false, false},
      {"enterprise_name", "权利人", "", -1, false, true}, {"area_mu", "面积", "亩", 2, false, true},
      {"supplied", "已供", "", -1, false, false},        {"started", "已动工", "", -1, false, false},
      {"coverage", "建筑系数", "", 1, true, true},        {"plot_ratio", "容积率", "", 2, false, true},
      {"vacancy_rate", "空置闲置率", "", 1, true, true},  {"idle_status", "闲置状态", "", -1, false, true},
      {"tenants", "承租企业", "", -1, false, false},
      {"idle_days", "闲置天数", "天", -1, false, false},  {"idle_fee_wan", "闲置费", "万元", 1, false, false},
      {"output_per_mu", "亩均产值", "万元/亩", 1, false, false},
      {"tax_per_mu", "亩均税收", "万元/亩", 2, false, true}, {"grade", "等级", "", -1, false, true},
      {"investment_wan_per_ha", "投资强度", "万元/公顷", 0, false, false},
      {"office_share", "办公生活设施比重", "", 1, true, false},
      {"green_ratio", "绿地率", "", 1, true, false},
      {"below_control", "未达控制指标", "", -1, false, true},
      {"control_note", "控制指标说明", "", -1, false, false},
      {"low_efficiency", "疑似低效", "", -1, false, false},
      {"low_efficiency_reason", "疑似低效依据", "", -1, false, false},
      {"idle_reason", "闲置依据", "", -1, false, false},
      {"decision_no", "认定书号", "", -1, false, false},  {"disposal", "处置方式", "", -1, false, false},
      {"disposal_date", "处置完成日期", "", -1, false, false},
  };
}

std::vector<Spec> enterprise_specs() {
  return {
      {"enterprise_id", "企业代码", "", -1, false, false},
      {"name", "企业", "", -1, false, true},
      {"industry", "行业", "", -1, false, true},
      {"industry_code", "行业代码", "", -1, false, false},
      {"scale", "规模", "", -1, false, false},
      {"scheme", "评价方案", "", -1, false, false},
      {"year", "年度", "", -1, false, false},
      {"parcels", "宗地", "", -1, false, false},
      {"land_mu", "用地", "亩", 1, false, true},
      {"owned_land_m2", "自有用地", "亩", 1, false, false, kMu, "owned_land_mu"},
      {"leased_land_m2", "租用用地", "亩", 1, false, false, kMu, "leased_land_mu"},
      {"leased_floor_m2", "租用建筑面积", "m²", 0, false, false},
      {"output_wan", "产值", "万元", 0, false, false},
      {"tax_wan", "税收", "万元", 0, false, false},
      {"output_per_mu", "亩均产值", "万元/亩", 1, false, true},
      {"tax_per_mu", "亩均税收", "万元/亩", 2, false, true},
      {"value_added_per_mu", "亩均增加值", "万元/亩", 1, false, false},
      {"value_added_per_tce", "单位能耗增加值", "万元/吨标煤", 2, false, false},
      {"value_added_per_employee", "全员劳动生产率", "万元/人", 2, false, false},
      {"rnd_share", "研发经费占比", "", 1, true, false},
      {"tax_per_kwh", "单位电耗税收", "元/kWh", 3, false, false},
      {"value_added_per_emission", "单位排放增加值", "万元/吨", 1, false, false},
      {"score", "得分", "", 1, false, true},
      {"grade", "等级", "", -1, false, true},
      {"grade_note", "说明", "", -1, false, false},
  };
}

std::vector<Spec> visible(const std::vector<Spec>& specs, bool compact) {
  std::vector<Spec> out;
  for (const Spec& s : specs)
    if (!compact || s.compact) out.push_back(s);
  return out;
}

std::vector<Column> columns_of(const std::vector<Spec>& specs) {
  std::vector<Column> cols;
  for (const Spec& s : specs) cols.push_back({s.key.empty() ? s.db : s.key, s.header, s.unit, s.decimals, s.percent});
  return cols;
}

// One row of a result table: its values in the table's column order, found by name through an index
// shared by every row of the read (a map per row cost 4 KB a row: 2 GB for 500,000 enterprises).
// set() overrides or adds a value (totals rows name themselves "合计").
class TableRow {
 public:
  using Index = std::unordered_map<std::string, std::size_t>;
  TableRow(std::shared_ptr<const Index> index, std::vector<Value> values)
      : m_index(std::move(index)), m_values(std::move(values)) {}
  const Value* find(const std::string& col) const {
    for (const auto& [name, v] : m_extra)
      if (name == col) return &v;
    const auto it = m_index->find(col);
    return it == m_index->end() ? nullptr : &m_values[it->second];
  }
  void set(const std::string& col, Value v) {
    if (const auto it = m_index->find(col); it != m_index->end()) {
      m_values[it->second] = std::move(v);
      return;
    }
    for (auto& [name, old] : m_extra)
      if (name == col) {
        old = std::move(v);
        return;
      }
    m_extra.emplace_back(col, std::move(v));
  }

 private:
  std::shared_ptr<const Index> m_index;
  std::vector<Value> m_values;
  std::vector<std::pair<std::string, Value>> m_extra;
};

// Reads the rows of a table.
std::vector<TableRow> read_rows(store::Store& store, const std::string& table, const std::string& order_by,
                                const store::Filter& filter = {}) {
  if (!store.has_table(table))
    throw DataError(store.location() + " has no analysis results (table " + table +
                    "); run 'parkgis analyze --db " + store.location() + "' first");
  const std::vector<std::string> cols = store.columns(table);
  auto index = std::make_shared<TableRow::Index>();
  for (std::size_t i = 0; i < cols.size(); ++i) index->emplace(cols[i], i);
  std::vector<TableRow> out;
  store.read_table(
      table, cols, false, order_by, [&](const Row& r) { out.emplace_back(index, r.values); }, filter);
  return out;
}

std::string text_of(const TableRow& row, const std::string& col) {
  const Value* v = row.find(col);
  return v ? store::value_text(*v) : "";
}

std::vector<Value> values_of(const TableRow& row, const std::vector<Spec>& specs) {
  std::vector<Value> out;
  out.reserve(specs.size());
  for (const Spec& s : specs) {
    const Value* found = row.find(s.db);
    Value v = found ? *found : Value{};
    if (s.scale != 0) {
      if (const auto* d = std::get_if<double>(&v)) v = *d * s.scale;
    }
    if (s.db == "idle_status") {
      const auto l = idle_labels().find(store::value_text(v));
      if (l != idle_labels().end()) v = l->second.empty() ? Value{} : Value{l->second};
    }
    if (s.db == "grade") {
      const auto l = grade_labels().find(store::value_text(v));
      if (l != grade_labels().end()) v = Value{l->second};
    }
    out.push_back(std::move(v));
  }
  return out;
}

double number_of(const TableRow& row, const std::string& col) {
  const Value* v = row.find(col);
  return v ? store::value_number(*v).value_or(0) : 0;
}

// "企业数据年度（评价年度 2026，无该年数据的企业用此前最近一年）：2025 年 3 家、2024 年 1 家".
std::string year_note(store::Store& store, const std::string& as_of) {
  if (!store.has_table("enterprise_metrics")) return "";
  std::map<std::string, int> count;  // year text → enterprises
  store.read_table("enterprise_metrics", {"year"}, false, "", [&](const Row& r) { count[store::value_text(r.values[0])] += 1; });
  std::string out;
  for (auto it = count.rbegin(); it != count.rend(); ++it)
    out += (out.empty() ? "" : "、") + (it->first.empty() ? "无数据" : it->first + " 年") + " " + std::to_string(it->second) + " 家";
  if (out.empty()) return "";
  return "企业数据年度（评价年度 " + as_of.substr(0, 4) + "，无该年数据的企业用此前最近一年）：" + out;
}

std::string vacancy_note(const std::string& config_json) {
  std::string months = "6";
  const std::string key = "\"min_months\": ";
  if (const auto at = config_json.find(key); at != std::string::npos) {
    const auto end = config_json.find_first_not_of("0123456789", at + key.size());
    months = config_json.substr(at + key.size(), end == std::string::npos ? std::string::npos : end - at - key.size());
  }
  return "空置：未出租、未出售、无人使用的建筑面积；闲置：已出租或自用但未生产的建筑面积；空置闲置满 " + months +
         " 个月计入（无起始日期的照计，另列）";
}

}  // namespace

Level parse_level(const std::string& name) {
  if (name == "park") return Level::park;
  if (name == "zone") return Level::zone;
  if (name == "parcel") return Level::parcel;
  if (name == "enterprise") return Level::enterprise;
  if (name == "approval") return Level::approval;
  if (name == "site") return Level::site;
  throw UsageError("unknown level '" + name + "'; use park, zone, parcel, enterprise, approval or site");
}

Report build_report(store::Store& store, const Request& req) {
  if (req.level == Level::site) return build_site_report(store, req);
  const auto meta = store.meta();
  const auto get = [&](const char* k) {
    auto it = meta.find(k);
    return it == meta.end() ? std::string() : it->second;
  };
  const auto runs = read_rows(store, "runs", "run_id");
  const auto parks = read_rows(store, "park_metrics", "park_id");
  const auto zones = read_rows(store, "zone_metrics", "zone_id");

  std::map<std::string, std::string> park_name, zone_park, zone_name;
  for (const auto& p : parks) park_name[text_of(p, "park_id")] = text_of(p, "name");
  for (const auto& z : zones) {
    zone_park[text_of(z, "zone_id")] = text_of(z, "park_id");
    zone_name[text_of(z, "zone_id")] = text_of(z, "name");
  }
  if (!req.park_id.empty() && !park_name.count(req.park_id))
    throw DataError("no park with park_id " + req.park_id + " in " + store.location());
  if (!req.zone_id.empty() && !zone_park.count(req.zone_id))
    throw DataError("no zone with zone_id " + req.zone_id + " in " + store.location());
  const auto park_ok = [&](const std::string& park) { return req.park_id.empty() || park == req.park_id; };
  const auto zone_ok = [&](const std::string& zone) { return req.zone_id.empty() || zone == req.zone_id; };
  // Rows with park_id and zone_id, a section per park in park order, rows without a park last.
  const auto add_sections_by_park = [&](Report& rep, const std::vector<TableRow>& rows,
                                        const std::vector<Spec>& specs, const std::string& no_park_title) {
    std::map<std::string, Section> by_park;
    for (const auto& row : rows) {
      const std::string pid = text_of(row, "park_id");
      if (!park_ok(pid) || !zone_ok(text_of(row, "zone_id"))) continue;
      Section& s = by_park[pid];
      if (s.title.empty()) {
        s.title = pid.empty() ? no_park_title : park_name[pid] + "（" + pid + "）";
        s.key = pid.empty() ? "" : "park:" + pid;
      }
      s.rows.push_back(values_of(row, specs));
    }
    for (auto& [pid, s] : by_park)
      if (!pid.empty()) rep.sections.push_back(std::move(s));
    if (by_park.count("")) rep.sections.push_back(std::move(by_park[""]));
  };

  Report r;
  const std::string dataset = get("name");
  static const char* const titles[] = {"园区汇总", "片区汇总", "宗地明细", "企业亩均评价", "批次供地（批而未供）"};
  r.title = dataset + " — " + titles[static_cast<int>(req.level)];
  if (!runs.empty()) {
    const auto& run = runs.back();
    r.notes.push_back("评价时点 " + text_of(run, "as_of") + "；第 " + text_of(run, "run_id") + " 次分析（" +
                      text_of(run, "ran_at") + "，parkgis " + text_of(run, "parkgis_version") + "）");
  }
  r.notes.push_back("面积为 EPSG:" + get("srid") + " 平面面积，1 亩 = 10000/15 m²；金额单位 万元");
  // Which year's enterprise figures were used, and what the vacancy figures count (docs/indicators.md).
  if (!runs.empty()) {
    if (const std::string years = year_note(store, text_of(runs.back(), "as_of")); !years.empty()) r.notes.push_back(years);
    r.notes.push_back(vacancy_note(text_of(runs.back(), "config")));
  }
  if (!req.park_id.empty()) r.notes.push_back("园区 " + req.park_id + " " + park_name[req.park_id]);
  if (!req.zone_id.empty()) r.notes.push_back("片区 " + req.zone_id + " " + zone_name[req.zone_id]);
  if (req.level != Level::enterprise && req.level != Level::approval)
    r.notes.push_back("闲置土地均为疑似：须经调查并下达《闲置土地认定书》方可认定（闲置土地处置办法第九至十一条）");

  switch (req.level) {
    case Level::park: {
      const auto specs = visible(park_specs(), req.compact);
      r.columns = columns_of(specs);
      Section s;
      for (const auto& p : parks)
        if (park_ok(text_of(p, "park_id")) && req.zone_id.empty()) s.rows.push_back(values_of(p, specs));
      if (req.park_id.empty() && req.zone_id.empty()) {
        for (auto total : read_rows(store, "dataset_metrics", "")) {
          total.set("name", Value{std::string("合计")});
          s.total = values_of(total, specs);
        }
      }
      r.sections.push_back(std::move(s));
      break;
    }
    case Level::zone: {
      const auto specs = visible(zone_specs(), req.compact);
      r.columns = columns_of(specs);
      std::map<std::string, std::vector<const TableRow*>> zones_of_park;  // in zone_id order
      for (const auto& z : zones)
        if (zone_ok(text_of(z, "zone_id"))) zones_of_park[text_of(z, "park_id")].push_back(&z);
      for (const auto& p : parks) {
        const std::string pid = text_of(p, "park_id");
        if (!park_ok(pid)) continue;
        Section s;
        s.title = park_name[pid] + "（" + pid + "）";
        s.key = "park:" + pid;
        if (auto it = zones_of_park.find(pid); it != zones_of_park.end())
          for (const auto* z : it->second) s.rows.push_back(values_of(*z, specs));
        if (s.rows.empty()) continue;
        if (req.zone_id.empty()) {
          auto total = p;
          total.set("zone_id", Value{std::string("合计")});
          total.set("name", Value{});
          s.total = values_of(total, specs);
        }
        r.sections.push_back(std::move(s));
      }
      break;
    }
    case Level::parcel: {
      const auto specs = visible(parcel_specs(), req.compact);
      r.columns = columns_of(specs);
      std::map<std::string, Section> by_zone;
      // Only the rows asked for are read (indexed zone_id / park_id), not the whole table.
      const store::Filter where = !req.zone_id.empty() ? store::Filter::equals("zone_id", req.zone_id)
                                  : !req.park_id.empty() ? store::Filter::equals("park_id", req.park_id)
                                                         : store::Filter{};
      for (const auto& row : read_rows(store, "parcel_metrics", "parcel_id", where)) {
        const std::string zid = text_of(row, "zone_id");
        const std::string pid = zid.empty() ? "" : zone_park[zid];
        if (!park_ok(pid) || !zone_ok(zid)) continue;
        Section& s = by_zone[zid];
        if (s.title.empty()) {
          s.title = zid.empty() ? "不在任何片区" : park_name[pid] + " / " + zone_name[zid] + "（" + zid + "）";
          s.key = zid.empty() ? "" : "zone:" + zid;
        }
        s.rows.push_back(values_of(row, specs));
      }
      for (auto& [zid, s] : by_zone) r.sections.push_back(std::move(s));
      break;
    }
    case Level::enterprise: {
      const auto specs = visible(enterprise_specs(), req.compact);
      r.columns = columns_of(specs);
      const store::Filter where = !req.zone_id.empty() ? store::Filter::equals("zone_id", req.zone_id)
                                  : !req.park_id.empty() ? store::Filter::equals("park_id", req.park_id)
                                                         : store::Filter{};
      auto rows = read_rows(store, "enterprise_metrics", "enterprise_id", where);
      // Best first: by grade, then score (high to low), then id (the order read).
      struct Key {
        std::string grade;
        double score;
        std::size_t row;
      };
      std::vector<Key> keys;
      keys.reserve(rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) keys.push_back({text_of(rows[i], "grade"), number_of(rows[i], "score"), i});
      std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.grade != b.grade) return a.grade < b.grade;  // "A" < "B" < ... < "ungraded"
        return a.score > b.score;
      });
      std::vector<TableRow> sorted;
      sorted.reserve(rows.size());
      for (const Key& k : keys) sorted.push_back(std::move(rows[k.row]));
      add_sections_by_park(r, sorted, specs, "无用地企业");
      break;
    }
    case Level::approval: {
      const auto specs = visible(approval_specs(), req.compact);
      r.columns = columns_of(specs);
      r.notes.push_back("批准日期晚于评价时点的批次不计；批准年限为评价时点前已满的整年数");
      add_sections_by_park(r, read_rows(store, "approval_metrics", "approval_id"), specs, "未归属片区的批次");
      break;
    }
    case Level::site: break;  // build_site_report, above
  }
  return r;
}

}  // namespace parkgis::report
