// Vacant floor counts only after min_months at the evaluation date; undated records count, flagged.
#include <gtest/gtest.h>

#include "libgis/indicators/vacancy.h"

using namespace parkgis::indicators;
using parkgis::Date;

TEST(IndicatorsVacancy, CalendarMonths) {
  EXPECT_EQ(plus_months(Date{2025, 12, 31}, 6), (Date{2026, 6, 30}));  // June has 30 days
  EXPECT_EQ(plus_months(Date{2025, 8, 31}, 6), (Date{2026, 2, 28}));
  EXPECT_EQ(plus_months(Date{2023, 8, 31}, 6), (Date{2024, 2, 29}));  // leap year
  EXPECT_EQ(plus_months(Date{2026, 1, 15}, 0), (Date{2026, 1, 15}));
}

TEST(IndicatorsVacancy, CountsFromSixMonths) {
  const Date as_of{2026, 6, 30};
  // Vacant since 2025-12-30: six months on 2026-06-30 → counts (500 m²).
  EXPECT_DOUBLE_EQ(count_vacancy(500, Date{2025, 12, 30}, "空置", as_of, 6).counted_m2, 500);
  // Since 2026-01-01: six months only on 2026-07-01 → not yet.
  EXPECT_DOUBLE_EQ(count_vacancy(500, Date{2026, 1, 1}, "空置", as_of, 6).counted_m2, 0);
  // With min_months 0 it counts from the day it fell vacant.
  EXPECT_DOUBLE_EQ(count_vacancy(500, Date{2026, 6, 30}, "", as_of, 0).counted_m2, 500);
  // A date after as_of never counts.
  EXPECT_DOUBLE_EQ(count_vacancy(500, Date{2026, 8, 1}, "", as_of, 0).counted_m2, 0);
}

TEST(IndicatorsVacancy, UndatedCountsAndIsFlagged) {
  const VacancyCount c = count_vacancy(300, std::nullopt, "idle", Date{2026, 6, 30}, 6);
  EXPECT_DOUBLE_EQ(c.counted_m2, 300);
  EXPECT_DOUBLE_EQ(c.undated_m2, 300);
  EXPECT_DOUBLE_EQ(c.idle_m2, 300);  // 闲置
  const VacancyCount d = count_vacancy(300, Date{2020, 1, 1}, "空置", Date{2026, 6, 30}, 6);
  EXPECT_DOUBLE_EQ(d.undated_m2, 0);
  EXPECT_DOUBLE_EQ(d.idle_m2, 0);
  EXPECT_DOUBLE_EQ(count_vacancy(std::nullopt, std::nullopt, "", Date{2026, 6, 30}, 6).counted_m2, 0);
}

TEST(IndicatorsVacancy, TypeNames) {
  EXPECT_EQ(parse_vacancy_type("空置"), VacancyType::vacant);
  EXPECT_EQ(parse_vacancy_type(" Idle "), VacancyType::idle);
  EXPECT_EQ(parse_vacancy_type("闲置"), VacancyType::idle);
  EXPECT_EQ(parse_vacancy_type("停产"), VacancyType::unknown);
}
