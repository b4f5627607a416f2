// parkgis compare: one hand-made case per change label (docs/history.md, "Reading a comparison").
#include "libgis/history/changes.h"

#include <gtest/gtest.h>

#include <set>

using namespace parkgis::history;

namespace {

ParcelState state(const std::string& idle, const std::string& supply, const std::string& grade = "",
                  bool started = false, bool reclaimed = false) {
  return ParcelState{idle, supply, grade, started, reclaimed};
}

const ParcelState kUnsupplied = state("none", "not_supplied");
const ParcelState kIdleNotStarted = state("idle_not_started", "supplied_not_used", "C");
const ParcelState kInUseB = state("none", "in_use", "B", true);

std::vector<ParcelChange> changes(const std::optional<ParcelState>& a, const std::optional<ParcelState>& b) {
  return classify_parcel(a, b);
}

using C = ParcelChange;

}  // namespace

TEST(Changes, NothingWatchedChanged) {
  EXPECT_TRUE(changes(kInUseB, kInUseB).empty());
  EXPECT_TRUE(changes(std::nullopt, std::nullopt).empty());
  // The holder's grade "" (no holder) and 不定等级 are both "no grade": not a change compare lists.
  EXPECT_TRUE(changes(state("none", "in_use", "", true), state("none", "in_use", "ungraded", true)).empty());
}

TEST(Changes, AddedAndRemoved) {
  EXPECT_EQ(changes(std::nullopt, kInUseB), std::vector<C>{C::added});   // 新增宗地
  EXPECT_EQ(changes(kInUseB, std::nullopt), std::vector<C>{C::removed});  // 宗地注销
  EXPECT_STREQ(change_label(C::added), "新增宗地");
  EXPECT_STREQ(change_label(C::removed), "宗地注销");
}

TEST(Changes, ReclaimedByDisposalOrSupplyTakenBack) {
  // 无偿收回 done between the dates: idle → none with the disposal; 已收回, not 闲置消除.
  const ParcelState reclaim_candidate = state("reclaim_candidate", "supplied_not_used", "C");
  EXPECT_EQ(changes(reclaim_candidate, state("none", "supplied_not_used", "C", false, true)), std::vector<C>{C::reclaimed});
  // Supplied → not supplied (the grant cancelled): 已收回; its holder's grade goes too.
  EXPECT_EQ(changes(kIdleNotStarted, state("none", "not_supplied")), (std::vector<C>{C::reclaimed, C::no_longer_graded}));
  EXPECT_STREQ(change_label(C::reclaimed), "已收回");
  EXPECT_TRUE(is_reclaim_disposal("协议收回"));
  EXPECT_TRUE(is_reclaim_disposal("无偿收回"));
  EXPECT_FALSE(is_reclaim_disposal("延期"));
}

TEST(Changes, NewlySupplied) {
  EXPECT_EQ(changes(kUnsupplied, state("none", "supplied_not_used")), std::vector<C>{C::newly_supplied});
  EXPECT_STREQ(change_label(C::newly_supplied), "新供地");
}

TEST(Changes, BecameIdle) {
  EXPECT_EQ(changes(state("none", "supplied_not_used", "C"), kIdleNotStarted), std::vector<C>{C::became_idle});
  // 待核实 → idle is new idle land too (it was not counted as idle before).
  EXPECT_EQ(changes(state("unknown", "supplied_not_used", "C"), kIdleNotStarted), std::vector<C>{C::became_idle});
  EXPECT_STREQ(change_label(C::became_idle), "新增闲置");
}

TEST(Changes, StartedEndsIdlenessWithoutIdleEnded) {
  // Idle, not started → started and built: 已动工 only (the idle land is gone because it started).
  EXPECT_EQ(changes(kIdleNotStarted, state("none", "in_use", "C", true)), std::vector<C>{C::started});
  // 供而未用 → 在用 by buildings without a start date recorded: 已动工 too.
  EXPECT_EQ(changes(state("none", "supplied_not_used", "C"), state("none", "in_use", "C")), std::vector<C>{C::started});
  EXPECT_STREQ(change_label(C::started), "已动工");
}

TEST(Changes, IdleEndedWithoutStart) {
  // Stalled (started before) → resumed: idle → none, started already: 闲置消除.
  EXPECT_EQ(changes(state("idle_stalled", "in_use", "C", true), state("none", "in_use", "C", true)),
            std::vector<C>{C::idle_ended});
  EXPECT_STREQ(change_label(C::idle_ended), "闲置消除");
}

