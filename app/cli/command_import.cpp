#include "app/cli/command.h"
#include "libgis/core/errors.h"
namespace parkgis::cli {
int cmd_import(const std::vector<std::string>&, Context&) { throw DataError("import: not implemented yet"); }
}
