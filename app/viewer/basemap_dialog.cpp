#include "app/viewer/basemap_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace parkgis::viewer {

namespace {

const char* kXyzKey = "basemaps/xyz";
constexpr int kXyzKept = 10;

}  // namespace

QStringList BasemapDialog::saved_xyz_templates() { return QSettings().value(QLatin1String(kXyzKey)).toStringList(); }

void BasemapDialog::remember_xyz(const QString& url) {
  QStringList list = saved_xyz_templates();
  list.removeAll(url);
  list.prepend(url);
  while (list.size() > kXyzKept) list.removeLast();
  QSettings().setValue(QLatin1String(kXyzKey), list);
}

BasemapDialog::BasemapDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Add basemap"));
  setObjectName(QStringLiteral("basemap_dialog"));
  auto* v = new QVBoxLayout(this);
  m_file_choice = new QRadioButton(tr("Raster file (GeoTIFF, orthophoto, MBTiles; any coordinate system)"), this);
  m_file_choice->setChecked(true);
  v->addWidget(m_file_choice);
  auto* file_row = new QHBoxLayout;
  m_file = new QLineEdit(this);
  auto* browse = new QPushButton(tr("Browse…"), this);
  file_row->addWidget(m_file, 1);
  file_row->addWidget(browse);
  v->addLayout(file_row);
  m_xyz_choice = new QRadioButton(tr("XYZ tiles: address with {z}/{x}/{y}, with your key if the service needs one"), this);
  v->addWidget(m_xyz_choice);
  m_xyz = new QComboBox(this);
  m_xyz->setEditable(true);
  m_xyz->addItems(saved_xyz_templates());
  m_xyz->setCurrentText(QString());
  m_xyz->lineEdit()->setPlaceholderText(QStringLiteral("https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=KEY"));
  m_xyz->setMinimumWidth(520);
  v->addWidget(m_xyz);
  auto* form = new QFormLayout;
  m_opacity = new QSpinBox(this);
  m_opacity->setRange(0, 100);
  m_opacity->setValue(100);
  m_opacity->setSuffix(QStringLiteral(" %"));
  form->addRow(tr("Opacity"), m_opacity);
  v->addLayout(form);
  m_problem = new QLabel(this);
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
  v->addWidget(m_problem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  v->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &BasemapDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_file, &QLineEdit::textEdited, this, [this] { m_file_choice->setChecked(true); });
  connect(m_xyz, &QComboBox::editTextChanged, this, [this](const QString& t) {
    if (!t.isEmpty()) m_xyz_choice->setChecked(true);
  });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString f = QFileDialog::getOpenFileName(
        this, tr("Basemap raster"), m_file->text(),
        tr("Rasters (*.tif *.tiff *.mbtiles *.jp2 *.jpg *.png *.vrt *.xml *.img *.ecw *.sid);;All files (*)"));
    if (f.isEmpty()) return;
    m_file->setText(f);
    m_file_choice->setChecked(true);
  });
}

QString BasemapDialog::source() const {
  if (m_file_choice->isChecked()) return m_file->text().trimmed();
  const QString url = m_xyz->currentText().trimmed();
  return url.isEmpty() ? QString() : QStringLiteral("xyz:") + url;
}

std::optional<render::Basemap> BasemapDialog::choice() const {
  const QString s = source();
  if (s.isEmpty()) return std::nullopt;
  return render::Basemap{s.toStdString(), m_opacity->value() / 100.0};
}

QString BasemapDialog::problem() const { return m_problem->text(); }

void BasemapDialog::accept() {
  const QString s = source();
  if (s.isEmpty()) {
    m_problem->setText(m_file_choice->isChecked() ? tr("Choose a raster file.") : tr("Type the XYZ address."));
    return;
  }
  if (m_xyz_choice->isChecked() && !(s.contains(QLatin1String("{z}")) && s.contains(QLatin1String("{x}")) && s.contains(QLatin1String("{y}")))) {
    m_problem->setText(tr("The XYZ address needs {z}, {x} and {y} where the tile's zoom, column and row go."));
    return;
  }
  try {
    render::check_basemap(s.toStdString());
  } catch (const std::exception& e) {
    m_problem->setText(tr("This basemap cannot be read: choose a georeferenced raster (GeoTIFF with its "
                          "coordinate system, MBTiles) or an XYZ address.") +
                       QStringLiteral("\n") + QString::fromStdString(e.what()));
    return;
  }
  if (m_xyz_choice->isChecked()) remember_xyz(m_xyz->currentText().trimmed());
  QDialog::accept();
}

}  // namespace parkgis::viewer
