// dataset.json: any bytes give a manifest or a DataError naming the file.
#include "libgis/core/errors.h"
#include "libgis/io/manifest.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  parkgis::fuzz::write_file("ds/dataset.json", data, size);
  try {
    parkgis::io::load_manifest((parkgis::fuzz::scratch() / "ds").string());
  } catch (const parkgis::DataError&) {
  }
  return 0;
}
