#include "libgis/indicators/vacancy.h"

#include <algorithm>
#include <cctype>

namespace parkgis::indicators {

namespace {

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

VacancyType parse_vacancy_type(const std::string& text) {
  std::string t;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "空置" || t == "vacant") return VacancyType::vacant;
  if (t == "闲置" || t == "idle") return VacancyType::idle;
  return VacancyType::unknown;
}

Date plus_months(const Date& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  Date out{index / 12, index % 12 + 1, 1};
  out.day = std::min(d.day, days_in_month(out.year, out.month));
  return out;
}

VacancyCount count_vacancy(std::optional<double> vacant_m2, std::optional<Date> vacant_since, const std::string& type,
                           const Date& as_of, int min_months) {
  VacancyCount c;
  if (!vacant_m2 || !(*vacant_m2 > 0)) return c;
  if (vacant_since && plus_months(*vacant_since, min_months) > as_of) return c;
  c.counted_m2 = *vacant_m2;
  if (!vacant_since) c.undated_m2 = *vacant_m2;
  if (parse_vacancy_type(type) == VacancyType::idle) c.idle_m2 = *vacant_m2;
  return c;
}

}  // namespace parkgis::indicators
