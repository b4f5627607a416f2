#include "app/viewer/park_tree.h"

#include <QEvent>
#include <QHeaderView>

namespace parkgis::viewer {

ParkTreeModel::ParkTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void ParkTreeModel::set_overview(const Overview& o) {
  beginResetModel();
  m_top.clear();
  m_extents.clear();
  std::map<std::string, std::size_t> park_row;
  for (const UnitRow& p : o.parks) {
    park_row[p.id] = m_top.size();
    m_top.push_back({p, false, {}});
    m_extents[QString::fromStdString(p.id)] = p.box;
  }
  for (const UnitRow& z : o.zones) {
    auto it = park_row.find(z.park_id);
    if (it != park_row.end()) m_top[it->second].zones.push_back(z);
    else m_top.push_back({z, true, {}});
    m_extents[QString::fromStdString(z.id)] = z.box;
  }
  endResetModel();
}

// internalId: 0 for a top-level row, else 1 + the row of its park.
QModelIndex ParkTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= column_count) return {};
  if (!parent.isValid()) return row < static_cast<int>(m_top.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
  if (parent.internalId() != 0 || parent.row() >= static_cast<int>(m_top.size())) return {};
  if (row >= static_cast<int>(m_top[static_cast<std::size_t>(parent.row())].zones.size())) return {};
  return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ParkTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int ParkTreeModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(m_top.size());
  if (parent.internalId() != 0 || parent.column() != 0) return 0;
  return static_cast<int>(m_top[static_cast<std::size_t>(parent.row())].zones.size());
}

int ParkTreeModel::columnCount(const QModelIndex&) const { return column_count; }

const UnitRow* ParkTreeModel::unit(const QModelIndex& i, bool* is_zone) const {
  if (!i.isValid()) return nullptr;
  if (i.internalId() == 0) {
    const Node& n = m_top[static_cast<std::size_t>(i.row())];
    if (is_zone) *is_zone = n.is_zone;
    return &n.unit;
  }
  if (is_zone) *is_zone = true;
  return &m_top[i.internalId() - 1].zones[static_cast<std::size_t>(i.row())];
}

QVariant ParkTreeModel::data(const QModelIndex& i, int role) const {
  bool is_zone = false;
  const UnitRow* u = unit(i, &is_zone);
  if (!u) return {};
  if (role == IdRole) return QString::fromStdString(u->id);
  if (role == IsZoneRole) return is_zone;
  if (role == Qt::ToolTipRole && i.column() == name) return QString::fromStdString(u->name);
  if (role == Qt::TextAlignmentRole && i.column() != name) return int(Qt::AlignRight | Qt::AlignVCenter);
  const auto number = [&](std::optional<double> v, int decimals, bool percent = false) -> QVariant {
    if (role == SortRole) return v ? *v : -1e300;  // no value sorts first
    if (role != Qt::DisplayRole) return {};
    if (!v) return QStringLiteral("—");
    return percent ? QString::number(*v * 100, 'f', decimals) + QStringLiteral("%") : QString::number(*v, 'f', decimals);
  };
  switch (i.column()) {
    case name:
      if (role == SortRole) return QString::fromStdString(u->id);
      if (role == Qt::DisplayRole) return QStringLiteral("%1  %2").arg(QString::fromStdString(u->id), QString::fromStdString(u->name));
      return {};
    case area: return number(u->area_mu, 1);
    case unsupplied: return number(u->unsupplied_mu, 1);
    case idle: return number(u->idle_mu, 1);
    case vacancy: return number(u->vacancy_rate, 1, true);
    case tax: return number(u->tax_per_mu, 2);
    case parcels: return number(static_cast<double>(u->parcels), 0);
  }
  return {};
}

QVariant ParkTreeModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal) return {};
  if (role == Qt::TextAlignmentRole && section != name) return int(Qt::AlignRight | Qt::AlignVCenter);
  // Short headers, so that every figure fits beside the names without scrolling; the tooltip has the unit.
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case name: return tr("Park or zone: id and name");
      case area: return tr("Area (mu)");
      case unsupplied: return tr("Unsupplied (mu)");
      case idle: return tr("Idle (mu)");
      case vacancy: return tr("Vacancy rate of floor space");
      case tax: return tr("Tax per mu (10k CNY)");
      case parcels: return tr("Parcels");
    }
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case name: return tr("Park / zone");
    case area: return tr("mu", "tree header: area");
    case unsupplied: return tr("Unsupp.", "tree header: unsupplied mu");
    case idle: return tr("Idle", "tree header: idle mu");
    case vacancy: return tr("Vacant", "tree header: vacancy rate");
    case tax: return tr("Tax/mu", "tree header: tax per mu");
    case parcels: return tr("Parcels", "tree header: parcel count");
  }
  return {};
}

QModelIndex ParkTreeModel::find(const QString& id) const {
  const std::string key = id.toStdString();
  for (std::size_t r = 0; r < m_top.size(); ++r) {
    if (m_top[r].unit.id == key) return index(static_cast<int>(r), 0);
    const auto& zones = m_top[r].zones;
    for (std::size_t z = 0; z < zones.size(); ++z)
      if (zones[z].id == key) return index(static_cast<int>(z), 0, index(static_cast<int>(r), 0));
  }
  return {};
}

int ParkTree::columns_width() const {
  int w = 0;
  for (int c = 0; c < ParkTreeModel::column_count; ++c) w += header()->sectionSize(c);
  return w;
}

ParkTree::ParkTree(QWidget* parent) : QTreeView(parent) {
  m_model = new ParkTreeModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(ParkTreeModel::SortRole);
  setModel(m_proxy);
  setSortingEnabled(true);
  sortByColumn(ParkTreeModel::name, Qt::AscendingOrder);
  setUniformRowHeights(true);
  setAlternatingRowColors(true);
  header()->setStretchLastSection(false);
  header()->setSectionResizeMode(QHeaderView::Interactive);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setIndentation(14);
  size_columns();
  connect(this, &QTreeView::clicked, this, [this](const QModelIndex& proxy_index) {
    const QModelIndex i = m_proxy->mapToSource(proxy_index.siblingAtColumn(0));
    if (!i.isValid()) return;
    const bool zone = i.data(ParkTreeModel::IsZoneRole).toBool();
    const QString id = i.data(ParkTreeModel::IdRole).toString();
    const QString park = i.parent().isValid() ? i.parent().data(ParkTreeModel::IdRole).toString() : id;
    emit unit_clicked(zone, id, park);
  });
}

void ParkTree::set_overview(const Overview& o) {
  m_model->set_overview(o);
  size_columns();
}

void ParkTree::size_columns() {
  // Column widths from the header texts and a typical figure, not by measuring every row (thousands
  // of parks at province scale).
  const QFontMetrics fm(font());
  for (int c = 0; c < ParkTreeModel::column_count; ++c) {
    const QString head = m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    const int sample = c == ParkTreeModel::name ? fm.horizontalAdvance(QStringLiteral("YQ00-PQ0  柘荣小微园")) + 36
                                                : fm.horizontalAdvance(QStringLiteral("0000.0"));
    header()->resizeSection(c, std::max(fm.horizontalAdvance(head) + 18, sample + 10));
  }
}

void ParkTree::select_id(const QString& id) {
  const QModelIndex i = m_proxy->mapFromSource(m_model->find(id));
  if (!i.isValid()) return;
  scrollTo(i);
  selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ParkTree::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    m_model->retranslate();
    size_columns();
  }
  QTreeView::changeEvent(e);
}

}  // namespace parkgis::viewer
