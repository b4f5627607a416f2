#pragma once
// The park/zone tree: every park with its zones and their key figures (area, unsupplied and idle land
// in 亩, vacancy rate, tax per 亩, parcels), sortable by any column. A click asks the window to zoom
// there and filter the parcel tables. The model reads the overview's rows directly (no item per cell),
// so that thousands of parks load in a few milliseconds.

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <map>
#include <vector>

#include "app/viewer/queries.h"

namespace parkgis::viewer {

class ParkTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Role { IdRole = Qt::UserRole + 1, IsZoneRole, SortRole };
  enum Column { name, area, unsupplied, idle, vacancy, tax, parcels, column_count };

  explicit ParkTreeModel(QObject* parent = nullptr);
  void set_overview(const Overview& o);
  // Park and zone extents by id (for zooming).
  const std::map<QString, Extent>& extents() const { return m_extents; }
  QModelIndex find(const QString& id) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;
  void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, column_count - 1); }

 private:
  // Top-level rows are parks (and zones whose park is unknown); children are a park's zones.
  struct Node {
    UnitRow unit;
    bool is_zone = false;
    std::vector<UnitRow> zones;
  };
  const UnitRow* unit(const QModelIndex& i, bool* is_zone = nullptr) const;
  std::vector<Node> m_top;
  std::map<QString, Extent> m_extents;
};

class ParkTree : public QTreeView {
  Q_OBJECT
 public:
  // The columns' total width: what the tree needs to show every figure without scrolling.
  int columns_width() const;

 private:
  void size_columns();

 public:
  explicit ParkTree(QWidget* parent = nullptr);
  ParkTreeModel* tree_model() const { return m_model; }
  QSortFilterProxyModel* proxy() const { return m_proxy; }
  void set_overview(const Overview& o);
  void select_id(const QString& id);  // highlights a park or zone without emitting

 signals:
  void unit_clicked(bool is_zone, const QString& id, const QString& park_id);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  ParkTreeModel* m_model;
  QSortFilterProxyModel* m_proxy;
};

}  // namespace parkgis::viewer
