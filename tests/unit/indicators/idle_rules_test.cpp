#include <gtest/gtest.h>

#include "libgis/indicators/idle_rules.h"

using parkgis::Date;
using namespace parkgis::indicators;

namespace {

// Supplied 2019-06-01, agreed start 2020-03-01, land price 500 万元, not started.
IdleInput not_started() {
  IdleInput in;
  in.supply_date = Date{2019, 6, 1};
  in.agreed_start = Date{2020, 3, 1};
  in.land_price_wan = 500;
  return in;
}

// Started 2020-05-01, suspended 2021-01-15; 900 of 3000 m² developed (30 %), 100 of 200 万元 invested.
IdleInput stalled() {
  IdleInput in = not_started();
  in.actual_start = Date{2020, 5, 1};
  in.stop_date = Date{2021, 1, 15};
  in.developed_m2 = 900;
  in.required_m2 = 3000;
  in.invested_wan = 100;
  in.total_investment_wan = 200;
  return in;
}

}  // namespace

TEST(IdleRules, StatusNames) {
  EXPECT_STREQ(idle_status_name(IdleStatus::none), "none");
  EXPECT_STREQ(idle_status_name(IdleStatus::idle_not_started), "idle_not_started");
  EXPECT_STREQ(idle_status_name(IdleStatus::idle_stalled), "idle_stalled");
  EXPECT_STREQ(idle_status_name(IdleStatus::reclaim_candidate), "reclaim_candidate");
}

