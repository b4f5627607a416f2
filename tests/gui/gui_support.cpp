#include "tests/gui/gui_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <cstdlib>
#include <filesystem>

#include "app/viewer/map_canvas.h"
#include "app/viewer/queries.h"
#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

namespace parkgis::test {

namespace fs = std::filesystem;

namespace {

TempDir& tmp() {
  static TempDir dir;
  return dir;
}

}  // namespace

const std::string& ningde_db() {
  static const std::string db = [] {
    const std::string path = tmp().str("ningde.sqlite");
    import_dataset({std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", path, {}});
    auto store = store::open_spatialite(path);
    analysis::analyze(*store, {});
    return path;
  }();
  return db;
}

const std::string& two_evaluations_db() {
  static const std::string db = [] {
    const std::string path = tmp().str("two-evaluations.sqlite");
    import_dataset({std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", path, {}});
    auto store = store::open_spatialite(path);
    for (const Date d : {Date{2026, 6, 30}, Date{2025, 12, 31}}) {
      analysis::AnalyzeOptions o;
      o.as_of = d;
      analysis::analyze(*store, o);
    }
    return path;
  }();
  return db;
}

std::string gui_tmp(const std::string& name) { return tmp().str(name); }

bool wait_for(const std::function<bool()>& pred, int timeout_ms) {
  QElapsedTimer t;
  t.start();
  while (!pred()) {
    if (t.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(2);
  }
  return true;
}

std::unique_ptr<viewer::MainWindow> open_window(const std::string& db) {
  auto w = std::make_unique<viewer::MainWindow>();
  w->resize(1280, 860);
  w->show();
  bool opened = false;
  QObject::connect(w.get(), &viewer::MainWindow::database_opened, w.get(), [&opened] { opened = true; });
  w->open_database(QString::fromStdString(db));
  if (!wait_for([&] { return opened; }) || !wait_for([&] { return w->idle(); })) return nullptr;
  return w;
}

render::Shape parcel_shape(const std::string& parcel_id) {
  auto store = store::open_spatialite(ningde_db());
  const auto info = viewer::parcel_info(*store, parcel_id);
  return info ? info->shape : render::Shape{};
}

QPoint screen_point_of(viewer::MainWindow& w, const std::string& parcel_id) {
  const render::Shape shape = parcel_shape(parcel_id);
  if (shape.empty()) return {};
  const render::Point p = render::label_point(shape);
  const auto& v = w.canvas()->view();
  return QPoint(static_cast<int>(v.screen_x(p.x)), static_cast<int>(v.screen_y(p.y)));
}

std::string compare_with_reference(const QImage& image, const std::string& name, int tolerance, int allowed) {
  const fs::path ref = fs::path(PARKGIS_GUI_REFERENCE_DIR) / (name + ".png");
  const QImage got = image.convertToFormat(QImage::Format_ARGB32);
  if (std::getenv("PARKGIS_UPDATE_REFERENCE")) {
    got.save(QString::fromStdString(ref.string()), "PNG");
    return {};
  }
  QImage want;
  if (!want.load(QString::fromStdString(ref.string())))
    return ref.string() + " is missing; run with PARKGIS_UPDATE_REFERENCE=1 to write it";
  want = want.convertToFormat(QImage::Format_ARGB32);
  std::string problem;
  int differing = 0, worst = 0;
  QImage diff(got.size(), QImage::Format_ARGB32);
  if (got.size() != want.size()) {
    problem = "size " + std::to_string(got.width()) + "x" + std::to_string(got.height()) + " instead of " +
              std::to_string(want.width()) + "x" + std::to_string(want.height());
  } else {
    diff.fill(Qt::white);
    for (int y = 0; y < got.height(); ++y) {
      const QRgb* a = reinterpret_cast<const QRgb*>(got.constScanLine(y));
      const QRgb* b = reinterpret_cast<const QRgb*>(want.constScanLine(y));
      QRgb* d = reinterpret_cast<QRgb*>(diff.scanLine(y));
      for (int x = 0; x < got.width(); ++x) {
        const int delta = std::max({std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                                    std::abs(qBlue(a[x]) - qBlue(b[x])), std::abs(qAlpha(a[x]) - qAlpha(b[x]))});
        worst = std::max(worst, delta);
        if (delta > tolerance) {
          ++differing;
          d[x] = qRgb(255, 0, 0);
        } else if (delta > 0) {
          d[x] = qRgb(255, 200, 200);
        }
      }
    }
    if (differing > allowed)
      problem = std::to_string(differing) + " pixels differ by more than " + std::to_string(tolerance) +
                " (allowed " + std::to_string(allowed) + ", largest difference " + std::to_string(worst) + ")";
  }
  if (problem.empty()) return {};
  const fs::path out = fs::path(PARKGIS_GUI_OUT_DIR);
  fs::create_directories(out);
  const fs::path rendered = out / (name + ".rendered.png"), diff_path = out / (name + ".diff.png");
  got.save(QString::fromStdString(rendered.string()), "PNG");
  if (got.size() == want.size()) diff.save(QString::fromStdString(diff_path.string()), "PNG");
  return name + ": " + problem + "\n  reference: " + ref.string() + "\n  rendered:  " + rendered.string() +
         "\n  diff:      " + diff_path.string();
}

}  // namespace parkgis::test
