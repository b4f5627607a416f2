#include "app/viewer/postgis_dialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

#include "libgis/store/location.h"

namespace parkgis::viewer {

QString ask_postgis_location(QWidget* parent) {
  const auto tr = [](const char* s) { return QCoreApplication::translate("PostgisDialog", s); };
  QDialog dialog(parent);
  dialog.setWindowTitle(tr("Connect to PostGIS"));
  auto* form = new QFormLayout(&dialog);
  QSettings settings;
  auto* uri = new QLineEdit(settings.value(QStringLiteral("postgis/uri"), QStringLiteral("postgresql://")).toString(), &dialog);
  uri->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/dbname"));
  uri->setMinimumWidth(380);
  auto* schema = new QLineEdit(settings.value(QStringLiteral("postgis/schema"), QStringLiteral("public")).toString(), &dialog);
  form->addRow(tr("Connection (URI):"), uri);
  form->addRow(tr("Schema:"), schema);
  auto* note = new QLabel(tr("Passwords are read from ~/.pgpass (or PGPASSFILE)."), &dialog);
  note->setWordWrap(true);
  form->addRow(note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  form->addRow(buttons);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return {};
  const QString u = uri->text().trimmed(), s = schema->text().trimmed();
  if (!store::is_postgres_location(u.toStdString())) return {};
  // Remembered without a password (the display form drops it).
  settings.setValue(QStringLiteral("postgis/uri"), QString::fromStdString(store::display_location(u.toStdString())));
  settings.setValue(QStringLiteral("postgis/schema"), s);
  return s.isEmpty() || s == QLatin1String(store::kDefaultSchema) ? u : u + QStringLiteral(" --schema ") + s;
}

}  // namespace parkgis::viewer
