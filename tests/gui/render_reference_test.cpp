// The renderer against reference images (tests/gui/reference/*.png), with a colour tolerance and a
// count of pixels allowed to differ (text antialiasing may vary slightly between FreeType builds).
// After an intended change: PARKGIS_UPDATE_REFERENCE=1 build/tests/gui_tests --gtest_filter='Render*'
// and look at the new images before committing them.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>

#include "libgis/render/map_export.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/test_support.h"

namespace {

// The map alone (no text): a fixed view of zone YQ10-PQ1, every layer, grade theme, one parcel selected.
QImage zone_map(const std::string& theme, bool labels) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  parkgis::render::MapRenderer r(*store);
  const parkgis::render::Extent zone{489216, 3013981, 489784, 3014619};  // zone YQ10-PQ1
  const auto t = parkgis::render::MapTransform::fit(zone, 400, 300, 0.02);
  parkgis::render::RenderSettings s;
  s.theme_id = theme;
  s.labels = labels;
  s.selection = std::make_shared<const parkgis::render::IdSet>(parkgis::render::IdSet{"YQ10-PQ1-005"});
  QImage img(400, 300, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  r.render(p, t, s);
  return img;
}

}  // namespace

TEST(Render, ZoneMapWithoutText) {
  const std::string problem = parkgis::test::compare_with_reference(zone_map("grade", false), "zone_grade_nolabels", 2, 0);
  EXPECT_TRUE(problem.empty()) << problem;
}

TEST(Render, ZoneMapWithLabels) {
  const std::string problem = parkgis::test::compare_with_reference(zone_map("idle", true), "zone_idle_labels", 24, 150);
  EXPECT_TRUE(problem.empty()) << problem;
}

TEST(Render, MapSheetWithLegendScaleBarNorthArrow) {
  parkgis::render::MapExportRequest req;
  req.db_path = parkgis::test::ningde_db();
  req.theme_id = "tax-per-mu";
  req.zone_id = "YQ04-PQ2";
  req.width = 800;
  req.height = 560;
  req.date = "2026-07-01";
  req.out_path = parkgis::test::gui_tmp("sheet.png");
  parkgis::render::export_map(req);
  QImage img;
  ASSERT_TRUE(img.load(QString::fromStdString(req.out_path)));
  const std::string problem = parkgis::test::compare_with_reference(img, "sheet_tax_YQ04-PQ2", 24, 400);
  EXPECT_TRUE(problem.empty()) << problem;
}

TEST(Render, PdfSheetIsWritten) {
  parkgis::render::MapExportRequest req;
  req.db_path = parkgis::test::ningde_db();
  req.theme_id = "vacancy";
  req.out_path = parkgis::test::gui_tmp("sheet.pdf");
  parkgis::render::export_map(req);
  const std::string pdf = parkgis::test::read_text(req.out_path);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("NotoSansCJK"), std::string::npos);  // the CJK font is embedded
}
