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
  EXPECT_STREQ(idle_status_name(IdleStatus::idle_gov_cause), "idle_gov_cause");
  EXPECT_STREQ(idle_status_name(IdleStatus::unknown), "unknown");
  EXPECT_FALSE(is_idle(IdleStatus::none));
  EXPECT_FALSE(is_idle(IdleStatus::unknown));
  EXPECT_TRUE(is_idle(IdleStatus::idle_gov_cause));
  EXPECT_TRUE(is_idle(IdleStatus::reclaim_candidate));
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

// Art. 8: government-caused idle land is idle land; only the fee and the free reclaim do not apply.
TEST(IdleRules, GovernmentCausedIdleLandIsIdleWithoutFeeOrReclaim) {
  IdleInput in = not_started();
  in.gov_cause = true;
  IdleResult r = classify_idle(in, Date{2024, 6, 30});  // 4 years late: would be a reclaim candidate
  EXPECT_EQ(r.status, IdleStatus::idle_gov_cause);
  EXPECT_TRUE(is_idle(r.status));
  // 2020-03-01 .. 2024-03-01 = 4 × 365 + 1 (29 Feb 2024) = 1461; .. 2024-06-30: + 31 + 30 + 31 + 29 = 1582.
  EXPECT_EQ(r.idle_days, 1582);
  EXPECT_FALSE(r.idle_fee_wan);
  EXPECT_EQ(r.reason,
            "动工期限 2020-03-01，满两年（2022-03-01）仍未动工：政府原因或不可抗力造成（第八条），不征闲置费、不无偿收回，"
            "协商处置（第十二条）");
  r = classify_idle(in, Date{2021, 6, 1});  // 1–2 years: idle too, still no fee
  EXPECT_EQ(r.status, IdleStatus::idle_gov_cause);
  EXPECT_FALSE(r.idle_fee_wan);
  EXPECT_EQ(classify_idle(in, Date{2020, 12, 31}).status, IdleStatus::none);  // within the year: not idle
  // Stalled (Art. 2 ②) for a government cause: idle_gov_cause as well.
  IdleInput st = stalled();
  st.gov_cause = true;
  r = classify_idle(st, Date{2022, 1, 16});
  EXPECT_EQ(r.status, IdleStatus::idle_gov_cause);
  EXPECT_EQ(r.idle_days, 366);
  EXPECT_FALSE(r.idle_fee_wan);
}

