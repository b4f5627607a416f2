#include "app/cli/change_dates.h"

#include "libgis/core/errors.h"
#include "libgis/style/theme.h"

namespace parkgis::cli {

std::optional<render::ChangeSpan> change_dates(const Args& args, const std::string& theme_id, const std::string& db_path) {
  const std::optional<Date> from = args.get_date("--from"), to = args.get_date("--to");
  const bool changes = theme_id == "changes";
  if (!changes) {
    if (from || to) throw UsageError("--from and --to go with the theme changes (two evaluations compared)");
    return std::nullopt;
  }
  if (!from || !to)
    throw UsageError("the theme changes compares two evaluations: give --from DATE --to DATE (the earlier and the "
                     "later; 'parkgis runs --db " + db_path + "' lists the dates)");
  if (!(*from < *to)) throw UsageError("--from " + from->iso() + " must be before --to " + to->iso());
  return render::ChangeSpan{*from, *to};
}

}  // namespace parkgis::cli
