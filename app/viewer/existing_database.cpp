#include "app/viewer/existing_database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace parkgis::viewer {

namespace {

struct ExistingDatabase {
  Q_DECLARE_TR_FUNCTIONS(ExistingDatabase)
};

}  // namespace

ExistingDatabaseChoice ask_about_existing_database(QWidget* parent, const QString& folder, const QString& database) {
  const QFileInfo db(database);
  QMessageBox box(QMessageBox::Question, ExistingDatabase::tr("The database already exists"),
                  ExistingDatabase::tr("%1 already has a database: %2 (last changed %3).").arg(QFileInfo(folder).fileName(), db.fileName(),
                                                                          QLocale().toString(db.lastModified(), QLocale::ShortFormat)),
                  QMessageBox::NoButton, parent);
  box.setInformativeText(
      ExistingDatabase::tr("• Open it: shows the database as it is, with any survey results merged into it.\n"
         "• Import into a new file: reads the folder again into %1; the existing database is kept unchanged.\n"
         "• Replace it: reads the folder again into %2; whatever was merged into the existing database "
         "(survey edits) is lost.")
          .arg(QFileInfo(unused_database_name(database)).fileName(), db.fileName()));
  QPushButton* open = box.addButton(ExistingDatabase::tr("Open it"), QMessageBox::AcceptRole);
  QPushButton* fresh = box.addButton(ExistingDatabase::tr("Import into a new file"), QMessageBox::ActionRole);
  QPushButton* replace = box.addButton(ExistingDatabase::tr("Replace it"), QMessageBox::DestructiveRole);
  box.addButton(QMessageBox::Cancel);
  box.setDefaultButton(open);
  box.exec();
  if (box.clickedButton() == open) return ExistingDatabaseChoice::open_existing;
  if (box.clickedButton() == fresh) return ExistingDatabaseChoice::import_into_new_file;
  if (box.clickedButton() == replace) return ExistingDatabaseChoice::replace;
  return ExistingDatabaseChoice::cancel;
}

QString unused_database_name(const QString& database) {
  const QFileInfo f(database);
  const QString stem = f.completeBaseName(), suffix = f.suffix().isEmpty() ? QString() : QStringLiteral(".") + f.suffix();
  for (int n = 2;; ++n) {
    const QString candidate = f.dir().filePath(QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix));
    if (!QFileInfo::exists(candidate)) return candidate;
  }
}

}  // namespace parkgis::viewer
