#pragma once
// Draws polygons fast at every scale: vertices closer than about a pixel to the last one kept are
// skipped, features smaller than a pixel become a dot, small ones lose their outline, and features are
// drawn grouped by style so that the painter's state changes once per class, not once per feature.

#include <QPainter>
#include <cstdint>
#include <functional>
#include <vector>

#include "libgis/render/feature_set.h"
#include "libgis/render/layer_loader.h"
#include "libgis/render/map_style.h"

namespace parkgis::render {

struct DrawStats {
  std::size_t polygons = 0, dots = 0, vertices_in = 0, vertices_out = 0;
};

// Draws set.features[i] for i in `indices`, each with styles[style_of(i)]; style_of may return -1 to
// skip a feature. Throws Cancelled when cancel() says so (checked every few thousand features).
DrawStats draw_features(QPainter& p, const MapTransform& t, const FeatureSet& set,
                        const std::vector<std::uint32_t>& indices, const std::vector<PolygonStyle>& styles,
                        const std::function<int(std::uint32_t)>& style_of, const CancelFn& cancel = {});

// The outline of one shape (hover and selection highlights), simplified the same way.
void draw_outline(QPainter& p, const MapTransform& t, const Shape& s, const QPen& pen, const QBrush& brush = Qt::NoBrush);

// The shape in screen coordinates as a path (holes even-odd), simplified to about a pixel.
QPainterPath screen_path(const MapTransform& t, const Shape& s);

}  // namespace parkgis::render
