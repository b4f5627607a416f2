// parkgis-viewer: the map viewer. All logic is in the parkgis_viewer library (app/viewer/*.cpp).
#include <QApplication>
#include <iostream>

#include "app/viewer/evaluation_choice.h"
#include "app/viewer/language.h"
#include "app/viewer/main_window.h"
#include "app/viewer/viewer_app.h"

int main(int argc, char** argv) {
  using namespace parkgis::viewer;
  prepare_platform(argc, argv);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("parkgis"));
  QApplication::setApplicationName(QStringLiteral("parkgis-viewer"));
  const ViewerOptions options = parse_options(QApplication::arguments());
  if (!options.error.isEmpty()) {
    std::cerr << "parkgis-viewer: " << options.error.toStdString() << "; try 'parkgis-viewer --help'\n";
    return 2;
  }
  set_language(options.lang.isEmpty() ? startup_language() : options.lang);
  if (!options.as_of.isEmpty()) set_evaluation_date(parkgis::parse_date(options.as_of.toStdString()));
  MainWindow window;
  if (!options.screenshot.isEmpty()) return run_screenshot(window, options);
  window.show();
  if (!options.file.isEmpty()) {
    QObject::connect(&window, &MainWindow::database_opened, &window, [&] { apply_view_options(window, options); },
                     Qt::SingleShotConnection);
    window.open_path(options.file);
  }
  return QApplication::exec();
}
