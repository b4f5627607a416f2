#include "app/viewer/viewer_app.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QThread>
#include <QTimer>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "libgis/core/dates.h"
#include <iostream>

#include "app/viewer/main_window.h"

namespace parkgis::viewer {

ViewerOptions parse_options(const QStringList& arguments) {
  ViewerOptions o;
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("parkgis-viewer: maps of industrial-park land by theme"));
  p.addHelpOption();
  p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("a parkgis database (.sqlite, or a PostGIS one: postgresql://user@host:port/dbname or PG:conninfo) or a dataset folder"));
  const QCommandLineOption schema({QStringLiteral("schema")}, QStringLiteral("PostgreSQL schema of the database (default public)"), QStringLiteral("NAME"));
  const QCommandLineOption theme({QStringLiteral("theme")}, QStringLiteral("idle, unsupplied, tax-per-mu, output-per-mu, vacancy, grade, supply, sites, changes (two evaluations: the two latest)"), QStringLiteral("T"));
  const QCommandLineOption zone({QStringLiteral("zone")}, QStringLiteral("zoom to this zone"), QStringLiteral("ID"));
  const QCommandLineOption park({QStringLiteral("park")}, QStringLiteral("zoom to this park"), QStringLiteral("ID"));
  const QCommandLineOption parcel({QStringLiteral("parcel")}, QStringLiteral("identify and select this parcel"), QStringLiteral("ID"));
  const QCommandLineOption shot({QStringLiteral("screenshot")}, QStringLiteral("grab the window into this PNG and exit"), QStringLiteral("PNG"));
  const QCommandLineOption size({QStringLiteral("size")}, QStringLiteral("window size, e.g. 1440x900"), QStringLiteral("WxH"));
  const QCommandLineOption lang({QStringLiteral("lang")}, QStringLiteral("zh or en (default: the saved choice, else the locale)"), QStringLiteral("L"));
  const QCommandLineOption as_of({QStringLiteral("as-of")}, QStringLiteral("show the evaluation of this date (default: the latest)"), QStringLiteral("DATE"));
  const QCommandLineOption basemap({QStringLiteral("basemap")}, QStringLiteral("a raster under the map (GeoTIFF, MBTiles, xyz:URL with {z}/{x}/{y}); repeatable"), QStringLiteral("SRC"));
  const QCommandLineOption reference({QStringLiteral("reference")}, QStringLiteral("a vector reference layer (shapefile, GeoPackage, GeoJSON) under the parcels; repeatable"), QStringLiteral("SRC"));
  p.addOptions({theme, zone, park, parcel, shot, size, lang, as_of, schema, basemap, reference});
  if (!p.parse(arguments)) {
    o.error = p.errorText();
    return o;
  }
  if (p.isSet(QStringLiteral("help"))) p.showHelp(0);
  if (p.positionalArguments().size() > 1) o.error = QStringLiteral("expected at most one FILE");
  if (!p.positionalArguments().isEmpty()) o.file = p.positionalArguments().front();
  if (p.isSet(schema)) o.file += QStringLiteral(" --schema ") + p.value(schema);  // as the store's display form
  o.theme = p.value(theme);
  o.zone = p.value(zone);
  o.park = p.value(park);
  o.parcel = p.value(parcel);
  o.screenshot = p.value(shot);
  o.basemaps = p.values(basemap);
  o.references = p.values(reference);
  if (p.isSet(size)) {
    const QStringList wh = p.value(size).split(QLatin1Char('x'));
    bool ok1 = false, ok2 = false;
    if (wh.size() == 2) o.size = QSize(wh[0].toInt(&ok1), wh[1].toInt(&ok2));
    if (!ok1 || !ok2 || o.size.width() < 320 || o.size.height() < 240)
      o.error = QStringLiteral("--size expects WIDTHxHEIGHT (at least 320x240), got ") + p.value(size);
  }
  if (p.isSet(lang)) {
    const QString l = p.value(lang);
    if (l == QLatin1String("zh") || l == QLatin1String("zh_CN")) o.lang = QStringLiteral("zh_CN");
    else if (l == QLatin1String("en")) o.lang = QStringLiteral("en");
    else o.error = QStringLiteral("--lang expects zh or en, got ") + l;
  }
  if (p.isSet(as_of)) {
    const std::optional<Date> d = parse_date(p.value(as_of).toStdString());
    if (d) o.as_of = QString::fromStdString(d->iso());
    else o.error = QStringLiteral("--as-of expects a date like 2026-06-30, got ") + p.value(as_of);
  }
  if (!o.screenshot.isEmpty() && o.file.isEmpty()) o.error = QStringLiteral("--screenshot needs a FILE to open");
  return o;
}

void prepare_platform(int argc, char** argv) {
  bool shot = false;
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--screenshot", 12) == 0) shot = true;
  if (shot && !std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
}

bool apply_view_options(MainWindow& w, const ViewerOptions& o) {
  bool ok = true;
  for (const QString& b : o.basemaps) ok = w.add_basemap(render::Basemap{b.toStdString()}) && ok;
  for (const QString& r : o.references) ok = w.add_reference(r) && ok;
  if (!o.theme.isEmpty()) w.set_theme(o.theme);
  if (!o.zone.isEmpty()) w.show_unit(o.zone);
  else if (!o.park.isEmpty()) w.show_unit(o.park);
  if (!o.parcel.isEmpty()) w.identify_parcel(o.parcel);
  return ok;
}

bool wait_until_idle(MainWindow& w, int timeout_ms) {
  QElapsedTimer t;
  t.start();
  int calm = 0;
  while (t.elapsed() < timeout_ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    calm = w.idle() ? calm + 1 : 0;
    if (calm >= 5) return true;
    QThread::msleep(10);
  }
  return false;
}

int run_screenshot(MainWindow& w, const ViewerOptions& o, int timeout_ms) {
  w.resize(o.size);
  w.show();
  bool opened = false, failed = false;
  QObject::connect(&w, &MainWindow::database_opened, &w, [&] { opened = true; });
  QObject::connect(&w, &MainWindow::open_failed, &w, [&](const QString& m) {
    failed = true;
    std::cerr << "parkgis-viewer: " << m.toStdString() << "\n";
  });
  w.open_path(o.file);
  QElapsedTimer t;
  t.start();
  while (!opened && !failed && t.elapsed() < timeout_ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  if (!opened) {
    if (!failed) std::cerr << "parkgis-viewer: timed out opening " << o.file.toStdString() << "\n";
    return 1;
  }
  QString added_error;
  QObject::connect(&w, &MainWindow::error_shown, &w, [&](const QString& m) { added_error = m; });
  if (!apply_view_options(w, o)) {
    std::cerr << "parkgis-viewer: " << added_error.toStdString() << "\n";
    return 1;
  }
  if (!o.theme.isEmpty() && w.theme() != o.theme) {
    std::cerr << "parkgis-viewer: unknown theme '" << o.theme.toStdString() << "'\n";
    return 2;
  }
  if (!wait_until_idle(w, timeout_ms)) {
    std::cerr << "parkgis-viewer: timed out waiting for the map\n";
    return 1;
  }
  if (!w.grab().save(o.screenshot, "PNG")) {
    std::cerr << "parkgis-viewer: cannot write " << o.screenshot.toStdString() << "\n";
    return 1;
  }
  std::cerr << "wrote " << o.screenshot.toStdString() << "\n";
  return 0;
}

}  // namespace parkgis::viewer
