// The workbook's sheets: one per report level, and two views (suspected idle parcels, batches with land
// not yet supplied).

#include "libgis/report/workbook.h"

#include <algorithm>
#include <functional>

#include "libgis/report/detail.h"

namespace parkgis::report {
namespace {

// The index of the column `key`, or columns.size() when the report has none.
std::size_t column_index(const Report& r, const std::string& key) {
  std::size_t i = 0;
  while (i < r.columns.size() && r.columns[i].key != key) ++i;
  return i;
}

bool has_value(const Report& r, const std::vector<store::Value>& row, const std::string& key) {
  const std::size_t i = column_index(r, key);
  return i < r.columns.size() && !store::is_null(detail::cell(row, i));
}

bool positive(const Report& r, const std::vector<store::Value>& row, const std::string& key) {
  const std::size_t i = column_index(r, key);
  if (i >= r.columns.size()) return false;
  return store::value_number(detail::cell(row, i)).value_or(0) > 0;
}

void retitle(Report& r, const std::string& what) {
  const std::string dash = " — ";
  const auto at = r.title.rfind(dash);
  r.title = (at == std::string::npos ? r.title : r.title.substr(0, at)) + dash + what;
}

}  // namespace

Report select(const Report& report, const std::vector<std::string>& keys,
              const std::function<bool(const Report&, const std::vector<store::Value>&)>& keep) {
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < report.columns.size(); ++i)
    if (keys.empty() || std::find(keys.begin(), keys.end(), report.columns[i].key) != keys.end()) picked.push_back(i);
  Report out = report;
  out.columns.clear();
  out.sections.clear();
  out.images.clear();
  for (std::size_t i : picked) out.columns.push_back(report.columns[i]);
  for (const Section& s : report.sections) {
    Section kept{s.title, {}, {}, s.key};
    for (const auto& row : s.rows) {
      if (!keep(report, row)) continue;
      std::vector<store::Value> values;
      for (std::size_t i : picked) values.push_back(detail::cell(row, i));
      kept.rows.push_back(std::move(values));
    }
    if (!kept.rows.empty()) out.sections.push_back(std::move(kept));
  }
  return out;
}

std::vector<Sheet> build_workbook(store::Store& store, const Request& scope) {
  const auto build = [&](Level level) {
    Request req = scope;
    req.level = level;
    req.compact = false;
    return build_report(store, req);
  };
  std::vector<Sheet> sheets = {
      {"园区", build(Level::park)},
      {"片区", build(Level::zone)},
      {"宗地", build(Level::parcel)},
      {"企业", build(Level::enterprise)},
  };
  // Suspected idle parcels (待核实 included: they still need a visit), with what an idle-land list needs.
  Report idle = select(sheets[2].report,
                       {"parcel_id", "land_use", "enterprise_name", "area_mu", "supplied", "started", "idle_status",
                        "idle_days", "idle_fee_wan", "idle_reason", "decision_no", "disposal", "disposal_date"},
                       [](const Report& r, const auto& row) { return has_value(r, row, "idle_status"); });
  retitle(idle, "闲置土地（疑似）");
  sheets.push_back({"闲置土地", std::move(idle)});
  const Report approvals = build(Level::approval);
  Report unsupplied = select(approvals, {},
                             [](const Report& r, const auto& row) { return positive(r, row, "unsupplied_mu"); });
  retitle(unsupplied, "批而未供（尚有未供土地的批次）");
  sheets.push_back({"批而未供", std::move(unsupplied)});
  sheets.push_back({"批次", approvals});
  return sheets;
}

}  // namespace parkgis::report
