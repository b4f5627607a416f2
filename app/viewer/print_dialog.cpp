#include "app/viewer/print_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace parkgis::viewer {

PrintDialog::PrintDialog(const QString& default_title, const QString& default_path,
                         const std::vector<std::pair<QString, QString>>& parks, const QString& current_park,
                         QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Print layout"));
  setObjectName(QStringLiteral("print_dialog"));
  auto* form = new QFormLayout;
  m_paper = new QComboBox(this);
  m_paper->addItem(QStringLiteral("A4"), QStringLiteral("A4"));
  m_paper->addItem(QStringLiteral("A3"), QStringLiteral("A3"));
  m_landscape = new QCheckBox(tr("Landscape"), this);
  m_landscape->setChecked(true);
  auto* paper_row = new QHBoxLayout;
  paper_row->addWidget(m_paper);
  paper_row->addWidget(m_landscape);
  form->addRow(tr("Paper"), paper_row);
  m_scale = new QComboBox(this);
  m_scale->setEditable(true);
  m_scale->addItem(tr("Fit the map view"));
  for (const char* s : {"1:2,000", "1:5,000", "1:10,000", "1:25,000", "1:50,000"}) m_scale->addItem(QString::fromLatin1(s));
  form->addRow(tr("Scale"), m_scale);
  m_dpi = new QSpinBox(this);
  m_dpi->setRange(render::kMinDpi, render::kMaxDpi);
  m_dpi->setValue(150);
  m_dpi->setSuffix(QStringLiteral(" dpi"));
  form->addRow(tr("Resolution (PNG)"), m_dpi);
  m_title = new QLineEdit(default_title, this);
  form->addRow(tr("Title"), m_title);
  m_subtitle = new QLineEdit(this);
  m_subtitle->setPlaceholderText(tr("(the zone or park shown)"));
  form->addRow(tr("Subtitle"), m_subtitle);
  m_date = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this);
  form->addRow(tr("Date made"), m_date);
  m_atlas = new QCheckBox(tr("One sheet per zone of park"), this);
  m_park = new QComboBox(this);
  for (const auto& [id, name] : parks) m_park->addItem(QStringLiteral("%1 %2").arg(id, name), id);
  if (int i = m_park->findData(current_park); i >= 0) m_park->setCurrentIndex(i);
  m_atlas->setEnabled(!parks.empty());
  m_park->setEnabled(false);
  connect(m_atlas, &QCheckBox::toggled, m_park, &QWidget::setEnabled);
  auto* atlas_row = new QHBoxLayout;
  atlas_row->addWidget(m_atlas);
  atlas_row->addWidget(m_park, 1);
  form->addRow(tr("Atlas"), atlas_row);
  m_path = new QLineEdit(default_path, this);
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString p = QFileDialog::getSaveFileName(this, tr("Print layout"), m_path->text(),
                                                   tr("PDF (*.pdf);;PNG image (*.png)"));
    if (!p.isEmpty()) m_path->setText(p);
  });
  auto* path_row = new QHBoxLayout;
  path_row->addWidget(m_path, 1);
  path_row->addWidget(browse);
  form->addRow(tr("File"), path_row);
  m_problem = new QLabel(this);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
  m_problem->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
  setMinimumWidth(480);
}

QString PrintDialog::problem() const { return m_problem->text(); }

std::optional<PrintChoice> PrintDialog::choice() {
  PrintChoice c;
  c.layout.paper = render::parse_paper(m_paper->currentData().toString().toStdString()).value_or(render::Paper::a4);
  c.layout.landscape = m_landscape->isChecked();
  c.layout.dpi = m_dpi->value();
  if (m_scale->currentIndex() != 0 || m_scale->currentText() != m_scale->itemText(0)) {
    const auto n = render::parse_scale(m_scale->currentText().toStdString());
    if (!n) {
      m_problem->setText(tr("The scale must be 1:N with N from 200 to 500,000 (e.g. 1:2,000), or \"%1\".").arg(m_scale->itemText(0)));
      return std::nullopt;
    }
    c.layout.scale = *n;
  }
  if (!QDate::fromString(m_date->text(), Qt::ISODate).isValid()) {
    m_problem->setText(tr("The date must be written YYYY-MM-DD, e.g. 2026-07-01."));
    return std::nullopt;
  }
  c.title = m_title->text();
  c.subtitle = m_subtitle->text();
  c.date = m_date->text();
  c.path = m_path->text().trimmed();
  if (m_atlas->isChecked()) c.atlas_park = m_park->currentData().toString();
  const QString lower = c.path.toLower();
  const bool ok_file = lower.endsWith(QLatin1String(".pdf")) || (c.atlas_park.isEmpty() && lower.endsWith(QLatin1String(".png"))) ||
                       (!c.atlas_park.isEmpty() && c.path.endsWith(QLatin1Char('/')));
  if (!ok_file) {
    m_problem->setText(c.atlas_park.isEmpty() ? tr("Choose a file ending in .pdf or .png.")
                                              : tr("For an atlas choose a .pdf (one page per zone) or a folder ending in / (one PDF per zone)."));
    return std::nullopt;
  }
  m_problem->clear();
  return c;
}

void PrintDialog::accept() {
  if (choice()) QDialog::accept();
}

}  // namespace parkgis::viewer