// Supplied, not started, no agreed start: a data flag (待核实), neither idle nor "not idle".
TEST(IdleRules, NoAgreedStartIsUnknown) {
  IdleInput in = not_started();
  in.agreed_start.reset();
  const IdleResult r = classify_idle(in, Date{2024, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::unknown);
  EXPECT_FALSE(is_idle(r.status));
  EXPECT_FALSE(r.idle_fee_wan);
  EXPECT_EQ(r.reason, "已供地未动工，无约定动工日期：待核实");
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
  EXPECT_EQ(r.reason, "动工期限 2020-03-01，满一年（2021-03-01）仍未动工：征缴土地闲置费（第十四条）");
}

TEST(IdleRules, SecondAnniversaryMakesAReclaimCandidate) {
  IdleResult r = classify_idle(not_started(), Date{2022, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 730);
  r = classify_idle(not_started(), Date{2022, 3, 2});
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_EQ(r.idle_days, 731);
  EXPECT_EQ(r.reason,
            "动工期限 2020-03-01，满两年（2022-03-01）仍未动工：可依法无偿收回（闲置土地处置办法第十四条）");
}

TEST(IdleRules, LeapDayStartHasItsAnniversaryOn28February) {
  IdleInput in = not_started();
  in.agreed_start = Date{2024, 2, 29};
  EXPECT_EQ(classify_idle(in, Date{2025, 2, 28}).status, IdleStatus::none);
  IdleResult r = classify_idle(in, Date{2025, 3, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);  // 2024-02-29 .. 2025-02-28 is 365 days
  EXPECT_EQ(r.reason, "动工期限 2024-02-29，满一年（2025-02-28）仍未动工：征缴土地闲置费（第十四条）");
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
  in.extension_approved = Date{2020, 12, 1};  // 2021-06-30 is within a year of it
  r = classify_idle(in, Date{2022, 6, 30});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "动工期限 2021-06-30（已延期），未动工，尚在一年期内");
  r = classify_idle(in, Date{2022, 7, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);
  EXPECT_EQ(r.reason,
            "动工期限 2021-06-30（已延期），满一年（2022-06-30）仍未动工：征缴土地闲置费（第十四条）");

  in.agreed_start.reset();  // an extension alone is a deadline
  EXPECT_EQ(classify_idle(in, Date{2022, 7, 1}).status, IdleStatus::idle_not_started);
}

// An extension approved after the evaluation date does not apply to that evaluation.
TEST(IdleRules, ExtensionApprovedLaterDoesNotApply) {
  IdleInput in = not_started();
  in.extension_date = Date{2022, 12, 31};
  in.extension_approved = Date{2022, 9, 1};
  // As of 2022-07-01 the deadline is still 2020-03-01: past its 2nd anniversary, 852 days.
  IdleResult r = classify_idle(in, Date{2022, 7, 1});
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_EQ(r.idle_days, 852);
  EXPECT_EQ(r.reason,
            "动工期限 2020-03-01（延期于 2022-09-01 批准，晚于评价时点，不适用），满两年（2022-03-01）仍未动工："
            "可依法无偿收回（闲置土地处置办法第十四条）");
  // As of 2022-09-01 (the approval day) it applies: within the year after 2022-12-31.
  r = classify_idle(in, Date{2022, 9, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "动工期限 2022-12-31（已延期），未动工，尚在一年期内");
}

// Art. 12: an extension reaches at most max_extension_years beyond the later of the agreed start and
// its approval; a longer one counts up to the limit.
TEST(IdleRules, ExtensionIsCappedAtItsMaximumLength) {
  IdleInput in = not_started();
  in.extension_date = Date{2022, 3, 1};
  in.extension_approved = Date{2020, 6, 1};  // later than 2020-03-01: the limit is 2021-06-01
  IdleResult r = classify_idle(in, Date{2022, 6, 2});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 366);  // 2021-06-01 .. 2022-06-02
  EXPECT_EQ(r.reason,
            "动工期限 2021-06-01（延期至 2022-03-01 超过 1 年上限，按上限计），满一年（2022-06-01）仍未动工："
            "征缴土地闲置费（第十四条）");
  // Without an approval date the limit runs from the agreed start: 2021-03-01.
  in.extension_approved.reset();
  EXPECT_EQ(classify_idle(in, Date{2022, 3, 2}).status, IdleStatus::idle_not_started);
  // A 2-year maximum lets the whole extension count: 2022-06-02 is within the year after 2022-03-01.
  in.extension_approved = Date{2020, 6, 1};
  IdleRulesConfig two_years;
  two_years.max_extension_years = 2;
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 2}, two_years).status, IdleStatus::none);
}

// Config switch: without a new grace year the land is idle the day after the extended deadline and
// reclaimable after its first anniversary.
TEST(IdleRules, GraceYearAfterAnExtensionIsASwitch) {
  IdleInput in = not_started();
  in.extension_date = Date{2021, 6, 30};
  in.extension_approved = Date{2020, 12, 1};
  IdleRulesConfig no_grace;
  no_grace.grace_year_after_extension = false;
  EXPECT_EQ(classify_idle(in, Date{2021, 6, 30}, no_grace).status, IdleStatus::none);  // the deadline itself
  IdleResult r = classify_idle(in, Date{2021, 7, 1}, no_grace);
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_EQ(r.idle_days, 1);
  EXPECT_EQ(r.reason, "动工期限 2021-06-30（已延期），延期届满仍未动工：征缴土地闲置费（第十四条）");
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 30}, no_grace).status, IdleStatus::idle_not_started);
  EXPECT_EQ(classify_idle(in, Date{2022, 7, 1}, no_grace).status, IdleStatus::reclaim_candidate);
  // Default (a grace year follows): still within it on 2021-07-01.
  EXPECT_EQ(classify_idle(in, Date{2021, 7, 1}).status, IdleStatus::none);
  // Without an extension the switch changes nothing.
  EXPECT_EQ(classify_idle(not_started(), Date{2021, 3, 1}, no_grace).status, IdleStatus::none);
}

