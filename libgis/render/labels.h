#pragma once
// Map labels: park names, zone names (when the zone is large enough on screen) and parcel labels (when
// zoomed in and the label fits inside its parcel: the id, or the field chosen in LabelOptions). Labels never overlap: the first placed wins, and parks
// come before zones before parcels. Text is drawn with a white halo of offset copies (glyphs cached),
// which costs a fraction of stroking a text path.

#include <QFontMetricsF>
#include <QPainter>
#include <QRectF>
#include <initializer_list>
#include <vector>

#include "libgis/render/feature_set.h"
#include "libgis/render/label_options.h"
#include "libgis/render/layer_loader.h"

namespace parkgis::render {

class LabelPlacer {
 public:
  explicit LabelPlacer(QRectF canvas) : m_canvas(canvas) {}

  struct Style {
    QFont font;
    QFontMetricsF metrics;
    QColor color;
    double spacing = 2;  // free room kept around the label, in pixels
    int halo = 8;        // halo copies: 8 (all around) or 4
  };

  // Draws `text` centred on the first of `candidates` where it overlaps no placed label and stays on
  // the canvas; false when there is none. `fit`: the label must also lie inside this rectangle.
  bool place(QPainter& p, const QString& text, std::initializer_list<QPointF> candidates, const Style& style,
             const QRectF* fit = nullptr);
  bool free(const QRectF& r) const;
  // The labels placed so far, with the room kept around them.
  const std::vector<QRectF>& placed() const { return m_placed; }

 private:
  QRectF m_canvas;
  std::vector<QRectF> m_placed;
};

struct LabelSources {
  FeatureSetPtr parks, zones, parcels;  // null: the layer is hidden
  LabelOptions options;                 // the parcels' label field and size
  // The parcels' values of the chosen field, by feature index (LayerLoader::texts); null: their ids.
  const std::vector<std::string>* parcel_texts = nullptr;
};

// `placed` (optional) receives the boxes of the labels drawn, in screen pixels.
void draw_labels(QPainter& p, const MapTransform& t, const LabelSources& src, const CancelFn& cancel = {},
                 std::vector<QRectF>* placed = nullptr);

}  // namespace parkgis::render
