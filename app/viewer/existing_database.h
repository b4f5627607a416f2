#pragma once
// Opening a dataset folder whose database already exists: the database may hold survey edits merged
// into it (parkgis survey-merge), so it is never replaced without asking. The question names the three
// ways on with their consequences; tests inject a chooser instead of the modal dialog.

#include <QString>
#include <functional>

class QWidget;

namespace parkgis::viewer {

enum class ExistingDatabaseChoice { open_existing, import_into_new_file, replace, cancel };

using ExistingDatabaseChooser =
    std::function<ExistingDatabaseChoice(QWidget* parent, const QString& folder, const QString& database)>;

// The question dialog (modal).
ExistingDatabaseChoice ask_about_existing_database(QWidget* parent, const QString& folder, const QString& database);

// "…/ningde.sqlite" -> "…/ningde-2.sqlite" (or -3, … : the first name not taken).
QString unused_database_name(const QString& database);

}  // namespace parkgis::viewer
