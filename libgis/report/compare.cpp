#include "libgis/report/compare.h"

#include <map>

#include "libgis/core/errors.h"
#include "libgis/core/units.h"
#include "libgis/history/dated_view.h"
#include "libgis/history/parcel_changes.h"
#include "libgis/report/evaluation_rows.h"
#include "libgis/report/labels.h"
#include "libgis/store/store.h"

namespace parkgis::report {

namespace {

using store::Value;

Value text_value(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value number_value(const std::optional<double>& v) { return v ? Value{*v} : Value{}; }

std::string idle_text(const std::string& code) {
  const std::string label = label_of(idle_labels(), code);
  return label.empty() ? "非闲置" : label;
}

// Sections by park, in park id order; rows without a park last under `no_park`.
class ParkSections {
 public:
  ParkSections(std::map<std::string, std::string> names, std::string no_park)
      : m_names(std::move(names)), m_no_park(std::move(no_park)) {}
  void add(const std::string& park, std::vector<Value> row) {
    Section& s = m_by_park[park];
    if (s.title.empty()) {
      s.title = park.empty() ? m_no_park : m_names[park] + "（" + park + "）";
      s.key = park.empty() ? "" : "park:" + park;
    }
    s.rows.push_back(std::move(row));
  }
  void move_into(Report& rep) {
    for (auto& [park, s] : m_by_park)
      if (!park.empty()) rep.sections.push_back(std::move(s));
    if (m_by_park.count("")) rep.sections.push_back(std::move(m_by_park[""]));
  }

 private:
  std::map<std::string, std::string> m_names;
  std::string m_no_park;
  std::map<std::string, Section> m_by_park;
};

struct Figure {
  std::string db, key, header, unit;
  int decimals;
  bool percent;
};

const std::vector<Figure>& unit_figures() {
  static const std::vector<Figure> f = {
      {"idle_m2", "idle_m2", "闲置土地", "m²", 1, false},
      {"unsupplied_m2", "unsupplied_m2", "批而未供", "m²", 1, false},
      {"supplied_not_used_m2", "supplied_unused_m2", "供而未用", "m²", 1, false},
      {"tax_per_mu", "tax_per_mu", "亩均税收", "万元/亩", 2, false},
      {"output_per_mu", "output_per_mu", "亩均产值", "万元/亩", 1, false},
      {"vacancy_rate", "vacancy_rate", "空置闲置率", "", 1, true},
  };
  return f;
}

void compare_parcels(store::Store& store, const CompareRequest& req, Report& rep, ParkSections& sections) {
  rep.columns = parcel_change_columns();
  for (const history::ChangedParcel& c : history::changed_parcels(store, req.from, req.to, false)) {
    const history::ParcelSide& side = c.side();
    if (!req.park_id.empty() && side.park_id != req.park_id) continue;
    if (!req.zone_id.empty() && side.zone_id != req.zone_id) continue;
    sections.add(side.park_id, parcel_change_row(c));
  }
}

std::map<std::string, RowMap> rows_by_id(store::Store& store, const Date& d, const std::string& table,
                                         const std::string& id, const std::vector<std::string>& cols) {
  auto view = history::evaluation_view(store, d);
  std::map<std::string, RowMap> out;
  for (RowMap& r : read_rows(*view, table, cols, id)) out[text_at(r, id)] = std::move(r);
  return out;
}

bool in_scope(const CompareRequest& req, const RowMap& row) {
  return (req.park_id.empty() || text_at(row, "park_id") == req.park_id) &&
         (req.zone_id.empty() || text_at(row, "zone_id") == req.zone_id);
}

void compare_enterprises(store::Store& store, const CompareRequest& req, Report& rep, ParkSections& sections) {
  rep.columns = {{"enterprise_id", "企业代码", "", -1, false}, {"name", "企业", "", -1, false},
                 {"grade_from", "等级（前）", "", -1, false},   {"grade_to", "等级（后）", "", -1, false},
                 {"rank_from", "名次（前）", "", -1, false},    {"rank_to", "名次（后）", "", -1, false},
                 {"change", "变化", "", -1, false},
                 {"score_from", "得分（前）", "", 1, false},    {"score_to", "得分（后）", "", 1, false},
                 {"tax_per_mu_from", "亩均税收（前）", "万元/亩", 2, false},
                 {"tax_per_mu_to", "亩均税收（后）", "万元/亩", 2, false}};
  const std::vector<std::string> cols = {"enterprise_id", "name", "park_id", "zone_id", "grade", "rank", "score", "tax_per_mu"};
  auto a = rows_by_id(store, req.from, "enterprise_metrics", "enterprise_id", cols);
  auto b = rows_by_id(store, req.to, "enterprise_metrics", "enterprise_id", cols);
  std::map<std::string, std::pair<const RowMap*, const RowMap*>> ids;
  for (const auto& [id, r] : a) ids[id].first = &r;
  for (const auto& [id, r] : b) ids[id].second = &r;
  const RowMap none;
  for (const auto& [id, pair] : ids) {
    const RowMap& from = pair.first ? *pair.first : none;
    const RowMap& to = pair.second ? *pair.second : none;
    const RowMap& now = pair.second ? to : from;
    if (!in_scope(req, now)) continue;
    const auto state = [](const RowMap& r) {
      const auto rank = number_at(r, "rank");
      return history::EnterpriseState{text_at(r, "grade"), rank ? std::optional<int>(static_cast<int>(*rank)) : std::nullopt};
    };
    const history::EnterpriseChange change = history::classify_enterprise(state(from), state(to));
    if (change == history::EnterpriseChange::none) continue;
    const auto grade = [](const RowMap& r) { return text_value(label_of(grade_labels(), text_at(r, "grade"))); };
    sections.add(text_at(now, "park_id"),
                 {Value{id}, value_at(now, "name"), grade(from), grade(to), value_at(from, "rank"), value_at(to, "rank"),
                  Value{std::string(history::change_label(change))}, value_at(from, "score"), value_at(to, "score"),
                  value_at(from, "tax_per_mu"), value_at(to, "tax_per_mu")});
  }
}

void compare_units(store::Store& store, const CompareRequest& req, Report& rep, ParkSections& sections, bool zones) {
  const std::string id = zones ? "zone_id" : "park_id";
  rep.columns = {{id, zones ? "片区代码" : "园区代码", "", -1, false}, {"name", zones ? "片区" : "园区", "", -1, false}};
  std::vector<std::string> cols = {id, "name", "park_id"};
  for (const Figure& f : unit_figures()) {
    cols.push_back(f.db);
    rep.columns.push_back({f.key + "_from", f.header + " " + req.from.iso(), f.unit, f.decimals, f.percent});
    rep.columns.push_back({f.key + "_to", f.header + " " + req.to.iso(), f.unit, f.decimals, f.percent});
    rep.columns.push_back({f.key + "_change", f.header + "增减", f.unit, f.decimals, f.percent});
  }
  const std::string table = zones ? "zone_metrics" : "park_metrics";
  auto a = rows_by_id(store, req.from, table, id, cols);
  auto b = rows_by_id(store, req.to, table, id, cols);
  std::map<std::string, std::pair<const RowMap*, const RowMap*>> ids;
  for (const auto& [key, r] : a) ids[key].first = &r;
  for (const auto& [key, r] : b) ids[key].second = &r;
  const RowMap none;
  Section parks;  // parks: one section
  for (const auto& [key, pair] : ids) {
    const RowMap& from = pair.first ? *pair.first : none;
    const RowMap& to = pair.second ? *pair.second : none;
    const RowMap& now = pair.second ? to : from;
    if (!req.park_id.empty() && text_at(now, "park_id") != req.park_id) continue;
    if (!req.zone_id.empty() && key != req.zone_id) continue;
    std::vector<Value> row = {Value{key}, value_at(now, "name")};
    for (const Figure& f : unit_figures()) {
      const auto x = number_at(from, f.db), y = number_at(to, f.db);
      row.insert(row.end(), {number_value(x), number_value(y), number_value(history::difference(x, y))});
    }
    if (zones) sections.add(text_at(now, "park_id"), std::move(row));
    else parks.rows.push_back(std::move(row));
  }
  if (!zones) rep.sections.push_back(std::move(parks));
}

}  // namespace

std::vector<Column> parcel_change_columns() {
  return {{"parcel_id", "宗地代码", "", -1, false},
          {"zone_id", "片区代码", "", -1, false},
          {"idle_from", "闲置状态（前）", "", -1, false},
          {"idle_to", "闲置状态（后）", "", -1, false},
          {"grade_from", "等级（前）", "", -1, false},
          {"grade_to", "等级（后）", "", -1, false},
          {"change", "变化", "", -1, false},
          {"supply_from", "供地状态（前）", "", -1, false},
          {"supply_to", "供地状态（后）", "", -1, false},
          {"other_changes", "其他变化", "", -1, false},
          {"enterprise_name", "权利人", "", -1, false},
          {"area_mu", "面积", "亩", 2, false}};
}

std::vector<Value> parcel_change_row(const history::ChangedParcel& c) {
  const auto idle = [](const std::optional<history::ParcelSide>& s) {
    return s ? Value{idle_text(s->state.idle_status)} : Value{};
  };
  const auto grade = [](const std::optional<history::ParcelSide>& s) {
    return s ? text_value(label_of(grade_labels(), s->state.grade)) : Value{};
  };
  const auto supply = [](const std::optional<history::ParcelSide>& s) {
    return s ? text_value(label_of(supply_labels(), s->state.supply_status)) : Value{};
  };
  std::string others;
  for (std::size_t i = 1; i < c.changes.size(); ++i)
    others += (others.empty() ? "" : "、") + std::string(history::change_label(c.changes[i]));
  const history::ParcelSide& side = c.side();
  return {Value{c.parcel_id}, text_value(side.zone_id), idle(c.from), idle(c.to), grade(c.from), grade(c.to),
          Value{std::string(history::change_label(c.changes.front()))}, supply(c.from), supply(c.to),
          text_value(others), text_value(side.enterprise_name), Value{units::m2_to_mu(side.area_m2)}};
}

CompareLevel parse_compare_level(const std::string& name) {
  if (name == "parcel") return CompareLevel::parcel;
  if (name == "enterprise") return CompareLevel::enterprise;
  if (name == "zone") return CompareLevel::zone;
  if (name == "park") return CompareLevel::park;
  throw UsageError("unknown level '" + name + "'; use parcel, enterprise, zone or park");
}

Report build_compare(store::Store& store, const CompareRequest& req) {
  if (!(req.from < req.to))
    throw UsageError("--from " + req.from.iso() + " must be before --to " + req.to.iso());
  if (req.level == CompareLevel::park && !req.zone_id.empty())
    throw UsageError("--zone goes with --by parcel, enterprise or zone; use --park");
  history::choose_evaluation(store, req.from, "--from");  // refuses a date without evaluation
  history::choose_evaluation(store, req.to, "--to");  // refuses a date without evaluation

  std::map<std::string, std::string> park_names;
  {
    auto view = history::evaluation_view(store, req.to);
    for (const RowMap& p : read_rows(*view, "park_metrics", {"park_id", "name"}, "park_id"))
      park_names[text_at(p, "park_id")] = text_at(p, "name");
  }
  Report rep;
  static const char* const titles[] = {"宗地变化", "企业等级与名次变化", "片区指标对比", "园区指标对比"};
  rep.title = store.meta()["name"] + " — " + titles[static_cast<int>(req.level)] + "（" + req.from.iso() + " → " +
              req.to.iso() + "）";
  rep.notes.push_back("对比两次评价：" + req.from.iso() + "（前）与 " + req.to.iso() + "（后）；各自按其评价时点计算并保存，此处只读取");
  if (req.level == CompareLevel::parcel)
    rep.notes.push_back("列出闲置状态、供地状态或等级有变化的宗地；变化含义见 docs/history.md（对比结果的读法）；闲置均为疑似");
  if (req.level == CompareLevel::enterprise)
    rep.notes.push_back("列出等级或名次有变化的企业；名次为同一评价年度、排名组和评价方案内的位次，跨年比较仅供参考");
  if (req.level == CompareLevel::zone || req.level == CompareLevel::park)
    rep.notes.push_back("增减 = 后 − 前；面积为平面面积（m²）");
  if (!req.park_id.empty()) rep.notes.push_back("园区 " + req.park_id + " " + park_names[req.park_id]);
  if (!req.zone_id.empty()) rep.notes.push_back("片区 " + req.zone_id);

  ParkSections sections(park_names, req.level == CompareLevel::enterprise ? "无用地企业" : "不在任何园区");
  switch (req.level) {
    case CompareLevel::parcel: compare_parcels(store, req, rep, sections); break;
    case CompareLevel::enterprise: compare_enterprises(store, req, rep, sections); break;
    case CompareLevel::zone: compare_units(store, req, rep, sections, true); break;
    case CompareLevel::park: compare_units(store, req, rep, sections, false); break;
  }
  sections.move_into(rep);
  if (rep.sections.empty()) rep.sections.push_back(Section{});
  return rep;
}

}  // namespace parkgis::report
