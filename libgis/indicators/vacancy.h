#pragma once
// Vacant floor space of a building at the evaluation date (docs/indicators.md, "Vacant floor space").
// Two kinds, recorded per building as vacancy_type:
//   空置 (vacant): floor not let or sold, nobody uses it;
//   闲置 (idle):   floor let or owned, but not producing.
// A building's vacant_area counts when it has stood vacant at least min_months calendar months at as_of
// (vacant_since + min_months ≤ as_of). Without vacant_since it counts too, but as undated, so that reports
// can show how much rests on undated records. Areas in m².

#include <optional>
#include <string>

#include "libgis/core/dates.h"

namespace parkgis::indicators {

enum class VacancyType { vacant, idle, unknown };

// "空置" / "vacant" → vacant, "闲置" / "idle" → idle (ASCII without case, blanks trimmed); else unknown.
VacancyType parse_vacancy_type(const std::string& text);

struct VacancyCount {
  double counted_m2 = 0;  // vacant floor that counts at as_of (dated and old enough, or undated)
  double undated_m2 = 0;  // the part of counted_m2 without vacant_since
  double idle_m2 = 0;     // the part of counted_m2 of type 闲置 (the rest is 空置 or untyped)
};

VacancyCount count_vacancy(std::optional<double> vacant_m2, std::optional<Date> vacant_since, const std::string& type,
                           const Date& as_of, int min_months);

// The same day `months` calendar months later; a day past the month's end becomes its last day
// (2025-08-31 + 6 months = 2026-02-28).
Date plus_months(const Date& d, int months);

}  // namespace parkgis::indicators
