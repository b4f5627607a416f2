#pragma once
// Calendar dates (no time of day) for supply, start and evaluation dates.
// "One full year after" (满一年) is calendar arithmetic: the anniversary date, not 365 days.

#include <optional>
#include <string>
#include <string_view>

namespace parkgis {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (can be negative).
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);

  // The same month and day `years` later; 29 February becomes 28 February in a non-leap year.
  Date plus_years(int years) const;

  std::string iso() const;  // YYYY-MM-DD

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days from a to b (b - a).
long days_between(const Date& a, const Date& b);

// Whole years from a to b by anniversaries (the last anniversary of a on or before b); 0 when b is
// before a's first anniversary or before a.
int full_years_between(const Date& a, const Date& b);

// Parses the spellings found in land records: 2020-03-01, 2020/3/1, 2020.03.01, 20200301,
// 2020年3月1日, and ISO date-times (the time part is ignored). Returns nullopt when the text is not a
// valid calendar date (2021-02-30 is rejected). Leading and trailing blanks are ignored.
std::optional<Date> parse_date(std::string_view text);

// Today's date in local time.
Date today();

// The current time in UTC as ISO 8601, e.g. "2026-11-26T02:40:00Z" (for records of when work ran).
std::string utc_timestamp();

}  // namespace parkgis
