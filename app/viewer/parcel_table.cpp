#include "app/viewer/parcel_table.h"

#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <algorithm>

#include "app/viewer/language.h"
#include "libgis/model/land_use.h"

namespace parkgis::viewer {

QString class_label(const std::vector<style::Theme>& themes, const std::string& theme_id, const std::string& value) {
  if (value.empty()) return {};
  const bool zh = map_language() == render::Lang::zh;
  for (const style::Theme& t : themes) {
    if (t.id != theme_id) continue;
    for (const style::ThemeClass& c : t.classes)
      if (c.value == value) return QString::fromStdString(zh ? c.label_zh : c.label_en);
  }
  return QString::fromStdString(value);
}

QString shown_value(const std::vector<style::Theme>& themes, const std::string& column, const std::string& unit,
                    const std::string& value) {
  if (value.empty()) return {};
  const bool zh = map_language() == render::Lang::zh;
  if (column == "idle_status") return class_label(themes, "idle", value);
  if (column == "supply_status") return class_label(themes, "supply", value);
  if (column == "grade") return class_label(themes, "grade", value);
  if (column == "change") return class_label(themes, "changes", value);  // the changes theme's words
  if (column == "land_use") {
    if (const auto name = model::land_use_name(value))
      return QStringLiteral("%1 %2").arg(QString::fromStdString(value), QString::fromStdString(zh ? name->zh : name->en));
  }
  if (unit == "0/1") {
    if (value == "1") return ParcelTableModel::tr("Yes");
    if (value == "0") return ParcelTableModel::tr("No");
  }
  return QString::fromStdString(value);
}

ParcelTableModel::ParcelTableModel(const std::vector<style::Theme>* themes, QObject* parent)
    : QAbstractTableModel(parent), m_themes(themes) {}

void ParcelTableModel::set_rows(std::vector<ParcelRow> rows) {
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
}

bool ParcelTableModel::contains(const std::string& pid) const {
  return std::any_of(m_rows.begin(), m_rows.end(), [&](const ParcelRow& r) { return r.parcel_id == pid; });
}

void ParcelTableModel::add_row(ParcelRow row) {
  if (contains(row.parcel_id)) return;
  const int n = static_cast<int>(m_rows.size());
  beginInsertRows({}, n, n);
  m_rows.push_back(std::move(row));
  endInsertRows();
}

bool ParcelTableModel::remove_id(const std::string& pid) {
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    if (m_rows[i].parcel_id != pid) continue;
    beginRemoveRows({}, static_cast<int>(i), static_cast<int>(i));
    m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(i));
    endRemoveRows();
    return true;
  }
  return false;
}

int ParcelTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ParcelTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : column_count; }

QVariant ParcelTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const ParcelRow& r = m_rows[static_cast<std::size_t>(index.row())];
  const auto num = [&](std::optional<double> v, int decimals, double factor = 1) -> QVariant {
    if (role == SortRole) return v ? *v : -1e300;
    if (role == Qt::DisplayRole) return v ? QString::number(*v * factor, 'f', decimals) : QString();
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
  };
  const auto str = [&](const QString& s) -> QVariant {
    if (role == Qt::DisplayRole || role == SortRole) return s;
    return {};
  };
  switch (index.column()) {
    case id: return str(QString::fromStdString(r.parcel_id));
    case park: return str(QString::fromStdString(r.park_id));
    case zone: return str(QString::fromStdString(r.zone_id));
    case holder: return str(QString::fromStdString(r.enterprise));
    case use: return str(shown_value(*m_themes, "land_use", "", r.land_use));
    case area: return num(r.area_mu, 2);
    case supply: return str(class_label(*m_themes, "supply", r.supply_status));
    case idle: return str(class_label(*m_themes, "idle", r.idle_status));
    case grade: return str(class_label(*m_themes, "grade", r.grade));
    case tax: return num(r.tax_per_mu, 2);
    case vacancy: return num(r.vacancy_rate, 1, 100);
  }
  return {};
}

QVariant ParcelTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
  switch (section) {
    case id: return tr("Parcel");
    case park: return tr("Park");
    case zone: return tr("Zone");
    case holder: return tr("Holder");
    case use: return tr("Land use");
    case area: return tr("Area (mu)");
    case supply: return tr("Supply");
    case idle: return tr("Idle status");
    case grade: return tr("Grade");
    case tax: return tr("Tax per mu");
    case vacancy: return tr("Vacancy %");
  }
  return {};
}

void ParcelFilterProxy::set_unit(const QString& park_id, const QString& zone_id) {
  m_park = park_id;
  m_zone = zone_id;
  invalidateFilter();
}

bool ParcelFilterProxy::filterAcceptsRow(int row, const QModelIndex& parent) const {
  const QAbstractItemModel* m = sourceModel();
  if (!m_zone.isEmpty()) return m->index(row, ParcelTableModel::zone, parent).data().toString() == m_zone;
  if (!m_park.isEmpty()) return m->index(row, ParcelTableModel::park, parent).data().toString() == m_park;
  return true;
}

ParcelTable::ParcelTable(const std::vector<style::Theme>* themes, QWidget* parent) : QTableView(parent) {
  m_model = new ParcelTableModel(themes, this);
  m_proxy = new ParcelFilterProxy(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(ParcelTableModel::SortRole);
  setModel(m_proxy);
  setSortingEnabled(true);
  sortByColumn(ParcelTableModel::id, Qt::AscendingOrder);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setAlternatingRowColors(true);
  verticalHeader()->setDefaultSectionSize(22);
  verticalHeader()->hide();
  horizontalHeader()->setStretchLastSection(false);
  size_columns();
  // Right-click on the header: show or hide columns.
  horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint& at) {
    column_menu()->popup(horizontalHeader()->mapToGlobal(at));
  });
  connect(this, &QTableView::activated, this, [this](const QModelIndex& i) {
    emit parcel_activated(i.siblingAtColumn(ParcelTableModel::id).data().toString());
  });
}

QMenu* ParcelTable::column_menu() {
  auto* menu = new QMenu(this);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  for (int c = 0; c < ParcelTableModel::column_count; ++c) {
    QAction* a = menu->addAction(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    a->setCheckable(true);
    a->setChecked(!isColumnHidden(c));
    a->setEnabled(c != ParcelTableModel::id);  // the id stays: rows must say which parcel they are
    connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnHidden(c, !on); });
  }
  return menu;
}

void ParcelTable::size_columns() {
  // From the header and a long value of each column (ids of a province-size database, e.g.
  // "YQ1234-PQ12-01234"), not by measuring every row.
  static const char* const samples[ParcelTableModel::column_count] = {
      "YQ1234-PQ12-012345", "YQ1234", "YQ1234-PQ12", "某某市某某科技有限公司", "0601 工业用地", "00000.00",
      "供而未用", "疑似闲置（未动工）", "C 类（帮扶转型）", "0000.00", "100.0"};
  const QFontMetrics fm(font());
  for (int c = 0; c < ParcelTableModel::column_count; ++c) {
    const QString head = m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    horizontalHeader()->resizeSection(
        c, std::max(fm.horizontalAdvance(head) + 22, fm.horizontalAdvance(QString::fromUtf8(samples[c])) + 14));
  }
}

void ParcelTable::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    m_model->retranslate();
    size_columns();
  }
  QTableView::changeEvent(e);
}

}  // namespace parkgis::viewer
