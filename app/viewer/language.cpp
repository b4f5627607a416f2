#include "app/viewer/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace parkgis::viewer {

namespace {

QString g_current = QStringLiteral("en");
QTranslator* g_app = nullptr;
QTranslator* g_qt = nullptr;

QString locale_language() {
  const QLocale l;
  return l.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

}  // namespace

QString current_language() { return g_current; }

render::Lang map_language() { return g_current == QLatin1String("zh_CN") ? render::Lang::zh : render::Lang::en; }

QString saved_language() { return QSettings().value(QStringLiteral("language")).toString(); }

void save_language(const QString& code) { QSettings().setValue(QStringLiteral("language"), code); }

QString startup_language() {
  const QString s = saved_language();
  return s.isEmpty() ? locale_language() : s;
}

void set_language(const QString& requested) {
  const QString code = requested.isEmpty() ? locale_language() : requested;
  auto* app = QCoreApplication::instance();
  if (!app) return;
  if (g_app) {
    app->removeTranslator(g_app);
    delete g_app;
    g_app = nullptr;
  }
  if (g_qt) {
    app->removeTranslator(g_qt);
    delete g_qt;
    g_qt = nullptr;
  }
  g_current = code == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en");
  // Our strings (embedded by qt_add_translations under :/i18n), then Qt's own (standard buttons).
  g_app = new QTranslator;
  if (g_app->load(QStringLiteral(":/i18n/parkgis_viewer_%1.qm").arg(g_current))) app->installTranslator(g_app);
  g_qt = new QTranslator;
  if (g_current == QLatin1String("zh_CN") &&
      g_qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app->installTranslator(g_qt);
  // Installing and removing translators sends every widget a LanguageChange event.
}

}  // namespace parkgis::viewer
