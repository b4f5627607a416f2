// Survey returns: a GeoJSON file as a field team might send back (any bytes), merged as a dry run into a
// database of the tiny test dataset. Covers reading the returned layer, finding its table and id column,
// decoding values and comparing them with the database.
#include "libgis/core/errors.h"
#include "libgis/export/survey.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/support/tiny_dataset.h"

namespace {

parkgis::store::Store& database() {
  static std::unique_ptr<parkgis::store::Store> store = [] {
    const auto dir = parkgis::fuzz::scratch() / "ds";
    std::filesystem::create_directories(dir);
    parkgis::test::write_tiny_dataset(dir.string());
    parkgis::ImportOptions o;
    o.dataset = dir.string();
    o.db_path = (parkgis::fuzz::scratch() / "survey.sqlite").string();
    parkgis::import_dataset(o);
    return parkgis::store::open_spatialite(o.db_path);
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  parkgis::store::Store& store = database();
  parkgis::exporter::MergeRequest req;
  req.returned = parkgis::fuzz::write_file("returned/parcels.geojson", data, size);
  req.dry_run = true;
  req.now = "2026-07-01T00:00:00";
  try {
    parkgis::exporter::survey_merge(store, req);
  } catch (const parkgis::DataError&) {
  } catch (const parkgis::UsageError&) {
  }
  return 0;
}
