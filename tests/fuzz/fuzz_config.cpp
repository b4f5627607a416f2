// The analysis configuration (grading weights, cut-offs, control indicators): any bytes give a config or
// a DataError naming the key; a config that loads prints back to JSON that loads again.
#include <cstdlib>

#include "libgis/core/errors.h"
#include "libgis/indicators/config.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string path = parkgis::fuzz::write_file("config.json", data, size);
  try {
    const auto config = parkgis::indicators::load_config(path);
    const std::string json = parkgis::indicators::to_json(config);
    const std::string again = parkgis::fuzz::write_file("again.json", reinterpret_cast<const unsigned char*>(json.data()),
                                                        json.size());
    parkgis::indicators::load_config(again);
  } catch (const parkgis::DataError&) {
  } catch (const parkgis::UsageError&) {
  }
  return 0;
}
