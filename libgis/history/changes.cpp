#include "libgis/history/changes.h"


namespace parkgis::history {

namespace {

enum class IdleClass { none, idle, unknown };

IdleClass idle_class(const std::string& status) {
  if (status == "unknown") return IdleClass::unknown;
  if (status.empty() || status == "none") return IdleClass::none;
  return IdleClass::idle;
}

bool supplied(const ParcelState& p) { return !p.supply_status.empty() && p.supply_status != "not_supplied"; }

// 0 for A … 3 for D; none for no grade (empty, ungraded, anything else).
std::optional<int> letter(const std::string& grade) {
  if (grade.size() == 1 && grade[0] >= 'A' && grade[0] <= 'D') return grade[0] - 'A';
  return std::nullopt;
}

}  // namespace

bool is_reclaim_disposal(const std::string& disposal) {
  return disposal == "无偿收回" || disposal == "协议收回";
}

std::vector<ParcelChange> classify_parcel(const std::optional<ParcelState>& from, const std::optional<ParcelState>& to) {
  if (!from && !to) return {};
  if (!from) return {ParcelChange::added};
  if (!to) return {ParcelChange::removed};
  const ParcelState& a = *from;
  const ParcelState& b = *to;
  std::vector<ParcelChange> out;
  const bool reclaimed = (supplied(a) && !supplied(b)) || (!a.reclaimed && b.reclaimed);
  if (reclaimed) out.push_back(ParcelChange::reclaimed);
  if (!supplied(a) && supplied(b)) out.push_back(ParcelChange::newly_supplied);
  const IdleClass ia = idle_class(a.idle_status), ib = idle_class(b.idle_status);
  if (ia != IdleClass::idle && ib == IdleClass::idle) out.push_back(ParcelChange::became_idle);
  const bool started = (!a.started && b.started) ||
                       (a.supply_status == "supplied_not_used" && b.supply_status == "in_use");
  if (started) out.push_back(ParcelChange::started);
  if (ia == IdleClass::idle && ib == IdleClass::none && !started && !reclaimed) out.push_back(ParcelChange::idle_ended);
  if (ia == IdleClass::idle && ib == IdleClass::idle && a.idle_status != b.idle_status)
    out.push_back(ParcelChange::idle_kind_changed);
  if (ia != IdleClass::unknown && ib == IdleClass::unknown) out.push_back(ParcelChange::became_unknown);
  if (ia == IdleClass::unknown && ib == IdleClass::none) out.push_back(ParcelChange::unknown_resolved);
  const auto ga = letter(a.grade), gb = letter(b.grade);
  if (ga && gb && *gb > *ga) out.push_back(ParcelChange::downgraded);
  if (ga && gb && *gb < *ga) out.push_back(ParcelChange::upgraded);
  if (!ga && gb) out.push_back(ParcelChange::newly_graded);
  if (ga && !gb) out.push_back(ParcelChange::no_longer_graded);
  return out;
}

const std::vector<ParcelChange>& all_parcel_changes() {
  static const std::vector<ParcelChange> all = {
      ParcelChange::added,        ParcelChange::removed,           ParcelChange::reclaimed,
      ParcelChange::newly_supplied, ParcelChange::became_idle,     ParcelChange::started,
      ParcelChange::idle_ended,   ParcelChange::idle_kind_changed, ParcelChange::became_unknown,
      ParcelChange::unknown_resolved, ParcelChange::downgraded,    ParcelChange::upgraded,
      ParcelChange::newly_graded, ParcelChange::no_longer_graded};
  return all;
}

const char* change_label(ParcelChange change) {
  switch (change) {
    case ParcelChange::added: return "新增宗地";
    case ParcelChange::removed: return "宗地注销";
    case ParcelChange::reclaimed: return "已收回";
    case ParcelChange::newly_supplied: return "新供地";
    case ParcelChange::became_idle: return "新增闲置";
    case ParcelChange::started: return "已动工";
    case ParcelChange::idle_ended: return "闲置消除";
    case ParcelChange::idle_kind_changed: return "闲置情形变化";
    case ParcelChange::became_unknown: return "转为待核实";
    case ParcelChange::unknown_resolved: return "待核实消除";
    case ParcelChange::downgraded: return "降级";
    case ParcelChange::upgraded: return "升级";
    case ParcelChange::newly_graded: return "新定等级";
    case ParcelChange::no_longer_graded: return "不再定级";
  }
  return "";
}

const char* change_id(ParcelChange change) {
  switch (change) {
    case ParcelChange::added: return "added";
    case ParcelChange::removed: return "removed";
    case ParcelChange::reclaimed: return "reclaimed";
    case ParcelChange::newly_supplied: return "newly_supplied";
    case ParcelChange::became_idle: return "became_idle";
    case ParcelChange::started: return "started";
    case ParcelChange::idle_ended: return "idle_ended";
    case ParcelChange::idle_kind_changed: return "idle_kind_changed";
    case ParcelChange::became_unknown: return "became_unknown";
    case ParcelChange::unknown_resolved: return "unknown_resolved";
    case ParcelChange::downgraded: return "downgraded";
    case ParcelChange::upgraded: return "upgraded";
    case ParcelChange::newly_graded: return "newly_graded";
    case ParcelChange::no_longer_graded: return "no_longer_graded";
  }
  return "";
}

EnterpriseChange classify_enterprise(const EnterpriseState& from, const EnterpriseState& to) {
  const auto ga = letter(from.grade), gb = letter(to.grade);
  if (ga && gb && *gb > *ga) return EnterpriseChange::downgraded;
  if (ga && gb && *gb < *ga) return EnterpriseChange::upgraded;
  if (!ga && gb) return EnterpriseChange::newly_graded;
  if (ga && !gb) return EnterpriseChange::no_longer_graded;
  if (!ga && !gb) return EnterpriseChange::none;
  if (from.rank && to.rank) {
    if (*to.rank < *from.rank) return EnterpriseChange::rank_up;
    if (*to.rank > *from.rank) return EnterpriseChange::rank_down;
    return EnterpriseChange::none;
  }
  return from.rank.has_value() != to.rank.has_value() ? EnterpriseChange::rank_changed : EnterpriseChange::none;
}

const char* change_label(EnterpriseChange change) {
  switch (change) {
    case EnterpriseChange::none: return "";
    case EnterpriseChange::upgraded: return "升级";
    case EnterpriseChange::downgraded: return "降级";
    case EnterpriseChange::newly_graded: return "新参评";
    case EnterpriseChange::no_longer_graded: return "退出评价";
    case EnterpriseChange::rank_up: return "名次上升";
    case EnterpriseChange::rank_down: return "名次下降";
    case EnterpriseChange::rank_changed: return "名次变化";
  }
  return "";
}

std::optional<double> difference(const std::optional<double>& from, const std::optional<double>& to) {
  if (!from || !to) return std::nullopt;
  return *to - *from;
}

}  // namespace parkgis::history
