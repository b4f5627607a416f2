// The --where parser of export and survey-pack: any text gives a filter of bound values over known
// columns, or a UsageError; never a crash or SQL text.
#include <string>
#include <vector>

#include "libgis/core/errors.h"
#include "libgis/export/where_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const std::vector<std::string> columns = {"parcel_id", "zone_id", "idle_status", "area_mu", "tax_per_mu",
                                                   "名称", "supply_date"};
  try {
    parkgis::exporter::parse_where(std::string(reinterpret_cast<const char*>(data), size), columns);
  } catch (const parkgis::UsageError&) {
  }
  return 0;
}
