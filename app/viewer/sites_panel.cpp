#include "app/viewer/sites_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/viewer/data_service.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/site_search_dialog.h"
#include "libgis/indicators/reserve_sites.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

// "unsupplied,reclaim" → "批而未供、满两年未动工".
std::string kinds_text(const std::string& keys) {
  std::string out;
  std::size_t start = 0;
  while (start < keys.size()) {
    const std::size_t end = std::min(keys.find(',', start), keys.size());
    const std::string k = keys.substr(start, end - start);
    const auto kind = indicators::parse_reserve_kind(k);
    out += (out.empty() ? "" : "、") + (kind ? std::string(indicators::reserve_kind_label(*kind)) : k);
    start = end + 1;
  }
  return out;
}

std::vector<SiteRow> load_sites(store::Store& store) {
  std::vector<SiteRow> out;
  if (!store.has_table("reserve_sites")) return out;
  store.read_table("reserve_sites",
                   {"site_id", "zone_id", "park_id", "rank", "score", "area_mu", "min_width_m", "kinds", "step_main"}, true,
                   "rank", [&](const store::Row& r) {
                     SiteRow s;
                     s.site_id = store::value_text(r.values[0]);
                     s.zone_id = store::value_text(r.values[1]);
                     s.park_id = store::value_text(r.values[2]);
                     s.rank = static_cast<long long>(store::value_number(r.values[3]).value_or(0));
                     s.score = store::value_number(r.values[4]).value_or(0);
                     s.area_mu = store::value_number(r.values[5]).value_or(0);
                     s.min_width_m = store::value_number(r.values[6]).value_or(0);
                     s.kinds = kinds_text(store::value_text(r.values[7]));
                     s.step = store::value_text(r.values[8]);
                     if (r.bbox) s.box = {r.bbox->minx, r.bbox->miny, r.bbox->maxx, r.bbox->maxy};
                     out.push_back(std::move(s));
                   });
  return out;
}

QTableWidgetItem* number_item(double v, int decimals) {
  auto* item = new QTableWidgetItem;
  item->setData(Qt::DisplayRole, QString::number(v, 'f', decimals).toDouble());
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

SitesPanel::SitesPanel(MainWindow* window, QWidget* parent) : QWidget(parent), m_window(window) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(2, 2, 2, 2);
  m_note = new QLabel(this);
  m_note->setWordWrap(true);
  m_search = new QPushButton(this);
  m_table = new QTableWidget(0, 7, this);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  v->addWidget(m_note);
  v->addWidget(m_search);
  v->addWidget(m_table, 1);
  retranslate();
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (const QTableWidgetItem* item = m_table->item(row, 1)) zoom_to_site(item->text());
  });
  connect(m_search, &QPushButton::clicked, this, [this] {
    search_dialog()->show();
    search_dialog()->raise();
  });
}

void SitesPanel::reload() {
  m_sites.clear();
  m_highlighted.clear();
  fill();
  m_window->data()->post<std::vector<SiteRow>>(
      [](store::Store& s) { return load_sites(s); }, this,
      [this](std::vector<SiteRow> rows) {
        m_sites = std::move(rows);
        fill();
        emit loaded(static_cast<int>(m_sites.size()));
      },
      "sites");
}

void SitesPanel::fill() {
  m_table->setSortingEnabled(false);
  m_table->setRowCount(static_cast<int>(m_sites.size()));
  for (int i = 0; i < static_cast<int>(m_sites.size()); ++i) {
    const SiteRow& s = m_sites[static_cast<std::size_t>(i)];
    m_table->setItem(i, 0, number_item(static_cast<double>(s.rank), 0));
    m_table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(s.site_id)));
    m_table->setItem(i, 2, number_item(s.score, 1));
    m_table->setItem(i, 3, number_item(s.area_mu, 1));
    m_table->setItem(i, 4, number_item(s.min_width_m, 0));
    m_table->setItem(i, 5, new QTableWidgetItem(QString::fromStdString(s.kinds)));
    m_table->setItem(i, 6, new QTableWidgetItem(QString::fromStdString(s.step)));
  }
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(0, Qt::AscendingOrder);  // best first
  m_table->resizeColumnsToContents();
  m_search->setEnabled(!m_sites.empty());
  m_note->setVisible(m_sites.empty());
}

void SitesPanel::zoom_to_site(const QString& site_id) {
  for (const SiteRow& s : m_sites)
    if (QString::fromStdString(s.site_id) == site_id) {
      if (m_window->theme() != QStringLiteral("sites")) m_window->set_theme(QStringLiteral("sites"));
      m_window->canvas()->zoom_to(s.box, 0.5);
      return;
    }
}

void SitesPanel::highlight(const std::vector<std::string>& site_ids) {
  m_highlighted = site_ids;
  if (m_window->theme() != QStringLiteral("sites")) m_window->set_theme(QStringLiteral("sites"));
  render::RenderSettings s = m_window->canvas()->settings();
  std::vector<std::string> ids = m_window->selected_ids();
  ids.insert(ids.end(), site_ids.begin(), site_ids.end());
  s.selection = std::make_shared<const render::IdSet>(ids.begin(), ids.end());
  ++s.selection_serial;
  m_window->canvas()->set_settings(s);
  render::Extent box;
  for (const SiteRow& r : m_sites)
    if (std::find(site_ids.begin(), site_ids.end(), r.site_id) != site_ids.end()) box.include(r.box);
  if (!box.is_null()) m_window->canvas()->zoom_to(box, 0.15);
}

SiteSearchDialog* SitesPanel::search_dialog() {
  if (!m_dialog) m_dialog = new SiteSearchDialog(m_window, this, m_window);
  return m_dialog;
}

void SitesPanel::retranslate() {
  m_note->setText(tr("No land-reserve sites in this database yet: run 'parkgis sites --db FILE' (see docs/reserve.md)."));
  m_search->setText(tr("Site search…"));
  m_table->setHorizontalHeaderLabels({tr("Rank"), tr("Site"), tr("Score"), tr("Area (mu)"), tr("Width (m)"),
                                      tr("Made of"), tr("Next step")});
}

void SitesPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
