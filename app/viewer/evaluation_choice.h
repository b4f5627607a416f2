#pragma once
// Which evaluation the viewer shows (docs/history.md): none = the latest. Set from the command line
// (--as-of) before a database is opened; the data and render services open the database through
// history::open_evaluation() with it, so every panel, the map and the exports show that evaluation.

#include <optional>

#include "libgis/core/dates.h"

namespace parkgis::viewer {

void set_evaluation_date(const std::optional<Date>& as_of);
std::optional<Date> evaluation_date();

}  // namespace parkgis::viewer
