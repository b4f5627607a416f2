#pragma once
// The legend of the current theme: its title and one row per class with the swatch the map uses
// (render::legend_entries, the same entries as on exported maps).

#include <QLabel>
#include <QListWidget>
#include <QWidget>
#include <optional>

#include "libgis/style/theme.h"

namespace parkgis::viewer {

class LegendPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LegendPanel(QWidget* parent = nullptr);
  void set_theme(const style::Theme& theme);
  QString title() const { return m_title->text(); }
  QStringList labels() const;  // the rows, for tests

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void rebuild();
  QLabel* m_title;
  QListWidget* m_list;
  std::optional<style::Theme> m_theme;
};

}  // namespace parkgis::viewer
