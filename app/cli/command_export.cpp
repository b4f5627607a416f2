// parkgis export (being written).
#include "app/cli/command.h"
#include "libgis/core/errors.h"
namespace parkgis::cli {
int cmd_export(const std::vector<std::string>&, Context&) { throw DataError("export is not available yet"); }
}  // namespace parkgis::cli
