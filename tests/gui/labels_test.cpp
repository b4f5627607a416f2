// Issue 15, labels: the parcels' label field (宗地代码, 权利人, 亩均税收, 等级, none) and size, in the
// renderer, 'parkgis render --labels --label-size' and the viewer's View › Labels menu (remembered).
#include <gtest/gtest.h>

#include <QAction>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <sstream>

#include "app/cli/command.h"
#include "app/viewer/label_options.h"
#include "app/viewer/map_canvas.h"
#include "libgis/render/labels.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

using namespace parkgis::render;

const Extent kZone{489216, 3013981, 489784, 3014619};  // zone YQ10-PQ1

// Parcel label boxes drawn for zone YQ10-PQ1 at 0.6 m per pixel (parks and zones hidden).
std::vector<QRectF> parcel_label_boxes(const LabelOptions& o) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  MapRenderer r(*store);
  const MapTransform t = MapTransform::fit(kZone, 1000, 1100, 0.02);
  QImage img(1000, 1100, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  LabelSources src;
  src.parcels = r.loader().get(LayerId::parcels, t.extent());
  src.options = o;
  if (o.parcel != ParcelLabel::parcel_id && o.parcel != ParcelLabel::none)
    src.parcel_texts = r.loader().texts(*src.parcels, parcel_label_info(o.parcel).column);
  std::vector<QRectF> boxes;
  draw_labels(p, t, src, {}, &boxes);
  return boxes;
}

QImage zone_map(const LabelOptions& o) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  MapRenderer r(*store);
  const MapTransform t = MapTransform::fit(kZone, 1000, 1100, 0.02);
  RenderSettings s;
  s.theme_id = "grade";
  s.visible.set(LayerId::parks, false);
  s.visible.set(LayerId::zones, false);
  s.label_options = o;
  QImage img(1000, 1100, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  r.render(p, t, s);
  return img;
}

int render(const std::vector<std::string>& args, std::string* err = nullptr) {
  return parkgis::test::run_cli({"render"}, args, err);
}

}  // namespace

TEST(Labels, FieldsAndFormats) {
  EXPECT_EQ(parse_parcel_label("holder"), ParcelLabel::holder);
  EXPECT_FALSE(parse_parcel_label("owner").has_value());
  EXPECT_EQ(format_parcel_label(ParcelLabel::tax_per_mu, "12.349"), QStringLiteral("12.3"));  // 万元/亩, one decimal
  EXPECT_EQ(format_parcel_label(ParcelLabel::tax_per_mu, ""), QString());                    // missing: nothing drawn
  EXPECT_EQ(format_parcel_label(ParcelLabel::grade, "ungraded"), QStringLiteral("不定等级"));
  EXPECT_EQ(format_parcel_label(ParcelLabel::grade, "B"), QStringLiteral("B"));
  LabelOptions o;
  EXPECT_NEAR(o.size_px(), 10.667, 0.001);  // px: 8 pt × 96/72
}

TEST(Labels, NoneDrawsNoParcelLabels) {
  EXPECT_FALSE(parcel_label_boxes({}).empty());  // ids by default
  EXPECT_TRUE(parcel_label_boxes({ParcelLabel::none, 8}).empty());
}

TEST(Labels, SizeScalesTheLabels) {
  // Grades are one letter (or 不定等级): the same parcels fit them at 8 and 12 pt, each box 1.5 times as
  // high (12 / 8) up to font rounding (11 px and 16 px fonts).
  const auto small = parcel_label_boxes({ParcelLabel::grade, 8});
  const auto large = parcel_label_boxes({ParcelLabel::grade, 12});
  ASSERT_FALSE(small.empty());
  ASSERT_EQ(small.size(), large.size());
  EXPECT_NEAR(large[0].height() / small[0].height(), 1.5, 0.12);
}

TEST(Labels, StayInsideTheirParcelsAndTheMap) {
  const QRectF canvas(0, 0, 1000, 1100);
  for (ParcelLabel f : {ParcelLabel::parcel_id, ParcelLabel::holder, ParcelLabel::tax_per_mu, ParcelLabel::grade})
    for (const QRectF& b : parcel_label_boxes({f, 10})) EXPECT_TRUE(canvas.contains(b)) << parcel_label_info(f).key;
}

TEST(Labels, PixelsChangeOnlyWhereLabelsAre) {
  const LabelOptions grade{ParcelLabel::grade, 10};
  const QImage without = zone_map({ParcelLabel::none, 10}), with = zone_map(grade);
  const auto boxes = parcel_label_boxes(grade);
  ASSERT_FALSE(boxes.empty());
  int changed = 0, outside = 0;
  for (int y = 0; y < with.height(); ++y)
    for (int x = 0; x < with.width(); ++x) {
      if (with.pixel(x, y) == without.pixel(x, y)) continue;
      ++changed;
      bool in = false;
      for (const QRectF& b : boxes) in = in || b.adjusted(-2, -2, 2, 2).contains(QPointF(x + 0.5, y + 0.5));
      if (!in) ++outside;
    }
  EXPECT_GT(changed, 50);
  EXPECT_EQ(outside, 0);
}

TEST(Labels, RenderCommandOptions) {
  const std::string db = parkgis::test::ningde_db();
  std::string err;
  const std::string out = parkgis::test::gui_tmp("labels-grade.png");
  EXPECT_EQ(render({"--db", db, "--theme", "grade", "--zone", "YQ10-PQ1", "--labels", "grade", "--label-size", "10",
                    "--size", "1400x1000", "-o", out}, &err), 0) << err;
  EXPECT_EQ(render({"--db", db, "--theme", "grade", "--labels", "owner", "-o", out}, &err), 2);
  EXPECT_NE(err.find("--labels expects one of parcel_id, holder, tax_per_mu, grade, none, got \"owner\""), std::string::npos) << err;
  EXPECT_EQ(render({"--db", db, "--theme", "grade", "--label-size", "40", "-o", out}, &err), 2);
  EXPECT_NE(err.find("--label-size expects a number of points from 5 to 24"), std::string::npos) << err;
}

TEST(Labels, ViewerMenuChoosesAndRemembers) {
  QSettings().remove(QStringLiteral("labels"));
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  parkgis::viewer::LabelMenu* menu = w->label_menu();
  ASSERT_TRUE(menu);
  EXPECT_EQ(w->canvas()->settings().label_options.parcel, ParcelLabel::parcel_id);
  for (QAction* a : menu->actions())
    if (a->data().toString() == QLatin1String("holder")) a->trigger();
  for (QAction* a : menu->findChildren<QAction*>())
    if (a->data().toDouble() == 12.0) a->trigger();
  EXPECT_EQ(w->canvas()->settings().label_options.parcel, ParcelLabel::holder);
  EXPECT_EQ(w->canvas()->settings().label_options.size_pt, 12.0);
  EXPECT_EQ(QSettings().value(QStringLiteral("labels/parcel")).toString(), QStringLiteral("holder"));
  w.reset();
  auto again = parkgis::test::open_window();  // a new window starts with the choice
  EXPECT_EQ(again->canvas()->settings().label_options.parcel, ParcelLabel::holder);
  EXPECT_EQ(again->canvas()->settings().label_options.size_pt, 12.0);
  QSettings().remove(QStringLiteral("labels"));
}
