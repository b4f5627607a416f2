// docs/dataset-format.md must list every canonical layer, field and alias the importer knows.
#include <gtest/gtest.h>

#include <filesystem>

#include "libgis/model/schema.h"
#include "tests/support/test_support.h"

TEST(SchemaDocs, DatasetFormatListsEveryFieldAndAlias) {
  const std::string doc = parkgis::test::read_text(std::filesystem::path(PARKGIS_SOURCE_DIR) / "docs/dataset-format.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& layer : parkgis::model::canonical_layers()) {
    EXPECT_NE(doc.find("### `" + layer.name + "`"), std::string::npos) << layer.name;
    for (const auto& f : layer.fields) {
      const std::string row = "| `" + f.name + "` " + f.label_zh + " | " + parkgis::model::field_type_name(f.type);
      const auto at = doc.find(row);
      EXPECT_NE(at, std::string::npos) << layer.name << "." << f.name;
      if (at == std::string::npos) continue;
      const std::string line = doc.substr(at, doc.find('\n', at) - at);
      for (const auto& alias : f.aliases) EXPECT_NE(line.find(alias), std::string::npos) << f.name << " alias " << alias;
    }
  }
}

TEST(SchemaDocs, TenByteNamesAreListed) {
  const std::string doc = parkgis::test::read_text(std::filesystem::path(PARKGIS_SOURCE_DIR) / "docs/dataset-format.md");
  for (const auto& layer : parkgis::model::canonical_layers())
    for (const auto& f : layer.fields)
      if (f.name.size() > 10) {
        EXPECT_NE(doc.find("`" + f.name.substr(0, 10) + "`"), std::string::npos) << f.name;
      }
}
