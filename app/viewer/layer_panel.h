#pragma once
// Layer visibility: a check box per layer (parks, zones, parcels, buildings, unsupplied land) and one
// for labels.

#include <QListWidget>

#include "libgis/render/layers.h"

namespace parkgis::viewer {

class LayerPanel : public QListWidget {
  Q_OBJECT
 public:
  explicit LayerPanel(QWidget* parent = nullptr);
  void set_state(const render::LayerVisibility& v, bool labels);  // without emitting
  render::LayerVisibility visibility() const;
  // Ticks or clears one layer's box, as a click does (emits changed).
  void set_layer_shown(render::LayerId id, bool on);
  bool labels() const;

 signals:
  void changed(const parkgis::render::LayerVisibility& v, bool labels);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  bool m_updating = false;
};

}  // namespace parkgis::viewer
