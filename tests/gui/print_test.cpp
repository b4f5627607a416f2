// Issue 15, print layouts: paper and scale, the scale bar's length on paper, PDF pages read back, the
// atlas (one sheet per zone), the selection's legend entry and the usage errors of 'parkgis render'.
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <filesystem>
#include <sstream>

#include "app/cli/command.h"
#include "app/viewer/print_dialog.h"
#include "libgis/render/map_export.h"
#include "libgis/render/print_export.h"
#include "libgis/render/print_layout.h"
#include "libgis/store/store.h"
#include "libgis/core/errors.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

using namespace parkgis::render;

int render(const std::vector<std::string>& args, std::string* err = nullptr) {
  return parkgis::test::run_cli({"render", "--db", parkgis::test::ningde_db(), "--theme", "grade", "--date", "2026-07-01"}, args, err);
}

// The pages of a PDF written by Qt: each page object's MediaBox, in points (1/72 inch).
std::vector<QSizeF> pdf_pages(const std::string& path) {
  QFile f(QString::fromStdString(path));
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QString text = QString::fromLatin1(f.readAll());
  std::vector<QSizeF> pages;
  static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
  for (auto it = box.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    pages.emplace_back(m.captured(1).toDouble(), m.captured(2).toDouble());
  }
  return pages;
}

}  // namespace

TEST(Print, PaperAndScale) {
  PrintLayout a4;
  EXPECT_NEAR(paper_mm(a4).width(), 210, 0.1);  // mm, portrait
  EXPECT_NEAR(paper_mm(a4).height(), 297, 0.1);
  PrintLayout a3{Paper::a3, true, 2000.0, 100};
  EXPECT_NEAR(paper_mm(a3).width(), 420, 0.1);  // mm, landscape
  EXPECT_NEAR(paper_mm(a3).height(), 297, 0.1);
  // 420 mm / 25.4 × 100 dpi = 1653.5 → 1654 px; 297 / 25.4 × 100 = 1169.3 → 1169 px.
  EXPECT_EQ(page_pixels(a3), QSize(1654, 1169));
  EXPECT_EQ(parse_scale("1:5,000"), 5000.0);
  EXPECT_EQ(parse_scale("2000"), 2000.0);
  EXPECT_FALSE(parse_scale("1:3").has_value());
  EXPECT_FALSE(parse_scale("1:abc").has_value());
  EXPECT_EQ(parse_paper("a3"), Paper::a3);
  EXPECT_FALSE(parse_paper("A5").has_value());
  EXPECT_EQ(scale_text(25000), "1:25,000");
  EXPECT_NEAR(units_per_px_at_scale(2000), 0.52917, 1e-5);  // m per 1/96 inch: 2000 × 0.0254 / 96
}

