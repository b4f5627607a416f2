#pragma once
// Identify: everything about one parcel, in sections: the parcel as imported, its metrics, its
// buildings and its holder (enterprise); with the changes theme, first its change between two evaluations. Labels are the exporter's Chinese field labels (with the
// column name in English mode), so the panel and exported files agree.

#include <QTreeWidget>
#include <memory>
#include <optional>

#include "app/viewer/queries.h"
#include "libgis/render/change_set.h"
#include "libgis/style/theme.h"

namespace parkgis::viewer {

class IdentifyPanel : public QTreeWidget {
  Q_OBJECT
 public:
  // themes: for the words of coded values (idle_status, supply_status, grade), as in the legend.
  explicit IdentifyPanel(const std::vector<style::Theme>* themes, QWidget* parent = nullptr);
  void show_parcel(const std::optional<ParcelInfo>& info);
  const std::optional<ParcelInfo>& parcel() const { return m_info; }
  // The changes theme's two evaluations (null: another theme): a first section "变化" shows the parcel's
  // columns of 'export --layer changes', or that it did not change.
  void set_changes(std::shared_ptr<const render::ChangeSet> changes);
  // The value shown for a column of a section ("metrics", "source", "enterprise"), for tests.
  QString value(const QString& section, const QString& column) const;
  // Copies to the clipboard the current item's value, or its field and value ("面积 (亩)\t7.50"), or every
  // field of its section, one "field<TAB>value" line each (right-click menu; ctrl-C copies the value).
  void copy_value() const;
  void copy_row() const;
  void copy_section() const;

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void rebuild();
  void add_attributes(QTreeWidgetItem* parent, const std::vector<Attribute>& attrs, const QString& section);
  void add_changes(const std::string& parcel_id);
  const std::vector<style::Theme>* m_themes;
  std::optional<ParcelInfo> m_info;
  std::shared_ptr<const render::ChangeSet> m_changes;
};

}  // namespace parkgis::viewer
