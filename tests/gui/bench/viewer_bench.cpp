// Viewer benchmark at province scale: the real main window on a large database (default: the 200,000
// parcel dataset of docs/performance.md), driven with synthetic mouse events.
//
//   viewer_bench [DB] [--size WxH]        DB default: $PARKGIS_BENCH_DB, else /tmp/g200k.sqlite
//
// Measures: time to the first full view (open to the final image on screen); UI frames while panning
// (mouse move + synchronous repaint: the last image moved) and zooming (wheel + repaint: the last image
// scaled); the background render that replaces the preview after each gesture; a theme switch; and the
// longest time the UI thread was blocked (a 2 ms timer that notes its largest lateness). Prints a
// Markdown table. Exit code 77 (skipped) when the database is missing.
#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/viewer/language.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"

using parkgis::viewer::MainWindow;
using parkgis::viewer::MapCanvas;

namespace {

// Notes how late a 2 ms timer fires: the longest the UI thread was busy with something else.
class BlockMonitor : public QObject {
 public:
  BlockMonitor() {
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
      const double now = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
      if (m_last > 0) m_max = std::max(m_max, now - m_last - 2.0);
      m_last = now;
    });
    m_clock.start();
    m_timer.start(2);
  }
  double max_ms() const { return std::max(0.0, m_max); }
  void reset() {
    m_max = 0;
    m_last = 0;
  }

 private:
  QTimer m_timer;
  QElapsedTimer m_clock;
  double m_last = 0, m_max = 0;
};