TEST(Print, ScaleBarLengthOnPaper) {
  // At 1:2000 the bar's longest round length within 220 units (58.2 mm = 116 m) is 100 m; on paper
  // 100 m / 2000 = 0.05 m = 50 mm.
  MapDocument doc;
  doc.title = QStringLiteral("t");
  doc.extent = {489216, 3013981, 489784, 3014619};
  doc.scale = 2000;
  PrintLayout l{Paper::a4, true, 2000.0, 96};
  QImage img(page_pixels(l), QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  const SheetLayout s = sheet_layout(p, QRectF(QPointF(0, 0), page_units(l)), doc);
  EXPECT_EQ(s.scale_bar_m, 100.0);
  EXPECT_NEAR(s.scale_bar_units / 96 * 25.4, 50.0, 0.01);  // mm
  EXPECT_NEAR(s.map.scale_denominator(), 2000, 1e-6);
}

TEST(Print, ScaleBarMeasuredInThePng) {
  // The same sheet at 200 dpi from 'parkgis render': the bar is 4 segments, dark, white, dark, white,
  // of 50 mm / 4 = 12.5 mm each (98.4 px at 200 dpi). In the bar's middle row the first dark run is
  // one segment and the second dark run starts two segments (25 mm) after the first.
  const std::string out = parkgis::test::gui_tmp("print-a4-2000.png");
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--paper", "A4", "--landscape", "--scale", "1:2000", "--dpi", "200", "-o", out}), 0);
  QImage img;
  ASSERT_TRUE(img.load(QString::fromStdString(out)));
  PrintLayout l{Paper::a4, true, 2000.0, 200};
  ASSERT_EQ(img.size(), page_pixels(l));  // 2339 × 1654
  MapDocument doc;
  doc.title = QStringLiteral("t");
  doc.subtitle = QStringLiteral("s");
  doc.extent = {489216, 3013981, 489784, 3014619};
  doc.scale = 2000;
  QPainter p(&img);
  const SheetLayout s = sheet_layout(p, QRectF(QPointF(0, 0), page_units(l)), doc);
  p.end();
  const double k = 200.0 / 96;
  const int row = static_cast<int>((s.frame.top() + s.map.height() - 14 - 7) * k);  // the bar's middle
  // The bar starts 16 units into the frame, on its white plate (from 10 units in).
  const int x_from = static_cast<int>((s.frame.left() + 13) * k), x_to = static_cast<int>((s.frame.left() + 16 + 300) * k);
  std::vector<std::pair<int, int>> runs;  // dark runs [from, to)
  for (int x = x_from; x < x_to; ++x) {
    const bool dark = qGray(img.pixel(x, row)) < 90;
    if (dark && (runs.empty() || runs.back().second != x)) runs.emplace_back(x, x + 1);
    else if (dark) runs.back().second = x + 1;
  }
  ASSERT_GE(runs.size(), 2u) << "row " << row;
  const double mm_per_px = 25.4 / 200;
  EXPECT_NEAR((runs[0].second - runs[0].first) * mm_per_px, 12.5, 0.3);  // mm: one segment (+ its outline)
  EXPECT_NEAR((runs[1].first - runs[0].first) * mm_per_px, 25.0, 0.3);   // mm: two segments
}

TEST(Print, PdfPageSizeReadBack) {
  const std::string a4 = parkgis::test::gui_tmp("print-a4.pdf"), a3 = parkgis::test::gui_tmp("print-a3l.pdf");
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--paper", "A4", "-o", a4}), 0);
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--paper", "A3", "--landscape", "--scale", "1:5000", "-o", a3}), 0);
  auto pages = pdf_pages(a4);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_NEAR(pages[0].width(), 595, 1);   // pt: 210 mm / 25.4 × 72 = 595.3
  EXPECT_NEAR(pages[0].height(), 842, 1);  // pt: 297 mm / 25.4 × 72 = 841.9
  pages = pdf_pages(a3);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_NEAR(pages[0].width(), 1191, 1);  // pt: 420 mm, landscape
  EXPECT_NEAR(pages[0].height(), 842, 1);
}

TEST(Print, AtlasOnePagePerZone) {
  // Park YQ01 has three zones (YQ01-PQ1 … PQ3 in the sample).
  const std::string pdf = parkgis::test::gui_tmp("atlas-YQ01.pdf");
  ASSERT_EQ(render({"--park", "YQ01", "--atlas", "zone", "--paper", "A4", "--landscape", "-o", pdf}), 0);
  EXPECT_EQ(pdf_pages(pdf).size(), 3u);
  const std::string dir = parkgis::test::gui_tmp("atlas-YQ01") + "/";
  std::string err;
  ASSERT_EQ(render({"--park", "YQ01", "--atlas", "zone", "--format", "png", "--landscape", "--dpi", "72", "-o", dir}, &err), 0) << err;
  for (const char* zone : {"YQ01-PQ1", "YQ01-PQ2", "YQ01-PQ3"}) {
    QImage img;
    EXPECT_TRUE(img.load(QString::fromStdString(atlas_file(dir, zone, "png")))) << zone;
    EXPECT_EQ(img.size(), QSize(842, 595)) << zone;  // A4 landscape at 72 dpi: 297 × 210 mm
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 3);
}

TEST(Print, SelectionHasALegendEntry) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  MapRenderer renderer(*store);
  MapExportRequest req;
  req.theme_id = "grade";
  req.selection = std::make_shared<const IdSet>(IdSet{"YQ10-PQ1-005", "YQ10-PQ1-006"});
  req.fit_selection = true;
  req.print = PrintLayout{};
  const MapDocument doc = make_document(*store, renderer, req);
  EXPECT_EQ(doc.selection_label, QStringLiteral("选中宗地（2 宗）"));
  EXPECT_EQ(doc.subtitle, QStringLiteral("宗地 YQ10-PQ1-005、YQ10-PQ1-006"));
  EXPECT_TRUE(doc.footer.startsWith(QStringLiteral("评价时点")));  // fitted: no scale in the footer
  req.print->scale = 2000;
  EXPECT_TRUE(make_document(*store, renderer, req).footer.startsWith(QStringLiteral("比例尺 1:2,000 · ")));
  req.selection = std::make_shared<const IdSet>(IdSet{"NOPE-1"});
  EXPECT_THROW(make_document(*store, renderer, req), parkgis::DataError);
}

