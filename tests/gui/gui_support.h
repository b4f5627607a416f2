#pragma once
// Shared by the GUI tests: the bundled Ningde sample imported and analysed once per run, a window
// opened on it, and waiting for the viewer's threads without sleeping blindly.

#include <QImage>
#include <QPoint>
#include <QString>
#include <functional>
#include <memory>
#include <string>

#include "app/viewer/main_window.h"

namespace parkgis::test {

// The sample database (datasets/ningde imported and analysed into a temporary folder, once).
const std::string& ningde_db();
// The sample evaluated on two dates, 2025-12-31 and 2026-06-30 (the later one first, as a new year's
// analysis of an older database would not be): the dates of the golden trend and compare reports
// (tests/golden/ningde/compare_parcels.csv lists its changed parcels). Made once per run.
const std::string& two_evaluations_db();
// A folder for files a test writes (removed at the end of the run).
std::string gui_tmp(const std::string& name);

// Processes events until pred() holds (true) or timeout_ms passes (false).
bool wait_for(const std::function<bool()>& pred, int timeout_ms = 30000);

// A main window of 1280×860 showing the sample, opened and drawn.
std::unique_ptr<viewer::MainWindow> open_window(const std::string& db = ningde_db());

// A parcel's shape in the sample (empty when there is no such parcel).
render::Shape parcel_shape(const std::string& parcel_id);
// Where a parcel (its label point) is on the window's canvas now.
QPoint screen_point_of(viewer::MainWindow& w, const std::string& parcel_id);

// Compares an image with tests/gui/reference/<name>.png, QGIS render-checker style: pixels whose
// channels differ by more than `tolerance` count as different, and up to `allowed` of them pass. On
// failure the rendered image and a diff image are written into the build tree and their paths are
// part of the returned message. PARKGIS_UPDATE_REFERENCE=1 writes the reference instead.
// Returns "" when the image matches.
std::string compare_with_reference(const QImage& image, const std::string& name, int tolerance, int allowed);

}  // namespace parkgis::test
