// Table reading through the importer's source reader: a dataset.json (field mapping, encoding) and an
// enterprises.csv, separated by a line "----". Covers CSV decoding, field matching by name, alias and
// manifest, and value conversion (numbers, dates, text in any encoding).
#include "libgis/core/errors.h"
#include "libgis/core/issues.h"
#include "libgis/io/manifest.h"
#include "libgis/io/source_reader.h"
#include "libgis/model/schema.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const auto [manifest, csv] = parkgis::fuzz::split_parts(data, size);
  parkgis::fuzz::write_file("t/dataset.json", reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size());
  const std::string path =
      parkgis::fuzz::write_file("t/enterprises.csv", reinterpret_cast<const unsigned char*>(csv.data()), csv.size());
  try {
    const parkgis::io::Manifest m = parkgis::io::load_manifest((parkgis::fuzz::scratch() / "t").string());
    parkgis::IssueSink issues;
    auto it = m.layers.find("enterprises");
    const parkgis::io::LayerSource cfg = it == m.layers.end() ? parkgis::io::LayerSource{} : it->second;
    parkgis::io::SourceReader reader(*parkgis::model::find_layer("enterprises"), path, cfg, m, issues);
    long long n = 0;
    reader.read([&](const parkgis::io::SourceFeature&) { ++n; });
  } catch (const parkgis::DataError&) {
  }
  return 0;
}