bool wait_for(const std::function<bool()>& pred, int timeout_ms = 120000) {
  QElapsedTimer t;
  t.start();
  while (!pred()) {
    if (t.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QThread::usleep(500);
  }
  return true;
}

bool settle(MainWindow& w) {
  int calm = 0;
  return wait_for([&] {
    calm = w.idle() ? calm + 1 : 0;
    return calm >= 3;
  });
}

struct Series {
  std::vector<double> ms;
  double median() const {
    if (ms.empty()) return 0;
    std::vector<double> s = ms;
    std::sort(s.begin(), s.end());
    return s[s.size() / 2];
  }
  double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

double ms_since(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

// A drag of `steps` moves by (dx, dy) each; returns the frame times (event + repaint).
Series drag(MapCanvas* c, QPoint from, int steps, QPoint step) {
  Series frames;
  QMouseEvent press(QEvent::MouseButtonPress, from, c->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(c, &press);
  QPoint p = from;
  for (int i = 0; i < steps; ++i) {
    p += step;
    QElapsedTimer t;
    t.start();
    QMouseEvent move(QEvent::MouseMove, p, c->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(c, &move);
    c->repaint();
    frames.ms.push_back(ms_since(t));
    QCoreApplication::processEvents();
  }
  QMouseEvent release(QEvent::MouseButtonRelease, p, c->mapToGlobal(p), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(c, &release);
  return frames;
}

Series wheel(MapCanvas* c, QPoint at, int steps, int delta) {
  Series frames;
  for (int i = 0; i < steps; ++i) {
    QElapsedTimer t;
    t.start();
    QWheelEvent e(at, c->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(c, &e);
    c->repaint();
    frames.ms.push_back(ms_since(t));
    QCoreApplication::processEvents();
  }
  return frames;
}

}  // namespace

int main(int argc, char** argv) {
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  std::string db = std::getenv("PARKGIS_BENCH_DB") ? std::getenv("PARKGIS_BENCH_DB") : "/tmp/g200k.sqlite";
  QSize size(1920, 1080);
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--size" && i + 1 < argc) {
      const QStringList wh = QString::fromLatin1(argv[++i]).split(QLatin1Char('x'));
      if (wh.size() == 2) size = QSize(wh[0].toInt(), wh[1].toInt());
    } else {
      db = a;
    }
  }
  if (!std::filesystem::exists(db)) {
    std::fprintf(stderr,
                 "viewer_bench: %s is missing; make it with\n"
                 "  parkgis generate --parcels 200000 --seed 1 -o /tmp/g200k && parkgis run /tmp/g200k --db /tmp/g200k.sqlite --quiet\n",
                 db.c_str());
    return 77;
  }
  parkgis::viewer::set_language(QStringLiteral("zh_CN"));
  MainWindow w;
  w.resize(size);
  w.show();
  MapCanvas* c = w.canvas();
  BlockMonitor monitor;
  QCoreApplication::processEvents();

  std::vector<std::pair<std::string, std::string>> rows;
  const auto row = [&](const std::string& what, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    rows.emplace_back(what, buf);
    std::fprintf(stderr, "%-62s %8.1f ms\n", what.c_str(), v);
  };

  // 1. Open to the final full view.
  monitor.reset();
  QElapsedTimer open_timer;
  open_timer.start();
  bool opened = false;
  QObject::connect(&w, &MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_database(QString::fromStdString(db));
  if (!wait_for([&] { return opened; }) || !settle(w)) {
    std::fprintf(stderr, "viewer_bench: timed out opening %s\n", db.c_str());
    return 1;
  }
  const double first = ms_since(open_timer);
  row("first full view: open to final image (overview + render)", first);
  row("  of which the render (query, decode, draw) of the full view", c->last_result().total_ms);
  const double block_open = monitor.max_ms();
  std::fprintf(stderr, "  canvas %dx%d, %zu parks, %zu zones\n", c->width(), c->height(), w.overview().parks.size(),
               w.overview().zones.size());

  // 2. Full view again (geometry cached): only drawing.
  c->zoom_by(1.0001);
  settle(w);
  row("full view redraw (geometry in memory)", c->last_result().total_ms);

  // 3. Pan at full extent: frames move the last image; release renders.
  monitor.reset();
  const QPoint mid(c->width() / 2, c->height() / 2);
  Series pan_full = drag(c, mid, 40, QPoint(6, 3));
  settle(w);
  row("pan frame at full extent, median (event + repaint)", pan_full.median());
  row("pan frame at full extent, max", pan_full.max());
  row("render after the pan is released (full extent)", c->last_result().total_ms);

  // 4. Wheel zoom into the middle: frames scale the last image; then one render.
  Series zoom_in = wheel(c, mid, 12, 120);
  settle(w);
  row("zoom frame (wheel + repaint), median", zoom_in.median());
  row("zoom frame (wheel + repaint), max", zoom_in.max());
  char scale[96];
  std::snprintf(scale, sizeof scale, "render after 12 wheel steps in (%.1f m/px)", c->view().units_per_px());
  row(scale, c->last_result().total_ms);

  // 5. A park: zoomed in, the parcels of that park and around it.
  const std::string park = w.overview().parks[w.overview().parks.size() / 2].id;
  w.show_unit(QString::fromStdString(park));
  settle(w);
  std::snprintf(scale, sizeof scale, "render of one park (%s, %.2f m/px)", park.c_str(), c->view().units_per_px());
  row(scale, c->last_result().total_ms);
  Series pan_park = drag(c, mid, 30, QPoint(-8, 5));
  settle(w);
  row("pan frame in a park, max", pan_park.max());
  row("render after the pan is released (park)", c->last_result().total_ms);
  Series zoom_park = wheel(c, mid, 6, 120);
  settle(w);
  std::snprintf(scale, sizeof scale, "render zoomed to buildings (%.2f m/px)", c->view().units_per_px());
  row(scale, c->last_result().total_ms);
  row("zoom frame in a park, max", zoom_park.max());
  Series zoom_out = wheel(c, mid, 20, -120);
  settle(w);
  std::snprintf(scale, sizeof scale, "render after zooming out 20 steps (%.1f m/px)", c->view().units_per_px());
  row(scale, c->last_result().total_ms);
  row("zoom-out frame, max", zoom_out.max());

  // 6. Theme switch at full extent: only the parcels' pass is drawn again.
  c->zoom_full();
  settle(w);
  w.set_theme(QStringLiteral("tax-per-mu"));
  settle(w);
  row("theme switch at once (classes read by id, parcels pass drawn)", c->last_result().total_ms);
  // Idle for a moment: the render thread reads the other themes' classes in the background.
  wait_for([] { return false; }, 3000);
  w.set_theme(QStringLiteral("grade"));
  settle(w);
  row("theme switch after 3 s idle (classes preloaded; parcels pass drawn)", c->last_result().total_ms);

  // 7. Selection by rectangle of a quarter of the province (tens of thousands of parcels): the table
  // and the highlight follow.
  const double block_before_select = monitor.max_ms();
  monitor.reset();
  {
    const parkgis::render::Extent all = c->view().extent();
    const parkgis::render::Extent quarter{all.minx, all.miny, all.cx(), all.cy()};
    QElapsedTimer t;
    t.start();
    w.select_rect(quarter, false);
    wait_for([&] { return !w.selected_ids().empty(); });
    settle(w);
    char what[96];
    std::snprintf(what, sizeof what, "select by rectangle: %zu parcels into the table and the map", w.selected_ids().size());
    row(what, ms_since(t));
  }
  const double block_select = monitor.max_ms();

  row("longest UI-thread block while opening", block_open);
  row("longest UI-thread block during pan, zoom and theme switch", block_before_select);
  row("longest UI-thread block during the large selection", block_select);

  std::printf("| measure | ms |\n|---|---:|\n");
  for (const auto& [what, v] : rows) std::printf("| %s | %s |\n", what.c_str(), v.c_str());
  return 0;
}
