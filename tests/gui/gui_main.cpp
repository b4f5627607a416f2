// The GUI tests' main: a QApplication (offscreen platform, set by ctest's ENVIRONMENT; also chosen
// here when there is no display), settings kept apart from the user's (QStandardPaths test mode),
// Chinese UI, then GoogleTest. Listing the tests (ctest discovery) needs no application.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>
#include <cstdlib>
#include <cstring>

#include "app/viewer/language.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
  if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("parkgis-tests"));
  QApplication::setApplicationName(QStringLiteral("gui_tests"));
  parkgis::viewer::set_language(QStringLiteral("zh_CN"));
  return RUN_ALL_TESTS();
}
