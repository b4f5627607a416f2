#pragma once
// A table of parcels (the selection, or the parcels of a park or zone): id, park, zone, holder, use,
// area, supply and idle status, grade, tax per 亩, vacancy. Codes are shown with the labels of the
// themes (styles/*.json), so the table and the legend use the same words.

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QTableView>

class QMenu;
#include <vector>

#include "app/viewer/queries.h"
#include "libgis/style/theme.h"

namespace parkgis::viewer {

// The label of a theme class value ("idle_not_started" -> "未动工闲置（满一年）"); the value itself when unknown.
QString class_label(const std::vector<style::Theme>& themes, const std::string& theme_id, const std::string& value);

// A value as people read it, the same in the identify panel and the tables: coded statuses with their
// theme's words (no code appended), land-use codes with their GB/T 21010 name, yes/no for 0/1 flags.
QString shown_value(const std::vector<style::Theme>& themes, const std::string& column, const std::string& unit,
                    const std::string& value);

class ParcelTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { id, park, zone, holder, use, area, supply, idle, grade, tax, vacancy, column_count };
  static constexpr int SortRole = Qt::UserRole + 1;

  ParcelTableModel(const std::vector<style::Theme>* themes, QObject* parent = nullptr);

  void set_rows(std::vector<ParcelRow> rows);
  void add_row(ParcelRow row);          // no-op when present
  bool remove_id(const std::string& id);
  bool contains(const std::string& id) const;
  const std::vector<ParcelRow>& rows() const { return m_rows; }
  void clear() { set_rows({}); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;
  void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, column_count - 1); }

 private:
  const std::vector<style::Theme>* m_themes;
  std::vector<ParcelRow> m_rows;
};

// Rows of a park or zone pass; "" passes all.
class ParcelFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void set_unit(const QString& park_id, const QString& zone_id);
  const QString& park() const { return m_park; }
  const QString& zone() const { return m_zone; }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  QString m_park, m_zone;
};

class ParcelTable : public QTableView {
  Q_OBJECT
 public:
  ParcelTable(const std::vector<style::Theme>* themes, QWidget* parent = nullptr);
  ParcelTableModel* table_model() const { return m_model; }
  ParcelFilterProxy* proxy() const { return m_proxy; }
  // The header's menu: a checkable entry per column (hide / show).
  QMenu* column_menu();

 signals:
  void parcel_activated(const QString& parcel_id);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void size_columns();

  ParcelTableModel* m_model;
  ParcelFilterProxy* m_proxy;
};

}  // namespace parkgis::viewer
