#pragma once
// View › Labels (标注): what the parcels are labelled with (宗地代码, 权利人, 亩均税收, 等级, none) and the
// label size, remembered in QSettings ("labels/parcel", "labels/size_pt").

#include <QMenu>

#include "libgis/render/label_options.h"

class QActionGroup;

namespace parkgis::viewer {

class LabelMenu : public QMenu {
  Q_OBJECT
 public:
  explicit LabelMenu(QWidget* parent = nullptr);

  render::LabelOptions options() const { return m_options; }
  // Checks the matching entries, saves the choice and emits changed() when it differs.
  void set_options(const render::LabelOptions& o);
  // The sizes offered, in points.
  static const std::vector<double>& sizes_pt();

 signals:
  void changed(const parkgis::render::LabelOptions& options);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void check_current();

  render::LabelOptions m_options;
  QActionGroup* m_fields;
  QActionGroup* m_sizes;
  QMenu* m_size_menu;
};

}  // namespace parkgis::viewer
