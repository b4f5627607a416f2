#pragma once
// The program around the window: command line, language, and the headless screenshot mode
//   parkgis-viewer FILE --theme T [--zone ID | --park ID] [--parcel ID] --screenshot out.png [--size WxH]
//                  [--lang zh|en] [--as-of YYYY-MM-DD] [--basemap SRC]... [--reference SRC]...
// which opens FILE in the real main window, waits until everything is drawn, grabs the window and exits.

#include <QSize>
#include <QString>
#include <QStringList>

namespace parkgis::viewer {

class MainWindow;

struct ViewerOptions {
  QString file;        // database or dataset folder
  QString theme;       // "" = idle
  QString zone, park;  // zoom there
  QString parcel;      // identify and select this parcel
  QString screenshot;  // PNG to write, then exit
  QString lang;        // "zh_CN", "en" or "" (saved choice, else the locale)
  QString as_of;       // the evaluation to show (YYYY-MM-DD; "" = the latest)
  QStringList basemaps;    // --basemap SRC (repeatable): raster files or xyz:URL, bottom first
  QStringList references;  // --reference SRC (repeatable): OGR sources
  QSize size{1440, 900};
  QString error;       // a usage error to print (exit code 2)
};

ViewerOptions parse_options(const QStringList& arguments);

// Before QApplication: the offscreen platform when a screenshot is asked for and there is no display.
void prepare_platform(int argc, char** argv);

// Applies theme, zone/park, basemaps and reference layers to an open window (after database_opened);
// false when a basemap or reference layer could not be read (the window has shown why).
bool apply_view_options(MainWindow& w, const ViewerOptions& o);

// Runs the screenshot mode; returns the exit code (0 ok, 1 error).
int run_screenshot(MainWindow& w, const ViewerOptions& o, int timeout_ms = 120000);

// Processes events until w.idle() has held for a moment, or the timeout; false on timeout.
bool wait_until_idle(MainWindow& w, int timeout_ms);

}  // namespace parkgis::viewer