TEST(Print, UsageErrors) {
  std::string err;
  const std::string out = parkgis::test::gui_tmp("bad.pdf");
  EXPECT_EQ(render({"--paper", "A5", "-o", out}, &err), 2);
  EXPECT_NE(err.find("--paper expects A4 or A3, got \"A5\""), std::string::npos) << err;
  EXPECT_EQ(render({"--paper", "A4", "--scale", "1:0", "-o", out}, &err), 2);
  EXPECT_NE(err.find("--scale expects 1:N with N from 200 to 500000"), std::string::npos) << err;
  EXPECT_EQ(render({"--scale", "big", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--paper", "A4", "--dpi", "5000", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--paper", "A4", "--size", "800x600", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--atlas", "zone", "-o", out}, &err), 2);
  EXPECT_NE(err.find("--atlas zone needs --park ID"), std::string::npos) << err;
  EXPECT_EQ(render({"--atlas", "park", "--park", "YQ01", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--atlas", "zone", "--park", "YQ01", "-o", parkgis::test::gui_tmp("atlas.png")}, &err), 2);
  EXPECT_EQ(render({"--parcel", "NOPE-1", "--paper", "A4", "-o", out}, &err), 1);
  EXPECT_NE(err.find("no parcel NOPE-1"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

// The viewer's File › Print layout: the dialog's choice drives the same export.
TEST(PrintDialog, SheetAndAtlasFromTheViewer) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->print_action());
  EXPECT_TRUE(w->print_action()->isEnabled());
  w->show_unit(QStringLiteral("YQ01-PQ2"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  parkgis::viewer::PrintDialog dlg(QStringLiteral("标题"), QString(), {{QStringLiteral("YQ01"), QStringLiteral("园")}},
                                   QStringLiteral("YQ01"));
  dlg.scale()->setEditText(QStringLiteral("1:1"));
  dlg.path_edit()->setText(QString::fromStdString(parkgis::test::gui_tmp("viewer-a3.pdf")));
  EXPECT_FALSE(dlg.choice().has_value());  // 1:1 is no map scale
  EXPECT_FALSE(dlg.problem().isEmpty());
  dlg.scale()->setEditText(QStringLiteral("1:5,000"));
  dlg.paper()->setCurrentIndex(1);  // A3
  dlg.landscape()->setChecked(false);
  auto c = dlg.choice();
  ASSERT_TRUE(c.has_value()) << dlg.problem().toStdString();
  EXPECT_EQ(c->layout.scale, 5000.0);
  QString error = QStringLiteral("pending");
  w->print_map(*c, [&](const QString& e) { error = e; });
  ASSERT_TRUE(parkgis::test::wait_for([&] { return error != QLatin1String("pending"); }));
  EXPECT_TRUE(error.isEmpty()) << error.toStdString();
  auto pages = pdf_pages(c->path.toStdString());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_NEAR(pages[0].width(), 842, 1);    // pt: A3 portrait, 297 mm
  EXPECT_NEAR(pages[0].height(), 1191, 1);  // pt: 420 mm

  dlg.atlas()->setChecked(true);
  dlg.path_edit()->setText(QString::fromStdString(parkgis::test::gui_tmp("viewer-atlas.png")));
  EXPECT_FALSE(dlg.choice().has_value());  // an atlas is a PDF or a folder
  dlg.path_edit()->setText(QString::fromStdString(parkgis::test::gui_tmp("viewer-atlas.pdf")));
  c = dlg.choice();
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->atlas_park, QStringLiteral("YQ01"));
  error = QStringLiteral("pending");
  w->print_map(*c, [&](const QString& e) { error = e; });
  ASSERT_TRUE(parkgis::test::wait_for([&] { return error != QLatin1String("pending"); }));
  EXPECT_TRUE(error.isEmpty()) << error.toStdString();
  EXPECT_EQ(pdf_pages(c->path.toStdString()).size(), 3u);  // YQ01's three zones
}
