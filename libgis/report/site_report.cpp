// Report of land-reserve sites (reserve_sites, written by 'parkgis sites'): read, labelled and ordered,
// nothing computed.
#include <algorithm>
#include <map>

#include "libgis/core/errors.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"

namespace parkgis::report {

namespace {

using store::Row;
using store::Value;

struct SiteColumn {
  Column column;
  bool compact = false;
};

std::vector<SiteColumn> site_columns(bool with_distance) {
  std::vector<SiteColumn> c;
  if (with_distance) c.push_back({{"distance_m", "距离", "m", 0}, true});
  const std::vector<SiteColumn> rest = {
      {{"rank", "排名", ""}, true},
      {{"site_id", "地块编号", ""}, true},
      {{"zone_id", "片区代码", ""}, false},
      {{"score", "得分", "", 1}, true},
      {{"area_mu", "面积", "亩", 1}, true},
      {{"min_width_m", "可容纳宽度", "m", 0}, true},
      {{"compactness", "紧凑度", "", 2}, false},
      {{"parts", "块数", ""}, false},
      {{"kinds", "构成", ""}, true},
      {{"parcel_ids", "宗地", ""}, false},
      {{"unsupplied_pieces", "批而未供图斑", ""}, false},
      {{"holders", "权利人", ""}, false},
      {{"idle_fee_wan", "应缴闲置费", "万元", 1}, false},
      {{"max_idle_days", "最长闲置", "天"}, false},
      {{"step_main", "主要下一步", ""}, true},
      {{"steps", "各块下一步", ""}, false},
  };
  c.insert(c.end(), rest.begin(), rest.end());
  return c;
}

const std::map<std::string, std::string>& kind_labels() {
  static const std::map<std::string, std::string> m = {
      {"unsupplied", "批而未供"},   {"reclaim", "满两年未动工"},       {"not-started", "未动工满一年"},
      {"gov-cause", "政府原因闲置"}, {"stalled", "中止开发闲置"}, {"below-control", "未达控制指标或疑似低效"}};
  return m;
}

// "unsupplied,reclaim" → "批而未供、满两年未动工".
std::string kinds_text(const std::string& keys) {
  std::string out;
  std::size_t start = 0;
  while (start < keys.size()) {
    const std::size_t end = std::min(keys.find(',', start), keys.size());
    const std::string k = keys.substr(start, end - start);
    const auto it = kind_labels().find(k);
    out += (out.empty() ? "" : "、") + (it == kind_labels().end() ? k : it->second);
    start = end + 1;
  }
  return out;
}

}  // namespace

Report build_site_report(store::Store& store, const Request& req, const std::vector<SiteHit>* hits) {
  if (!store.has_table("reserve_sites"))
    throw DataError(store.location() + " has no reserve sites (table reserve_sites); run 'parkgis sites --db " +
                    store.location() + "' first");
  const auto meta = store.meta();
  std::map<std::string, std::string> params, park_name;
  if (store.has_table("reserve_sites_params"))
    store.read_table("reserve_sites_params", {"key", "value"}, false, "",
                     [&](const Row& r) { params[store::value_text(r.values[0])] = store::value_text(r.values[1]); });
  if (store.has_table("park_metrics"))
    store.read_table("park_metrics", {"park_id", "name"}, false, "", [&](const Row& r) {
      park_name[store::value_text(r.values[0])] = store::value_text(r.values[1]);
    });

  Report rep;
  rep.title = (meta.count("name") ? meta.at("name") : std::string()) + " — " + (hits ? "选址结果" : "储备候选地块");
  rep.notes.push_back("评价时点 " + params["as_of"] + "（第 " + params["run_id"] + " 次分析）；构成：" +
                      kinds_text(params["kinds"]) + "；相邻间距 " + params["gap_m"] + " m 内合并；小于 " +
                      params["min_mu"] + " 亩的地块不列");
  rep.notes.push_back("可容纳宽度：最大内切圆直径；紧凑度：4πA/P²；得分 0–100，公式与权重见 docs/reserve.md");
  rep.notes.push_back("下一步为依法处置的建议路径：闲置土地须经调查并下达《闲置土地认定书》方可处置（闲置土地处置办法第九至十一条）");

  bool with_distance = false;
  if (hits)
    for (const SiteHit& h : *hits) with_distance = with_distance || h.distance_m.has_value();
  const std::vector<SiteColumn> all = site_columns(with_distance);
  std::vector<std::string> db_columns;
  for (const SiteColumn& c : all) {
    if (req.compact && !c.compact) continue;
    rep.columns.push_back(c.column);
  }
  for (const std::string& c : store.columns("reserve_sites")) db_columns.push_back(c);

  std::map<std::string, std::map<std::string, Value>> by_id;
  std::vector<std::string> order;
  const store::Filter where = !req.zone_id.empty() ? store::Filter::equals("zone_id", req.zone_id)
                              : !req.park_id.empty() ? store::Filter::equals("park_id", req.park_id)
                                                     : store::Filter{};
  store.read_table(
      "reserve_sites", db_columns, false, "rank",
      [&](const Row& r) {
        std::map<std::string, Value> m;
        for (std::size_t i = 0; i < db_columns.size(); ++i) m[db_columns[i]] = r.values[i];
        const std::string id = store::value_text(m["site_id"]);
        order.push_back(id);
        by_id[id] = std::move(m);
      },
      where);
  std::vector<std::pair<std::string, std::optional<double>>> listed;
  if (hits) {
    for (const SiteHit& h : *hits)
      if (by_id.count(h.site_id)) listed.push_back({h.site_id, h.distance_m});
  } else {
    for (const std::string& id : order) listed.push_back({id, std::nullopt});
  }

  // Answers of a search: one list in their ranking order. Otherwise a section per park, best first.
  std::map<std::string, Section> sections;
  Section answers;
  for (const auto& [id, distance] : listed) {
    auto& m = by_id[id];
    m["kinds"] = Value{kinds_text(store::value_text(m["kinds"]))};
    if (distance) m["distance_m"] = Value{*distance};
    std::vector<Value> row;
    for (const Column& c : rep.columns) row.push_back(m.count(c.key) ? m[c.key] : Value{});
    const std::string pid = store::value_text(m["park_id"]);
    Section& s = hits ? answers : sections[pid];
    if (!hits && s.title.empty()) {
      s.title = pid.empty() ? "未归属园区" : park_name[pid] + "（" + pid + "）";
      s.key = pid.empty() ? "" : "park:" + pid;
    }
    s.rows.push_back(std::move(row));
  }
  if (hits) rep.sections.push_back(std::move(answers));
  for (auto& [pid, s] : sections)
    if (!pid.empty()) rep.sections.push_back(std::move(s));
  if (sections.count("")) rep.sections.push_back(std::move(sections[""]));
  return rep;
}

}  // namespace parkgis::report
