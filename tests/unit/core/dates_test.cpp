#include <gtest/gtest.h>

#include "libgis/core/dates.h"

using parkgis::Date;
using parkgis::parse_date;

TEST(Dates, ParsesTheSpellingsFoundInLandRecords) {
  const Date want{2020, 3, 1};
  for (const char* s : {"2020-03-01", "2020/3/1", "2020.03.01", "20200301", "2020年3月1日",
                        "2020-03-01T00:00:00Z", " 2020-03-01 ", "2020/03/01 00:00:00"}) {
    auto d = parse_date(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(*d, want) << s;
  }
}

TEST(Dates, RejectsWhatIsNotACalendarDate) {
  for (const char* s : {"", "2021-02-30", "2020-13-01", "abc", "2020-3", "2020-03-01x", "12345678", "2020--01"})
    EXPECT_FALSE(parse_date(s).has_value()) << s;
}

TEST(Dates, AnniversaryIsCalendarArithmetic) {
  EXPECT_EQ((Date{2023, 5, 10}.plus_years(1)), (Date{2024, 5, 10}));
  EXPECT_EQ((Date{2024, 2, 29}.plus_years(1)), (Date{2025, 2, 28}));
  EXPECT_EQ((Date{2024, 2, 29}.plus_years(4)), (Date{2028, 2, 29}));
  // A leap year in between: one year is 366 days here, not 365.
  const Date start{2023, 3, 1};
  EXPECT_EQ(parkgis::days_between(start, start.plus_years(1)), 366);
}

TEST(Dates, DaysSinceEpochRoundTrips) {
  const Date d{2026, 6, 30};
  EXPECT_EQ(Date::from_days_since_epoch(d.days_since_epoch()), d);
  EXPECT_EQ((Date{1970, 1, 1}.days_since_epoch()), 0);
  EXPECT_EQ(d.iso(), "2026-06-30");
}

TEST(Dates, IsoText) {
  EXPECT_EQ((Date{2020, 3, 1}.iso()), "2020-03-01");
  EXPECT_EQ((Date{999, 12, 31}.iso()), "0999-12-31");
  EXPECT_EQ((Date{12345, 1, 2}.iso()), "12345-01-02");
  EXPECT_EQ((Date{-44, 3, 15}.iso()), "-044-03-15");
}

// Whole years by anniversaries (the age of an approval batch): 2019-05-01 → 2026-04-30 is 6 years,
// → 2026-05-01 is 7; 29 February's anniversary is 28 February in a common year.
TEST(Dates, FullYearsBetween) {
  EXPECT_EQ(parkgis::full_years_between(Date{2019, 5, 1}, Date{2026, 4, 30}), 6);
  EXPECT_EQ(parkgis::full_years_between(Date{2019, 5, 1}, Date{2026, 5, 1}), 7);
  EXPECT_EQ(parkgis::full_years_between(Date{2024, 2, 29}, Date{2025, 2, 27}), 0);
  EXPECT_EQ(parkgis::full_years_between(Date{2024, 2, 29}, Date{2025, 2, 28}), 1);
  EXPECT_EQ(parkgis::full_years_between(Date{2024, 2, 29}, Date{2020, 1, 1}), 0);  // before: 0
}