TEST(Changes, IdleKindChanged) {
  EXPECT_EQ(changes(kIdleNotStarted, state("reclaim_candidate", "supplied_not_used", "C")),
            std::vector<C>{C::idle_kind_changed});
  EXPECT_STREQ(change_label(C::idle_kind_changed), "闲置情形变化");
}

TEST(Changes, UnknownBothWays) {
  EXPECT_EQ(changes(state("none", "supplied_not_used"), state("unknown", "supplied_not_used")), std::vector<C>{C::became_unknown});
  EXPECT_EQ(changes(kIdleNotStarted, state("unknown", "supplied_not_used", "C")), std::vector<C>{C::became_unknown});
  EXPECT_EQ(changes(state("unknown", "supplied_not_used"), state("none", "supplied_not_used")), std::vector<C>{C::unknown_resolved});
  EXPECT_STREQ(change_label(C::became_unknown), "转为待核实");
  EXPECT_STREQ(change_label(C::unknown_resolved), "待核实消除");
}

TEST(Changes, Grades) {
  EXPECT_EQ(changes(kInUseB, state("none", "in_use", "D", true)), std::vector<C>{C::downgraded});  // B → D
  EXPECT_EQ(changes(kInUseB, state("none", "in_use", "A", true)), std::vector<C>{C::upgraded});    // B → A
  EXPECT_EQ(changes(state("none", "in_use", "ungraded", true), kInUseB), std::vector<C>{C::newly_graded});
  EXPECT_EQ(changes(kInUseB, state("none", "in_use", "ungraded", true)), std::vector<C>{C::no_longer_graded});
  EXPECT_STREQ(change_label(C::downgraded), "降级");
  EXPECT_STREQ(change_label(C::upgraded), "升级");
  EXPECT_STREQ(change_label(C::newly_graded), "新定等级");
  EXPECT_STREQ(change_label(C::no_longer_graded), "不再定级");
}

TEST(Changes, SeveralChangesMainOneFirst) {
  // Supplied and started between the dates, holder graded A: 新供地, 已动工, 新定等级 (main: 新供地).
  EXPECT_EQ(changes(kUnsupplied, state("none", "in_use", "A", true)),
            (std::vector<C>{C::newly_supplied, C::started, C::newly_graded}));
}

TEST(Changes, EveryLabelAndIdDistinct) {
  std::set<std::string> labels, ids;
  for (C c : all_parcel_changes()) {
    labels.insert(change_label(c));
    ids.insert(change_id(c));
  }
  EXPECT_EQ(labels.size(), all_parcel_changes().size());
  EXPECT_EQ(ids.size(), all_parcel_changes().size());
}

TEST(Changes, Enterprises) {
  using E = EnterpriseChange;
  EXPECT_EQ(classify_enterprise({"B", 5}, {"A", 1}), E::upgraded);
  EXPECT_EQ(classify_enterprise({"B", 5}, {"C", 9}), E::downgraded);
  EXPECT_EQ(classify_enterprise({"", std::nullopt}, {"C", 9}), E::newly_graded);         // new firm
  EXPECT_EQ(classify_enterprise({"ungraded", std::nullopt}, {"A", 1}), E::newly_graded);
  EXPECT_EQ(classify_enterprise({"A", 1}, {"ungraded", std::nullopt}), E::no_longer_graded);
  EXPECT_EQ(classify_enterprise({"B", 5}, {"B", 3}), E::rank_up);    // place 5 → 3
  EXPECT_EQ(classify_enterprise({"B", 5}, {"B", 7}), E::rank_down);  // place 5 → 7
  EXPECT_EQ(classify_enterprise({"D", 9}, {"D", std::nullopt}), E::rank_changed);  // D by a rule now
  EXPECT_EQ(classify_enterprise({"B", 5}, {"B", 5}), E::none);
  EXPECT_STREQ(change_label(E::upgraded), "升级");
  EXPECT_STREQ(change_label(E::downgraded), "降级");
  EXPECT_STREQ(change_label(E::newly_graded), "新参评");
  EXPECT_STREQ(change_label(E::no_longer_graded), "退出评价");
  EXPECT_STREQ(change_label(E::rank_up), "名次上升");
  EXPECT_STREQ(change_label(E::rank_down), "名次下降");
  EXPECT_STREQ(change_label(E::rank_changed), "名次变化");
}

TEST(Changes, Difference) {
  EXPECT_DOUBLE_EQ(*difference(10.5, 12.0), 1.5);  // 12.0 − 10.5
  EXPECT_FALSE(difference(std::nullopt, 1.0));
  EXPECT_FALSE(difference(1.0, std::nullopt));
}
