// dataset.json: what is accepted (a byte-order mark) and what is refused (paths leading out of the
// dataset folder).
#include "libgis/io/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "libgis/core/errors.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::test::TempDir;

namespace {

std::string load_error(const TempDir& tmp) {
  try {
    parkgis::io::load_manifest(tmp.str("ds"));
  } catch (const parkgis::DataError& e) {
    return e.what();
  }
  return "(no error)";
}

void write_manifest(const TempDir& tmp, const std::string& text) {
  fs::create_directories(tmp.path() / "ds");
  parkgis::test::write_text(tmp.path() / "ds" / "dataset.json", text);
}

}  // namespace

TEST(Manifest, Utf8ByteOrderMarkIsAccepted) {  // as Windows Notepad saves it
  TempDir tmp;
  write_manifest(tmp, "\xEF\xBB\xBF{\"name\": \"宁德\", \"as_of\": \"2026-06-30\"}");
  const parkgis::io::Manifest m = parkgis::io::load_manifest(tmp.str("ds"));
  EXPECT_EQ(m.name, "宁德");
  ASSERT_TRUE(m.as_of.has_value());
  EXPECT_EQ(m.as_of->iso(), "2026-06-30");
}

TEST(Manifest, LayerPathsOutsideTheDatasetAreRefused) {
  TempDir tmp;
  const std::string file = tmp.str("ds") + "/dataset.json";
  for (const std::string path : {"../other/parcels.shp", "/etc/passwd", "sub/../../x.shp"}) {
    write_manifest(tmp, "{\"layers\": {\"parcels\": {\"path\": \"" + path + "\"}}}");
    EXPECT_EQ(load_error(tmp), file + ": layers.parcels.path \"" + path +
                                   "\" leads outside the dataset folder; copy the file into the folder and give its "
                                   "name relative to it");
  }
  // A link inside the folder that points out of it.
  fs::create_directories(tmp.path() / "outside");
  fs::create_directory_symlink(tmp.path() / "outside", tmp.path() / "ds" / "link");
  write_manifest(tmp, "{\"layers\": {\"parcels\": {\"path\": \"link/parcels.shp\"}}}");
  EXPECT_NE(load_error(tmp).find("leads outside the dataset folder"), std::string::npos);
  // A sub-folder is fine.
  write_manifest(tmp, "{\"layers\": {\"parcels\": {\"path\": \"sub/parcels.shp\"}}}");
  EXPECT_EQ(load_error(tmp), "(no error)");
}
