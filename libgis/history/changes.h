#pragma once
// What changed between two evaluations (parkgis compare, export --layer changes, the viewer's changes
// theme): pure functions over what the result tables of the two evaluations hold, no database. Each
// label is defined in docs/history.md ("Reading a comparison"); the tests hand-make one case per label.

#include <optional>
#include <string>
#include <vector>

namespace parkgis::history {

// One parcel in one evaluation, as parcel_metrics holds it.
struct ParcelState {
  std::string idle_status;    // none, idle_not_started, idle_stalled, reclaim_candidate, idle_gov_cause, unknown
  std::string supply_status;  // not_supplied, supplied_not_used, in_use
  std::string grade;          // the holder's grade: A–D, ungraded, "" (no holder)
  bool started = false;       // parcel_metrics.started
  bool reclaimed = false;     // a 收回 disposal (无偿收回 / 协议收回) done by the date (disposal, idle_disposed)
};

// A disposal that takes the land back (Order 53 Art. 12 协议收回, Art. 14 无偿收回).
bool is_reclaim_disposal(const std::string& disposal);

enum class ParcelChange {
  added,              // 新增宗地: in the later evaluation only
  removed,            // 宗地注销: in the earlier evaluation only
  reclaimed,          // 已收回: supplied → not supplied, or a 收回 disposal done since
  newly_supplied,     // 新供地: not supplied → supplied
  became_idle,        // 新增闲置: not idle (none or 待核实) → idle
  started,            // 已动工: not started → started, or 供而未用 → 在用
  idle_ended,         // 闲置消除: idle → none, neither started nor reclaimed (resumed, extended, disposed)
  idle_kind_changed,  // 闲置情形变化: idle → idle of another kind (e.g. 未动工 → 满两年可收回)
  became_unknown,     // 转为待核实: none or idle → unknown
  unknown_resolved,   // 待核实消除: unknown → none
  downgraded,         // 降级: A–D → a worse letter
  upgraded,           // 升级: A–D → a better letter
  newly_graded,       // 新定等级: no grade (no holder, 不定等级) → A–D
  no_longer_graded,   // 不再定级: A–D → no grade
};

// The changes of one parcel, in the order above (the first is its main change); empty when nothing
// that compare watches changed. none = the parcel is not in that evaluation.
std::vector<ParcelChange> classify_parcel(const std::optional<ParcelState>& from, const std::optional<ParcelState>& to);

const char* change_label(ParcelChange change);  // Chinese: "新增闲置", ...
const char* change_id(ParcelChange change);     // "became_idle", ... (styles, tests)
const std::vector<ParcelChange>& all_parcel_changes();  // in the order above

// One enterprise in one evaluation (enterprise_metrics): its grade and place in its population.
struct EnterpriseState {
  std::string grade;        // A–D, ungraded, "" (not in the evaluation)
  std::optional<int> rank;  // none when not ranked
};

enum class EnterpriseChange {
  none,
  upgraded,          // 升级: A–D → a better letter
  downgraded,        // 降级: A–D → a worse letter
  newly_graded,      // 新参评: no grade (absent or 不定等级) → A–D
  no_longer_graded,  // 退出评价: A–D → no grade
  rank_up,           // 名次上升: same grade, a smaller place number
  rank_down,         // 名次下降: same grade, a larger place number
  rank_changed,      // 名次变化: same grade, ranked in one evaluation only (D by a rule in the other)
};
EnterpriseChange classify_enterprise(const EnterpriseState& from, const EnterpriseState& to);
const char* change_label(EnterpriseChange change);

// to − from, none when either is missing (a figure of a zone or park between two evaluations).
std::optional<double> difference(const std::optional<double>& from, const std::optional<double>& to);

}  // namespace parkgis::history
