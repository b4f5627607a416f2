#include "libgis/report/trend.h"

#include <algorithm>
#include <map>
#include <set>

#include "libgis/core/errors.h"
#include "libgis/core/units.h"
#include "libgis/history/dated_view.h"
#include "libgis/report/evaluation_rows.h"
#include "libgis/report/labels.h"
#include "libgis/store/store.h"

namespace parkgis::report {

namespace {

// A trend column: the result-table column it reads and how it is shown.
struct TrendColumn {
  std::string db;
  Column column;
};

std::vector<TrendColumn> unit_columns(const std::string& id_key, const std::string& id_header) {
  return {
      {id_key, {id_key, id_header, "", -1, false}},
      {"", {"as_of", "评价时点", "", -1, false}},
      {"idle_m2", {"idle_m2", "闲置土地", "m²", 1, false}},
      {"unsupplied_m2", {"unsupplied_m2", "批而未供", "m²", 1, false}},
      {"supplied_not_used_m2", {"supplied_unused_m2", "供而未用", "m²", 1, false}},
      {"tax_per_mu", {"tax_per_mu", "亩均税收", "万元/亩", 2, false}},
      {"output_per_mu", {"output_per_mu", "亩均产值", "万元/亩", 1, false}},
      {"vacancy_rate", {"vacancy_rate", "空置闲置率", "", 1, true}},
  };
}

std::vector<TrendColumn> enterprise_columns() {
  return {
      {"enterprise_id", {"enterprise_id", "企业代码", "", -1, false}},
      {"name", {"name", "企业", "", -1, false}},
      {"", {"as_of", "评价时点", "", -1, false}},
      {"year", {"year", "数据年度", "", -1, false}},
      {"grade", {"grade", "等级", "", -1, false}},
      {"score", {"score", "得分", "", 1, false}},
      {"rank", {"rank", "名次", "", -1, false}},
      {"land_mu", {"land_mu", "用地", "亩", 1, false}},
      {"tax_per_mu", {"tax_per_mu", "亩均税收", "万元/亩", 2, false}},
      {"output_per_mu", {"output_per_mu", "亩均产值", "万元/亩", 1, false}},
      {"value_added_per_mu", {"value_added_per_mu", "亩均增加值", "万元/亩", 1, false}},
  };
}

struct Scope {
  std::string table, id, order;
  std::vector<std::string> read;  // columns read: the trend columns' and the scope's
};

std::vector<store::Value> values_of(const RowMap& row, const std::vector<TrendColumn>& cols, const Date& as_of) {
  std::vector<store::Value> out;
  for (const TrendColumn& c : cols) {
    if (c.column.key == "as_of") out.push_back(store::Value{as_of.iso()});
    else if (c.db == "grade") out.push_back(store::Value{label_of(grade_labels(), text_at(row, "grade"))});
    else out.push_back(value_at(row, c.db));
  }
  return out;
}

std::optional<double> cell_number(const std::vector<store::Value>& row, const Report& rep, const std::string& key) {
  for (std::size_t i = 0; i < rep.columns.size() && i < row.size(); ++i)
    if (rep.columns[i].key == key) return store::value_number(row[i]);
  return std::nullopt;
}

std::optional<double> to_mu(const std::optional<double>& m2) {
  return m2 ? std::optional<double>(units::m2_to_mu(*m2)) : std::nullopt;
}

}  // namespace

TrendLevel parse_trend_level(const std::string& name) {
  if (name == "park") return TrendLevel::park;
  if (name == "zone") return TrendLevel::zone;
  if (name == "enterprise") return TrendLevel::enterprise;
  throw UsageError("unknown level '" + name + "'; use park, zone or enterprise");
}

Report build_trend(store::Store& store, const TrendRequest& req) {
  if (req.level == TrendLevel::park && !req.zone_id.empty())
    throw UsageError("--zone goes with --by zone or --by enterprise (a park trend is of whole parks; use --park)");
  const std::vector<Date> dates = evaluation_dates(store, req.from, req.to);

  std::vector<TrendColumn> cols;
  Scope scope;
  switch (req.level) {
    case TrendLevel::park: cols = unit_columns("park_id", "园区代码"); scope = {"park_metrics", "park_id", "park_id", {}}; break;
    case TrendLevel::zone: cols = unit_columns("zone_id", "片区代码"); scope = {"zone_metrics", "zone_id", "zone_id", {}}; break;
    case TrendLevel::enterprise: cols = enterprise_columns(); scope = {"enterprise_metrics", "enterprise_id", "enterprise_id", {}}; break;
  }
  for (const TrendColumn& c : cols)
    if (!c.db.empty()) scope.read.push_back(c.db);
  for (const char* c : {"park_id", "zone_id", "name"}) scope.read.push_back(c);

  // (unit id, date) -> values; parks' names and figures for the charts.
  std::map<std::pair<std::string, Date>, std::vector<store::Value>> rows;
  std::map<std::string, std::string> park_names;
  std::set<std::string> chart_parks;
  bool park_seen = req.park_id.empty(), zone_seen = req.zone_id.empty();
  for (const Date& d : dates) {
    auto view = history::evaluation_view(store, d);
    for (const RowMap& p : read_rows(*view, "park_metrics", {"park_id", "name"}, "park_id"))
      park_names[text_at(p, "park_id")] = text_at(p, "name");
    for (const RowMap& r : read_rows(*view, scope.table, scope.read, scope.order)) {
      const std::string park = text_at(r, "park_id"), zone = text_at(r, "zone_id");
      park_seen = park_seen || park == req.park_id;
      zone_seen = zone_seen || zone == req.zone_id;
      if (!req.park_id.empty() && park != req.park_id) continue;
      if (!req.zone_id.empty() && zone != req.zone_id) continue;
      rows[{text_at(r, scope.id), d}] = values_of(r, cols, d);
      if (!park.empty()) chart_parks.insert(park);
    }
  }
  if (!park_seen) throw DataError("no park with park_id " + req.park_id + " in any evaluation of " + store.location());
  if (!zone_seen) throw DataError("no zone with zone_id " + req.zone_id + " in any evaluation of " + store.location());

  Report rep;
  const std::string dataset = store.meta()["name"];
  static const char* const titles[] = {"园区历年变化", "片区历年变化", "企业亩均评价历年变化"};
  rep.title = dataset + " — " + titles[static_cast<int>(req.level)];
  std::string listed;
  for (const Date& d : dates) listed += (listed.empty() ? "" : "、") + d.iso();
  rep.notes.push_back("评价时点：" + listed + "（共 " + std::to_string(dates.size()) + " 次评价）");
  rep.notes.push_back("各次评价按其评价时点的土地数据与企业年度数据计算并保存；本表逐次读取，不重新计算");
  if (req.level != TrendLevel::enterprise)
    rep.notes.push_back("闲置土地均为疑似；面积为平面面积（m²），1 亩 = 10000/15 m²；空置闲置率为空置、闲置建筑面积占建筑面积之比");
  else
    rep.notes.push_back("名次：在同一评价年度、排名组和评价方案内按得分的位次（1 为最高）；按规则直接定为 D 类或不定等级的企业无名次");
  if (!req.park_id.empty()) rep.notes.push_back("园区 " + req.park_id + " " + park_names[req.park_id]);
  if (!req.zone_id.empty()) rep.notes.push_back("片区 " + req.zone_id);
  for (const TrendColumn& c : cols) rep.columns.push_back(c.column);
  Section s;
  for (auto& [key, values] : rows) s.rows.push_back(std::move(values));
  rep.sections.push_back(std::move(s));

  if (req.charts && req.level != TrendLevel::enterprise) {
    TrendRequest parks = req;
    parks.level = TrendLevel::park;
    parks.zone_id.clear();
    parks.charts = false;
    const Report park_trend = req.level == TrendLevel::park ? rep : build_trend(store, parks);
    for (const std::string& park : chart_parks) {
      const std::string title = park_names[park] + "（" + park + "）历年变化";
      Image img;
      img.caption = title + "：亩均税收（右轴，虚线）、闲置土地与批而未供（左轴，亩）";
      img.svg = svg_line_chart(trend_chart(park_trend, park, title));
      rep.images.push_back(std::move(img));
    }
  }
  return rep;
}

LineChart trend_chart(const Report& trend, const std::string& id, const std::string& title) {
  LineChart chart;
  chart.title = title;
  chart.left_unit = "亩";
  chart.right_unit = "万元/亩";
  ChartSeries tax{"亩均税收", "#cf222e", true, {}}, idle{"闲置土地", "#9a6700", false, {}},
      unsupplied{"批而未供", "#0969da", false, {}};
  for (const Section& s : trend.sections)
    for (const auto& row : s.rows) {
      if (row.empty() || store::value_text(row[0]) != id) continue;
      std::string date;
      for (std::size_t i = 0; i < trend.columns.size() && i < row.size(); ++i)
        if (trend.columns[i].key == "as_of") date = store::value_text(row[i]);
      chart.x_labels.push_back(date);
      tax.values.push_back(cell_number(row, trend, "tax_per_mu"));
      idle.values.push_back(to_mu(cell_number(row, trend, "idle_m2")));
      unsupplied.values.push_back(to_mu(cell_number(row, trend, "unsupplied_m2")));
    }
  chart.series = {idle, unsupplied, tax};
  return chart;
}

}  // namespace parkgis::report