TEST(IdleRules, NotSuppliedIsNeverIdle) {
  IdleInput in = not_started();
  in.supply_date.reset();
  IdleResult r = classify_idle(in, Date{2024, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "至 2024-06-30 未供地");
  in.supply_date = Date{2024, 7, 1};  // supplied after the evaluation date
  r = classify_idle(in, Date{2024, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "至 2024-06-30 未供地");
}

TEST(IdleRules, GovernmentCauseIsExcluded) {
  IdleInput in = not_started();
  in.gov_cause = true;
  const IdleResult r = classify_idle(in, Date{2024, 6, 30});  // 4 years late: would be a reclaim candidate
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "政府原因或不可抗力造成动工延迟，不认定为闲置土地（闲置土地处置办法）");
  EXPECT_FALSE(r.idle_fee_wan);
}

TEST(IdleRules, NoAgreedStartIsNotDecided) {
  IdleInput in = not_started();
  in.agreed_start.reset();
  const IdleResult r = classify_idle(in, Date{2024, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "无约定动工日期");
}

TEST(IdleRules, WithinTheGraceYear) {
  const IdleResult r = classify_idle(not_started(), Date{2020, 12, 31});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.idle_days, 0);
  EXPECT_FALSE(r.idle_fee_wan);
  EXPECT_EQ(r.reason, "动工期限 2020-03-01，未动工，尚在一年期内");
}

TEST(IdleRules, FirstAnniversaryIsNotYetIdle) {
  // 2020-03-01 + 1 year = 2021-03-01 (365 days: the leap day 2020-02-29 is before the start).
  IdleResult r = classify_idle(not_started(), Date{2021, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  r = classify_idle(not_started(), Date{2021, 3, 2});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);
  EXPECT_EQ(r.reason, "动工期限 2020-03-01，满一年（2021-03-01）仍未动工");
}

TEST(IdleRules, SecondAnniversaryMakesAReclaimCandidate) {
  IdleResult r = classify_idle(not_started(), Date{2022, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 730);
  r = classify_idle(not_started(), Date{2022, 3, 2});
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_EQ(r.idle_days, 731);
  EXPECT_EQ(r.reason,
            "动工期限 2020-03-01，满两年（2022-03-01）仍未动工：拟无偿收回（闲置土地处置办法）");
}

TEST(IdleRules, LeapDayStartHasItsAnniversaryOn28February) {
  IdleInput in = not_started();
  in.agreed_start = Date{2024, 2, 29};
  EXPECT_EQ(classify_idle(in, Date{2025, 2, 28}).status, IdleStatus::none);
  IdleResult r = classify_idle(in, Date{2025, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);  // 2024-02-29 .. 2025-02-28 is 365 days
  EXPECT_EQ(r.reason, "动工期限 2024-02-29，满一年（2025-02-28）仍未动工");
  EXPECT_EQ(classify_idle(in, Date{2026, 2, 28}).status, IdleStatus::idle_not_started);
  r = classify_idle(in, Date{2026, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_EQ(r.idle_days, 731);
}

TEST(IdleRules, ExtensionMovesTheDeadline) {
  IdleInput in = not_started();
  // Without the extension, 2022-07-01 is past the 2nd anniversary (2022-03-01): 852 days.
  IdleResult r = classify_idle(in, Date{2022, 7, 1});
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_EQ(r.idle_days, 852);

  in.extension_date = Date{2021, 6, 30};
  r = classify_idle(in, Date{2022, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "动工期限 2021-06-30（已延期），未动工，尚在一年期内");
  r = classify_idle(in, Date{2022, 7, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);
  EXPECT_EQ(r.reason,
            "动工期限 2021-06-30（已延期），满一年（2022-06-30）仍未动工");

  in.agreed_start.reset();  // an extension alone is a deadline
  EXPECT_EQ(classify_idle(in, Date{2022, 7, 1}).status, IdleStatus::idle_not_started);
}

TEST(IdleRules, FeeIsTwentyPercentOfTheLandPrice) {
  IdleInput in = not_started();
  IdleResult r = classify_idle(in, Date{2021, 6, 1});
  ASSERT_TRUE(r.idle_fee_wan);
  EXPECT_DOUBLE_EQ(*r.idle_fee_wan, 100.0);  // 0.20 × 500
  r = classify_idle(in, Date{2023, 6, 1});  // reclaim candidate: fee too
  ASSERT_TRUE(r.idle_fee_wan);
  EXPECT_DOUBLE_EQ(*r.idle_fee_wan, 100.0);
  in.land_price_wan.reset();
  EXPECT_FALSE(classify_idle(in, Date{2021, 6, 1}).idle_fee_wan);
  EXPECT_FALSE(classify_idle(not_started(), Date{2020, 6, 1}).idle_fee_wan);  // not idle: no fee
}

TEST(IdleRules, StartAfterTheEvaluationDateCountsAsNotStarted) {
  IdleInput in = not_started();
  in.actual_start = Date{2021, 9, 1};
  EXPECT_EQ(classify_idle(in, Date{2021, 6, 1}).status, IdleStatus::idle_not_started);
  const IdleResult r = classify_idle(in, Date{2021, 10, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "2021-09-01 已动工，至 2021-10-01 未停工");
}

TEST(IdleRules, StalledAfterAFullYearOfSuspension) {
  IdleResult r = classify_idle(stalled(), Date{2022, 1, 15});  // anniversary of the stop
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "2021-01-15 起停工，至 2022-01-15 未满一年");
  r = classify_idle(stalled(), Date{2022, 1, 16});
  EXPECT_EQ(r.status, IdleStatus::idle_stalled);
  EXPECT_EQ(r.idle_days, 366);
  ASSERT_TRUE(r.idle_fee_wan);
  EXPECT_DOUBLE_EQ(*r.idle_fee_wan, 100.0);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，已开发 30.0%，已投资 50.0%：开发面积不足三分之一或投资不足 25%");
}

TEST(IdleRules, StopAfterTheEvaluationDateIsIgnored) {
  IdleInput in = stalled();
  in.stop_date = Date{2023, 1, 1};
  const IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "2020-05-01 已动工，至 2022-06-01 未停工");
}

TEST(IdleRules, ExactlyOneThirdDevelopedIsNotIdle) {
  IdleInput in = stalled();
  in.developed_m2 = 1000;  // exactly 1/3 of 3000
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::none);
  in.developed_m2 = 999.9;
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

TEST(IdleRules, ExactlyTwentyFivePercentInvestedIsNotIdle) {
  IdleInput in = stalled();
  in.developed_m2 = 2000;  // 2/3: not below
  in.invested_wan = 50;    // exactly 25 % of 200
  IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，但已开发 66.7%，已投资 25.0%：未低于三分之一开发或 25% 投资");
  in.invested_wan = 49.99;
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

TEST(IdleRules, UnknownRatiosAreNotDecided) {
  IdleInput in = stalled();
  in.developed_m2.reset();
  in.invested_wan.reset();
  IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，但已开发 未知，已投资 未知：比例未知，无法认定");
  // One ratio known and not below, the other with a zero divisor: still unknown.
  in.developed_m2 = 2000;
  in.invested_wan = 10;
  in.total_investment_wan = 0;
  r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，但已开发 66.7%，已投资 未知：比例未知，无法认定");
  // One ratio below is enough.
  in.developed_m2 = 500;
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

TEST(IdleRules, StalledNeedsNoAgreedStartDate) {
  IdleInput in = stalled();
  in.agreed_start.reset();
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}
