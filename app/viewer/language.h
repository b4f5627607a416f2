#pragma once
// The UI language: simplified Chinese or English, from the translations compiled into the program
// (app/viewer/translations/*.ts, built with lrelease). Follows the system locale unless the user chose
// one in View › Language (kept in QSettings). Switching installs the translator; Qt then sends every
// widget a LanguageChange event and each one sets its texts again.

#include <QString>

#include "libgis/render/layers.h"

namespace parkgis::viewer {

// "zh_CN" or "en".
QString current_language();
// The language for the map's legend and labels.
render::Lang map_language();
// "zh_CN", "en", or "" = follow the system locale.
void set_language(const QString& code);
// The saved choice ("" when following the locale).
QString saved_language();
void save_language(const QString& code);
// The language to start with: the saved choice, else the locale's.
QString startup_language();

}  // namespace parkgis::viewer
