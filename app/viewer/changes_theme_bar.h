#pragma once
// The changes theme (宗地变化, styles/changes.json) between two evaluations kept in the database
// (docs/history.md): two date combos 从 / 到 for the toolbar, shown while that theme is chosen, the
// later evaluation after the earlier one (defaults: the two latest). The changed parcels of the two
// dates (render::load_change_set, the rows of 'export --layer changes') are read on the data thread
// and handed to the map and the identify panel. With fewer than two evaluations the theme is not
// offered (available() false).

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/render/change_set.h"

class QComboBox;
class QLabel;

namespace parkgis::viewer {

class DataService;

class ChangesThemeBar : public QWidget {
  Q_OBJECT
 public:
  explicit ChangesThemeBar(DataService* service, QWidget* parent = nullptr);

  // The evaluations of the database just opened (Overview::evaluations, earliest first); then
  // available_changed(), and with the theme chosen the changes of the span (kept when still valid).
  void set_evaluations(std::vector<Date> dates);
  bool available() const { return m_dates.size() >= 2; }
  // The theme is chosen (the bar shows; the changes of the span are read when not read yet) or left.
  void set_active(bool active);
  bool active() const { return m_active; }
  std::optional<render::ChangeSpan> span() const;
  // Chooses the two dates as a user would (tests; ignored when either has no evaluation).
  void choose(const Date& from, const Date& to);
  const std::shared_ptr<const render::ChangeSet>& changes() const { return m_changes; }
  QComboBox* from_combo() const { return m_from; }
  QComboBox* to_combo() const { return m_to; }

 signals:
  void available_changed(bool available);
  // What the map and identify show: the changes of span() while active, else null.
  void changes_shown(std::shared_ptr<const parkgis::render::ChangeSet> changes);
  void visible_wanted(bool visible);  // active and available: the toolbar shows the bar

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void fill_to(const std::optional<Date>& keep);
  void span_chosen();
  void retranslate();

  DataService* m_data;
  QLabel *m_from_label, *m_to_label;
  QComboBox *m_from, *m_to;
  std::vector<Date> m_dates;  // the evaluations, earliest first
  bool m_active = false;
  std::shared_ptr<const render::ChangeSet> m_changes;  // of span(), once read
};

}  // namespace parkgis::viewer