// Art. 14: the fee is for land not started for a year; at two years the consequence is the free
// reclaim, not a second fee; stalled land (Art. 2 ②) goes to negotiated disposal, without a fee.
TEST(IdleRules, FeeIsTwentyPercentOfTheLandPriceForNotStartedLandOnly) {
  IdleInput in = not_started();
  IdleResult r = classify_idle(in, Date{2021, 6, 1});
  ASSERT_TRUE(r.idle_fee_wan);
  EXPECT_DOUBLE_EQ(*r.idle_fee_wan, 100.0);  // 0.20 × 500
  r = classify_idle(in, Date{2023, 6, 1});  // reclaim candidate: no fee summed again
  EXPECT_EQ(r.status, IdleStatus::reclaim_candidate);
  EXPECT_FALSE(r.idle_fee_wan);
  r = classify_idle(stalled(), Date{2022, 6, 1});  // stalled: no fee
  EXPECT_EQ(r.status, IdleStatus::idle_stalled);
  EXPECT_FALSE(r.idle_fee_wan);
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
  EXPECT_FALSE(r.idle_fee_wan);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，已开发 30.0%，已投资 50.0%：开发面积不足三分之一或投资不足 25%（第二条第二款）");
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

TEST(IdleRules, UnknownRatiosAreUnknown) {
  IdleInput in = stalled();
  in.developed_m2.reset();
  in.invested_wan.reset();
  IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::unknown);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，但已开发 未知，已投资 未知：比例未知，待核实");
  // One ratio known and not below, the other with a zero divisor: still unknown.
  in.developed_m2 = 2000;
  in.invested_wan = 10;
  in.total_investment_wan = 0;
  r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::unknown);
  EXPECT_EQ(r.reason,
            "2021-01-15 起停工满一年，但已开发 66.7%，已投资 未知：比例未知，待核实");
  // One ratio below is enough.
  in.developed_m2 = 500;
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

TEST(IdleRules, StalledNeedsNoAgreedStartDate) {
  IdleInput in = stalled();
  in.agreed_start.reset();
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

// The development ratio needs the required area: without it the ratio is unknown (never the parcel
// area), so only the investment ratio can decide.
TEST(IdleRules, NoRequiredAreaLeavesTheDevelopmentRatioUnknown) {
  IdleInput in = stalled();  // 900 m² developed; 100 of 200 万元 invested (50 %, not below 25 %)
  in.required_m2.reset();
  IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::unknown);
  EXPECT_EQ(r.reason, "2021-01-15 起停工满一年，但已开发 未知，已投资 50.0%：比例未知，待核实");
  in.invested_wan = 40;  // 20 % < 25 %: the investment ratio alone decides
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

// A stop that ended (复工) on or before as_of is not idle; a resumption later than as_of, or before
// the stop (an earlier stop), does not end it.
TEST(IdleRules, ResumedWorkIsNotIdle) {
  IdleInput in = stalled();  // stopped 2021-01-15
  in.resume_date = Date{2021, 10, 1};
  IdleResult r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_EQ(r.reason, "2021-01-15 起停工，2021-10-01 已复工");
  in.resume_date = Date{2022, 9, 1};  // after as_of: still stopped on 2022-06-01
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
  in.resume_date = Date{2020, 12, 1};  // before the stop
  EXPECT_EQ(classify_idle(in, Date{2022, 6, 1}).status, IdleStatus::idle_stalled);
}

// Disposal (处置): done when its completion date is on or before as_of. A completed reclaim or swap
// hands the land back (not idle any more); other methods leave the status as the dates decide.
TEST(IdleRules, DisposalCompletedOnOrBeforeTheEvaluationDate) {
  IdleInput in = not_started();  // idle_not_started as of 2021-06-01
  in.disposal = "征缴闲置费";
  in.disposal_date = Date{2021, 5, 1};
  IdleResult r = classify_idle(in, Date{2021, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::idle_not_started);
  EXPECT_TRUE(r.disposed);
  EXPECT_EQ(r.reason, "动工期限 2020-03-01，满一年（2021-03-01）仍未动工：征缴土地闲置费（第十四条）；已处置：征缴闲置费（2021-05-01）");
  r = classify_idle(in, Date{2021, 4, 30});  // not yet done
  EXPECT_FALSE(r.disposed);
  EXPECT_EQ(r.reason, "动工期限 2020-03-01，满一年（2021-03-01）仍未动工：征缴土地闲置费（第十四条）；处置中：征缴闲置费");
  in.disposal = "无偿收回";
  in.disposal_date = Date{2022, 5, 1};
  r = classify_idle(in, Date{2022, 6, 1});
  EXPECT_EQ(r.status, IdleStatus::none);
  EXPECT_TRUE(r.disposed);
  EXPECT_EQ(r.reason, "2022-05-01 已无偿收回（处置完成）");
  EXPECT_TRUE(disposal_returns_land("协议收回"));
  EXPECT_FALSE(disposal_returns_land("延期"));
  EXPECT_TRUE(is_known_disposal("临时使用"));
  EXPECT_FALSE(is_known_disposal("收回"));
}
