#include "app/viewer/site_search_dialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "app/viewer/data_service.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/sites_panel.h"
#include "libgis/reserve/sites.h"

namespace parkgis::viewer {

SiteSearchDialog::SiteSearchDialog(MainWindow* window, SitesPanel* panel, QWidget* parent)
    : QDialog(parent), m_window(window), m_panel(panel) {
  setObjectName(QStringLiteral("site_search"));
  auto* v = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  m_area_label = new QLabel(this);
  m_width_label = new QLabel(this);
  m_area = new QDoubleSpinBox(this);
  m_area->setRange(0.1, 100000);
  m_area->setDecimals(1);
  m_area->setValue(50);
  m_width = new QDoubleSpinBox(this);
  m_width->setRange(0, 10000);
  m_width->setDecimals(0);
  m_width->setValue(120);
  form->addRow(m_area_label, m_area);
  form->addRow(m_width_label, m_width);
  v->addLayout(form);
  m_near_mode = new QRadioButton(this);
  m_x = new QLineEdit(this);
  m_y = new QLineEdit(this);
  auto* near_row = new QHBoxLayout;
  near_row->addWidget(m_near_mode);
  near_row->addWidget(m_x);
  near_row->addWidget(m_y);
  v->addLayout(near_row);
  m_zone_mode = new QRadioButton(this);
  m_zone = new QComboBox(this);
  auto* zone_row = new QHBoxLayout;
  zone_row->addWidget(m_zone_mode);
  zone_row->addWidget(m_zone, 1);
  v->addLayout(zone_row);
  m_any_mode = new QRadioButton(this);
  v->addWidget(m_any_mode);
  m_near_mode->setChecked(true);
  m_go = new QPushButton(this);
  m_go->setDefault(true);
  v->addWidget(m_go);
  m_summary = new QLabel(this);
  m_summary->setWordWrap(true);
  v->addWidget(m_summary);
  m_results = new QListWidget(this);
  v->addWidget(m_results, 1);
  retranslate();
  resize(420, 480);
  connect(m_go, &QPushButton::clicked, this, &SiteSearchDialog::search);
  connect(m_results, &QListWidget::itemDoubleClicked, this,
          [this](QListWidgetItem* item) { m_panel->zoom_to_site(item->data(Qt::UserRole).toString()); });
}

void SiteSearchDialog::set_query(double area_mu, double width_m) {
  m_area->setValue(area_mu);
  m_width->setValue(width_m);
}

void SiteSearchDialog::set_near(double x, double y) {
  m_near_mode->setChecked(true);
  m_x->setText(QString::number(x, 'f', 1));
  m_y->setText(QString::number(y, 'f', 1));
}

void SiteSearchDialog::set_zone(const QString& zone_id) {
  if (m_zone->count() == 0) showEvent(nullptr);
  m_zone_mode->setChecked(true);
  const int i = m_zone->findData(zone_id);
  if (i >= 0) m_zone->setCurrentIndex(i);
}

void SiteSearchDialog::set_anywhere() { m_any_mode->setChecked(true); }

void SiteSearchDialog::showEvent(QShowEvent* e) {
  // Zones of the open database; the map's centre as the default point.
  if (m_zone->count() == 0)
    for (const UnitRow& z : m_window->overview().zones)
      m_zone->addItem(QString::fromStdString(z.id + " " + z.name), QString::fromStdString(z.id));
  if (m_x->text().isEmpty()) {
    const render::MapTransform& view = m_window->canvas()->view();
    m_x->setText(QString::number(view.center_x(), 'f', 1));
    m_y->setText(QString::number(view.center_y(), 'f', 1));
  }
  if (e) QDialog::showEvent(e);
}

void SiteSearchDialog::search() {
  reserve::FitRequest req;
  req.query = {m_area->value(), m_width->value()};
  if (m_near_mode->isChecked()) {
    bool okx = false, oky = false;
    const double x = m_x->text().toDouble(&okx), y = m_y->text().toDouble(&oky);
    if (!okx || !oky) {
      m_summary->setText(tr("Give the point as two numbers in the map's coordinates (metres)."));
      return;
    }
    req.near = std::make_pair(x, y);
  } else if (m_zone_mode->isChecked()) {
    req.zone_id = m_zone->currentData().toString().toStdString();
  }
  m_go->setEnabled(false);
  m_window->data()->post<std::vector<reserve::FitAnswer>>(
      [req](store::Store& s) { return reserve::search_sites(s, req); }, this,
      [this](std::vector<reserve::FitAnswer> answers) {
        m_go->setEnabled(true);
        m_answers.clear();
        m_results->clear();
        for (const reserve::FitAnswer& a : answers) {
          m_answers.push_back(a.site_id);
          QString text = QString::fromStdString(a.site_id);
          for (const SiteRow& s : m_panel->sites())
            if (s.site_id == a.site_id)
              text += tr("  %1 mu, %2 m wide, score %3").arg(s.area_mu, 0, 'f', 1).arg(s.min_width_m, 0, 'f', 0).arg(s.score, 0, 'f', 1);
          if (a.distance_m) text += tr(", %1 m away").arg(*a.distance_m, 0, 'f', 0);
          auto* item = new QListWidgetItem(text, m_results);
          item->setData(Qt::UserRole, QString::fromStdString(a.site_id));
        }
        m_summary->setText(tr("Sites that can take the project: %1").arg(m_answers.size()));
        m_panel->highlight(m_answers);
        emit answered(static_cast<int>(m_answers.size()));
      },
      nullptr,
      [this](QString message) {
        m_go->setEnabled(true);
        m_summary->setText(message);
        emit answered(-1);
      });
}

void SiteSearchDialog::retranslate() {
  setWindowTitle(tr("Site search"));
  m_area_label->setText(tr("Area at least (mu)"));
  m_width_label->setText(tr("Width at least (m, 0 = any)"));
  m_near_mode->setText(tr("Nearest to X, Y"));
  m_zone_mode->setText(tr("In zone"));
  m_any_mode->setText(tr("Anywhere (best score first)"));
  m_go->setText(tr("Search"));
}

void SiteSearchDialog::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(e);
}

}  // namespace parkgis::viewer
