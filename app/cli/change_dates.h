#pragma once
// --from and --to of the map commands (render, report --maps): the two evaluations the changes theme
// compares, required by that theme and refused with any other.

#include <optional>
#include <string>

#include "app/cli/args.h"
#include "libgis/render/change_set.h"

namespace parkgis::cli {

// The span of --from/--to for a map of `theme_id`. Throws UsageError when the changes theme lacks one of
// them (saying that 'parkgis runs' lists the dates), when another theme has them, and when --from is not
// before --to.
std::optional<render::ChangeSpan> change_dates(const Args& args, const std::string& theme_id, const std::string& db_path);

}  // namespace parkgis::cli
