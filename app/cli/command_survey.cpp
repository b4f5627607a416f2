// parkgis survey-pack / survey-merge (being written).
#include "app/cli/command.h"
#include "libgis/core/errors.h"
namespace parkgis::cli {
int cmd_survey_pack(const std::vector<std::string>&, Context&) { throw DataError("survey-pack is not available yet"); }
int cmd_survey_merge(const std::vector<std::string>&, Context&) { throw DataError("survey-merge is not available yet"); }
}  // namespace parkgis::cli
