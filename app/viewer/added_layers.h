#pragma once
// The layers a user adds under the parcels, listed under the layer check boxes: raster basemaps
// (File › 添加底图…, each with on/off, an opacity slider and remove) and vector reference layers (File ›
// 添加参考图层…, on/off and remove). The topmost drawn is listed first: reference layers, then the
// basemaps from the last added (drawn on top) to the first (at the bottom).

#include <QWidget>
#include <vector>

#include "libgis/render/basemap.h"
#include "libgis/render/reference_layer.h"

class QCheckBox;
class QLabel;
class QSlider;
class QVBoxLayout;

namespace parkgis::viewer {

class AddedLayers : public QWidget {
  Q_OBJECT
 public:
  explicit AddedLayers(QWidget* parent = nullptr);

  void add_basemap(const render::Basemap& b);
  void add_reference(const render::ReferenceLayer& r);
  // Drawing order: the first at the bottom.
  const std::vector<render::Basemap>& basemaps() const { return m_basemaps; }
  const std::vector<render::ReferenceLayer>& references() const { return m_references; }

  // The widgets of basemap i / reference layer i (in the order added), for tests.
  QCheckBox* basemap_box(int i) const;
  QSlider* opacity_slider(int i) const;  // 0–100 (%)
  QCheckBox* reference_box(int i) const;

 signals:
  void changed();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void rebuild();
  void retranslate();

  std::vector<render::Basemap> m_basemaps;
  std::vector<render::ReferenceLayer> m_references;
  QVBoxLayout* m_rows;
  QLabel* m_heading;
  std::vector<QCheckBox*> m_basemap_boxes, m_reference_boxes;
  std::vector<QSlider*> m_sliders;
  std::vector<QWidget*> m_row_widgets;
};

}  // namespace parkgis::viewer
