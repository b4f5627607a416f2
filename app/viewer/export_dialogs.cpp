#include "app/viewer/evaluation_choice.h"
#include "libgis/history/dated_view.h"
#include "app/viewer/export_dialogs.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrentRun>

#include "libgis/export/export.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

ExportMapDialog::ExportMapDialog(const QString& default_title, const QString& default_path, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export map"));
  auto* form = new QFormLayout(this);
  m_title = new QLineEdit(default_title, this);
  m_title->setMinimumWidth(380);
  m_path = new QLineEdit(default_path, this);
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* path_row = new QHBoxLayout;
  path_row->addWidget(m_path, 1);
  path_row->addWidget(browse);
  m_width = new QSpinBox(this);
  m_width->setRange(400, 10000);
  m_width->setValue(1600);
  m_height = new QSpinBox(this);
  m_height->setRange(300, 10000);
  m_height->setValue(1130);
  auto* size_row = new QHBoxLayout;
  size_row->addWidget(m_width);
  size_row->addWidget(new QLabel(QStringLiteral("×"), this));
  size_row->addWidget(m_height);
  size_row->addStretch(1);
  form->addRow(tr("Title"), m_title);
  form->addRow(tr("File (PNG or PDF)"), path_row);
  form->addRow(tr("Size (pixels)"), size_row);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString p = QFileDialog::getSaveFileName(this, tr("Export map"), m_path->text(), tr("PNG image (*.png);;PDF (*.pdf)"));
    if (!p.isEmpty()) m_path->setText(p);
  });
}

QString ExportMapDialog::title() const { return m_title->text(); }
QString ExportMapDialog::path() const { return m_path->text(); }
int ExportMapDialog::width_px() const { return m_width->value(); }
int ExportMapDialog::height_px() const { return m_height->value(); }

void export_map_async(QObject* context, render::MapExportRequest req, std::function<void(QString)> done) {
  auto* watcher = new QFutureWatcher<QString>(context);
  QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done] {
    done(watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run([req]() -> QString {
    try {
      render::export_map(req);
      return {};
    } catch (const std::exception& e) {
      return QString::fromStdString(e.what());
    }
  }));
}

void export_survey_async(QObject* context, const QString& db_path, const std::vector<std::string>& ids,
                         const QString& path, std::function<void(QString, bool)> done) {
  using Result = std::pair<QString, bool>;
  auto* watcher = new QFutureWatcher<Result>(context);
  QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done] {
    const Result r = watcher->result();
    done(r.first, r.second);
    watcher->deleteLater();
  });
  const std::string db = db_path.toStdString(), out = path.toStdString();
  const std::optional<Date> as_of = evaluation_date();
  watcher->setFuture(QtConcurrent::run([db, ids, out, as_of]() -> Result {
    try {
      auto store = history::open_evaluation(db, as_of);
      exporter::ExportRequest req;
      req.layer = "parcels";
      req.survey = true;
      req.output = out;
      req.selection.ids = ids;  // one bound value however many parcels are selected
      const exporter::ExportResult r = exporter::export_layer(*store, req);
      QString msg;
      for (const std::string& f : r.files) msg += QString::fromStdString(f) + QLatin1Char('\n');
      for (const std::string& w : r.warnings) msg += QString::fromStdString(w) + QLatin1Char('\n');
      return {msg.trimmed(), true};
    } catch (const std::exception& e) {
      return {QString::fromStdString(e.what()), false};
    }
  }));
}

}  // namespace parkgis::viewer
