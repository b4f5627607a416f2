#include "app/viewer/import_task.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

#include "libgis/store/location.h"
#include <cmath>
#include <filesystem>
#include <memory>

#include "libgis/analysis/analyze.h"
#include "libgis/core/progress.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

struct Shared {
  std::atomic<bool> cancel{false};
  std::atomic<int> last_permille{-1};
};

struct Outcome {
  TaskOutcome kind = TaskOutcome::done;
  QString message;
};

// A ProgressFn that shows progress in `dialog` (from any thread) and asks to stop on Cancel.
ProgressFn progress_to(QPointer<QProgressDialog> dialog, std::shared_ptr<Shared> shared, double from, double to) {
  return [dialog, shared, from, to](std::string_view stage, double fraction) {
    const int permille = static_cast<int>(std::lround((from + (to - from) * fraction) * 1000));
    if (permille != shared->last_permille.exchange(permille)) {
      const QString label = stage_label(stage);
      // Through the application object: the dialog may be gone (window closed); the QPointer is only
      // looked at on the UI thread.
      QMetaObject::invokeMethod(QCoreApplication::instance(), [dialog, label, permille] {
        if (!dialog) return;
        dialog->setLabelText(label);
        dialog->setValue(permille);
      }, Qt::QueuedConnection);
    }
    return !shared->cancel.load();
  };
}

void run(QWidget* parent, const QString& title, std::function<void(const std::shared_ptr<Shared>&, QPointer<QProgressDialog>)> work,
         std::function<void(TaskOutcome, QString)> done) {
  auto shared = std::make_shared<Shared>();
  auto* dialog = new QProgressDialog(title, QCoreApplication::translate("ImportTask", "Cancel"), 0, 1000, parent);
  dialog->setWindowTitle(title);
  dialog->setWindowModality(Qt::WindowModal);
  dialog->setMinimumDuration(0);
  dialog->setAutoClose(false);
  dialog->setAutoReset(false);
  dialog->setValue(0);
  QPointer<QProgressDialog> guard(dialog);
  // Closing the window (which deletes the dialog) stops the work too.
  QObject::connect(dialog, &QObject::destroyed, [shared] { shared->cancel = true; });
  QObject::connect(dialog, &QProgressDialog::canceled, dialog, [shared, dialog] {
    shared->cancel = true;
    dialog->setLabelText(QCoreApplication::translate("ImportTask", "Cancelling…"));
  });
  auto* watcher = new QFutureWatcher<Outcome>(dialog);
  QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, dialog, [watcher, dialog, done] {
    const Outcome o = watcher->result();
    dialog->hide();
    dialog->deleteLater();
    done(o.kind, o.message);
  });
  watcher->setFuture(QtConcurrent::run([work, shared, guard]() -> Outcome {
    try {
      work(shared, guard);
      return {};
    } catch (const Cancelled&) {
      return {TaskOutcome::cancelled, {}};
    } catch (const std::exception& e) {
      return {TaskOutcome::failed, QString::fromStdString(e.what())};
    }
  }));
  dialog->show();
}

}  // namespace

// The stage names libgis reports (English, fixed) in the UI's language.
QString stage_label(std::string_view stage) {
  const QString s = QString::fromUtf8(stage.data(), static_cast<int>(stage.size()));
  const auto tr = [](const char* text) { return QCoreApplication::translate("ImportTask", text); };
  if (s == QLatin1String("reading layers")) return tr("Reading the layers");
  if (s == QLatin1String("reading the database")) return tr("Reading the database");
  if (s == QLatin1String("overlaying buildings and parcels")) return tr("Overlaying buildings and parcels");
  if (s == QLatin1String("approved and unsupplied land")) return tr("Approved and unsupplied land");
  if (s == QLatin1String("writing results")) return tr("Writing the results");
  const auto layer = [&](const QString& name) {
    static const char* const layers[] = {QT_TRANSLATE_NOOP("ImportTask", "parks"), QT_TRANSLATE_NOOP("ImportTask", "zones"),
                                         QT_TRANSLATE_NOOP("ImportTask", "parcels"), QT_TRANSLATE_NOOP("ImportTask", "buildings"),
                                         QT_TRANSLATE_NOOP("ImportTask", "approvals"), QT_TRANSLATE_NOOP("ImportTask", "enterprises")};
    for (const char* l : layers)
      if (name == QLatin1String(l)) return tr(l);
    return name;
  };
  if (s.startsWith(QLatin1String("writing "))) return tr("Writing %1").arg(layer(s.mid(8)));
  if (s.startsWith(QLatin1String("reading "))) return tr("Reading %1").arg(layer(s.mid(8)));
  return s;
}

QString default_database_for(const QString& folder) {
  const QFileInfo info(QDir::cleanPath(folder));
  const QString name = info.fileName() + QStringLiteral(".sqlite");
  if (QFileInfo(info.absolutePath()).isWritable()) return info.dir().filePath(name);
  // A read-only place (an installed sample): the user's data folder instead.
  const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(data);
  return QDir(data).filePath(name);
}

void start_import(QWidget* parent, const QString& folder, const QString& db_path,
                  std::function<void(TaskOutcome, QString)> done) {
  const std::string dataset = folder.toStdString(), db = db_path.toStdString();
  run(parent, QCoreApplication::translate("ImportTask", "Importing %1").arg(QFileInfo(folder).fileName()),
      [dataset, db](const std::shared_ptr<Shared>& shared, QPointer<QProgressDialog> dialog) {
        // Imported and analysed beside the target, then renamed over it: a cancel or an error at any
        // step leaves an existing database exactly as it was. A PostGIS schema is replaced in one
        // transaction by the import itself, then analysed.
        if (store::is_postgres_location(db)) {
          import_dataset({dataset, db, progress_to(dialog, shared, 0, 0.6)});
          auto store = store::open_store(db);
          analysis::AnalyzeOptions ao;
          ao.progress = progress_to(dialog, shared, 0.6, 1.0);
          analysis::analyze(*store, ao);
          return;
        }
        const std::string part = db + ".part";
        struct Cleanup {
          std::string path;
          ~Cleanup() {
            std::error_code ec;
            std::filesystem::remove(path, ec);
          }
        } cleanup{part};
        import_dataset({dataset, part, progress_to(dialog, shared, 0, 0.6)});
        {
          auto store = store::open_store(part);
          analysis::AnalyzeOptions ao;
          ao.progress = progress_to(dialog, shared, 0.6, 1.0);
          analysis::analyze(*store, ao);
        }
        std::filesystem::rename(part, db);
      },
      std::move(done));
}

void start_analysis(QWidget* parent, const QString& db_path, std::function<void(TaskOutcome, QString)> done) {
  const std::string db = db_path.toStdString();
  run(parent, QCoreApplication::translate("ImportTask", "Analysing %1").arg(QFileInfo(db_path).fileName()),
      [db](const std::shared_ptr<Shared>& shared, QPointer<QProgressDialog> dialog) {
        auto store = store::open_store(db);
        analysis::AnalyzeOptions ao;
        ao.progress = progress_to(dialog, shared, 0, 1.0);
        analysis::analyze(*store, ao);
      },
      std::move(done));
}

}  // namespace parkgis::viewer
