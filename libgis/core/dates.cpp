#include "libgis/core/dates.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace parkgis {
namespace {

std::chrono::year_month_day ymd_of(const Date& d) {
  return std::chrono::year_month_day{std::chrono::year{d.year},
                                     std::chrono::month{static_cast<unsigned>(d.month)},
                                     std::chrono::day{static_cast<unsigned>(d.day)}};
}

std::optional<Date> make_valid_date(long y, long m, long d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date out{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
  if (!ymd_of(out).ok()) return std::nullopt;
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

long Date::days_since_epoch() const {
  return static_cast<long>(std::chrono::sys_days{ymd_of(*this)}.time_since_epoch().count());
}

Date Date::from_days_since_epoch(long days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date Date::plus_years(int years) const {
  Date out{year + years, month, day};
  if (!ymd_of(out).ok()) out.day = 28;  // 29 Feb in a common year
  return out;
}

std::string Date::iso() const {
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
    const auto digit = [](int v) { return static_cast<char>('0' + v); };
    return {digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), '-',
            digit(month / 10),  digit(month % 10),      '-',                    digit(day / 10), digit(day % 10)};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

long days_between(const Date& a, const Date& b) { return b.days_since_epoch() - a.days_since_epoch(); }

std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;

  // Eight digits: YYYYMMDD.
  if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    const std::string s(text);
    return make_valid_date(std::stol(s.substr(0, 4)), std::stol(s.substr(4, 2)),
                           std::stol(s.substr(6, 2)));
  }

  // Otherwise: three digit groups separated by -, /, . or 年/月(/日), then optional time part.
  long parts[3] = {0, 0, 0};
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size() && count < 3) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    std::size_t j = i;
    long v = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i < 5) v = v * 10 + (text[j++] - '0');
    if (j - i > 4) return std::nullopt;
    parts[count++] = v;
    i = j;
    if (count == 3) break;
    if (i >= text.size()) break;
    if (text[i] == '-' || text[i] == '/' || text[i] == '.') {
      ++i;
    } else if (text.substr(i, 3) == "年" || text.substr(i, 3) == "月") {
      i += 3;
    } else {
      return std::nullopt;
    }
  }
  if (count != 3) return std::nullopt;
  std::string_view rest = text.substr(i);
  if (rest.substr(0, 3) == "日") rest.remove_prefix(3);
  // Allow a time part (" 00:00:00", "T00:00:00Z") after the date; anything else is rejected.
  if (!rest.empty() && rest.front() != ' ' && rest.front() != 'T') return std::nullopt;
  return make_valid_date(parts[0], parts[1], parts[2]);
}

Date today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string utc_timestamp() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int full_years_between(const Date& a, const Date& b) {
  if (b < a) return 0;
  int n = b.year - a.year;
  if (a.plus_years(n) > b) --n;
  return n;
}

}  // namespace parkgis
