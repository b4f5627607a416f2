#pragma once
// Errors from libgis are written for the command line ("… create one with 'parkgis import DATASET
// --db FILE'"). The viewer says the same in the interface's language and points to its menu actions;
// the original message stays available as the dialog's details.

#include <QString>

namespace parkgis::viewer {

struct ErrorText {
  QString text;     // translated, with the menu action to use
  QString details;  // libgis's message as it was
};

ErrorText explain_error(const QString& message);

}  // namespace parkgis::viewer
