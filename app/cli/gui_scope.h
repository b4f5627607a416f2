#pragma once
// A QGuiApplication for QPainter and fonts, for commands that draw maps (render, report --maps).

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdlib>
#include <memory>

namespace parkgis::cli {

// On the offscreen platform unless one is set: drawing
// needs no display. Reuses the application of a program that has one (tests, the viewer).
class GuiScope {
 public:
  GuiScope() {
    if (QCoreApplication::instance()) return;
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
    s_previous = qInstallMessageHandler(&GuiScope::filter);
    m_app = std::make_unique<QGuiApplication>(m_argc, m_argv);
  }

 private:
  // Drops Qt's note that XDG_RUNTIME_DIR is unset (usual without a desktop session; harmless here).
  static void filter(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.contains(QLatin1String("XDG_RUNTIME_DIR"))) return;
    if (s_previous) s_previous(type, context, message);
  }
  static inline QtMessageHandler s_previous = nullptr;

  int m_argc = 1;
  char m_name[8] = "parkgis";
  char* m_argv[2] = {m_name, nullptr};
  std::unique_ptr<QGuiApplication> m_app;
};

}  // namespace parkgis::cli
