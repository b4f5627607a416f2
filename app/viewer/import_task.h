#pragma once
// Importing a dataset folder (and analysing it) from the viewer: the work runs on a worker thread
// (QtConcurrent), a progress dialog shows the stage and fraction, and Cancel makes the progress
// callback return false, which stops the import with Cancelled (the database is then left as it was).

#include <QObject>
#include <QString>

#include <string_view>
#include <functional>

class QWidget;

namespace parkgis::viewer {

enum class TaskOutcome { done, cancelled, failed };

// Imports `folder` into `db_path`, then analyses it. `done(outcome, message)` runs on the UI thread.
void start_import(QWidget* parent, const QString& folder, const QString& db_path,
                  std::function<void(TaskOutcome, QString)> done);
// Analyses an imported database (one that has no results yet).
void start_analysis(QWidget* parent, const QString& db_path, std::function<void(TaskOutcome, QString)> done);

// Where a dataset folder is imported to by default: beside it, named after it ("ningde" -> "ningde.sqlite");
// in the user's data folder when the folder's parent is not writable.
QString default_database_for(const QString& folder);

// A progress stage as libgis names it ("reading layers", "writing buildings", ...) in the UI's language.
QString stage_label(std::string_view stage);

}  // namespace parkgis::viewer
