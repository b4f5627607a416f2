// Date parsing (dataset values, --as-of): any text gives a valid calendar date or none, and a parsed
// date prints back to a text that parses to the same date.
#include <cstdlib>
#include <string_view>

#include "libgis/core/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto d = parkgis::parse_date(text);
  if (d) {
    const auto again = parkgis::parse_date(d->iso());
    if (!again || again->iso() != d->iso()) std::abort();
  }
  return 0;
}
