#include "libgis/render/map_renderer.h"

#include "libgis/render/labels.h"
#include "libgis/store/store.h"

#include <algorithm>
#include <cmath>

namespace parkgis::render {

MapRenderer::MapRenderer(store::Store& store) : MapRenderer(store, style::load_themes()) {}

MapRenderer::MapRenderer(store::Store& store, std::vector<style::Theme> themes)
    : m_loader(store, std::move(themes)), m_srid(store.srid()) {}

const style::Theme* MapRenderer::theme(const std::string& id) const {
  for (const style::Theme& t : m_loader.themes())
    if (t.id == id) return &t;
  return nullptr;
}

bool MapRenderer::layer_drawn(LayerId layer, const MapTransform& t, const RenderSettings& s) {
  if (!s.visible[layer] || !m_loader.available(layer)) return false;
  return layer != LayerId::buildings || t.units_per_px() <= kBuildingsMaxUnitsPerPx;
}

void MapRenderer::preload(const MapTransform& t, const RenderSettings& s, const CancelFn& cancel) {
  for (LayerId l : kDrawOrder)
    if (layer_drawn(l, t, s)) m_loader.get(l, t.extent(), cancel, 1.0, theme(s.theme_id));
}

bool basemap_drawn(const RenderSettings& s) {
  return std::any_of(s.basemaps.begin(), s.basemaps.end(), [](const Basemap& b) { return b.visible && b.opacity > 0; });
}

QImage MapRenderer::basemap_image(const Basemap& b, const MapTransform& t, double ratio, const CancelFn& cancel) const {
  return warp_basemap(b.source, m_srid, t, ratio, cancel);
}

const ReferenceShapes& MapRenderer::reference(const std::string& source) {
  ReferenceShapesPtr& shapes = m_references[source];
  if (!shapes) {
    try {
      shapes = load_reference(source, m_srid);
    } catch (...) {
      m_references.erase(source);
      throw;
    }
  }
  return *shapes;
}

void MapRenderer::render(QPainter& p, const MapTransform& t, const RenderSettings& s, const CancelFn& cancel) {
  m_stats = {};
  p.fillRect(QRectF(0, 0, t.width(), t.height()), background_color());
  for (Pass pass : kPasses) {
    const DrawStats st = render_pass(p, t, pass, s, cancel);
    m_stats.polygons += st.polygons;
    m_stats.dots += st.dots;
    m_stats.vertices_in += st.vertices_in;
    m_stats.vertices_out += st.vertices_out;
  }
}

DrawStats MapRenderer::render_pass(QPainter& p, const MapTransform& t, Pass pass, const RenderSettings& s,
                                   const CancelFn& cancel) {
  DrawStats st;
  struct Restore {  // also when a cancelled render throws
    QPainter& p;
    ~Restore() { p.restore(); }
  };
  p.save();
  const Restore restore{p};
  p.setClipRect(QRectF(0, 0, t.width(), t.height()));
  switch (pass) {
    case Pass::basemaps: {
      // At the device's resolution (a 300 dpi sheet gets a 300 dpi raster), in the order given.
      const double ratio = std::clamp(std::abs(p.deviceTransform().m11()), 1.0, 6.25);
      for (const Basemap& b : s.basemaps) {
        if (!b.visible || b.opacity <= 0) continue;
        const QImage img = basemap_image(b, t, ratio, cancel);
        if (img.isNull()) continue;
        p.setOpacity(std::min(1.0, b.opacity));
        p.drawImage(QRectF(0, 0, t.width(), t.height()), img);
      }
      break;
    }
    case Pass::references:
      for (const ReferenceLayer& r : s.references)
        if (r.visible) draw_reference(p, t, reference(r.source), cancel);
      break;
    case Pass::parks: st = draw_layer(p, t, LayerId::parks, s, cancel); break;
    case Pass::parcels: st = draw_layer(p, t, LayerId::parcels, s, cancel); break;
    case Pass::unsupplied: st = draw_layer(p, t, LayerId::unsupplied, s, cancel); break;
    case Pass::sites: st = draw_layer(p, t, LayerId::sites, s, cancel); break;
    case Pass::buildings: st = draw_layer(p, t, LayerId::buildings, s, cancel); break;
    case Pass::zones: st = draw_layer(p, t, LayerId::zones, s, cancel); break;
    case Pass::selection: draw_selection(p, t, s, cancel); break;
    case Pass::labels:
      if (s.labels) {
        LabelSources src;
        const Extent view = t.extent();
        if (layer_drawn(LayerId::parks, t, s)) src.parks = m_loader.get(LayerId::parks, view, cancel);
        if (layer_drawn(LayerId::zones, t, s)) src.zones = m_loader.get(LayerId::zones, view, cancel);
        src.options = s.label_options;
        if (layer_drawn(LayerId::parcels, t, s) && s.label_options.parcel != ParcelLabel::none) {
          src.parcels = m_loader.get(LayerId::parcels, view, cancel, 1.0, theme(s.theme_id));
          if (s.label_options.parcel != ParcelLabel::parcel_id)
            src.parcel_texts = m_loader.texts(*src.parcels, parcel_label_info(s.label_options.parcel).column, cancel);
          // A field the table lacks (not analysed yet): no parcel labels rather than ids in its place.
          if (s.label_options.parcel != ParcelLabel::parcel_id && !src.parcel_texts) src.parcels = nullptr;
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        draw_labels(p, t, src, cancel);
      }
      break;
  }
  return st;
}

DrawStats MapRenderer::draw_layer(QPainter& p, const MapTransform& t, LayerId layer, const RenderSettings& s,
                                  const CancelFn& cancel) {
  if (!layer_drawn(layer, t, s)) return {};
  const Extent view = t.extent();
  const FeatureSetPtr set = m_loader.get(layer, view, cancel, 1.0, theme(s.theme_id));
  std::vector<std::uint32_t> idx = set->in_extent(view);
  if (layer == LayerId::zones) {
    // Tiny zone boundaries would only smear dashes over their park's marker.
    std::erase_if(idx, [&](std::uint32_t i) {
      const Extent& b = set->features[i].shape.box;
      return b.width() / t.units_per_px() < kMinZonePx && b.height() / t.units_per_px() < kMinZonePx;
    });
  }
  const style::Theme* th = theme(s.theme_id);
  if (th && layer == LayerId::parcels && style::is_changes_theme(*th))
    return draw_changes(p, t, *set, idx, *th, s.changes.get(), cancel);
  const ClassVector* classes = th ? m_loader.classes(*set, *th, cancel) : nullptr;
  std::vector<PolygonStyle> styles;
  std::function<int(std::uint32_t)> style_of;
  if (classes) {
    for (std::size_t k = 0; k < th->classes.size(); ++k) styles.push_back(class_style(*th, static_cast<int>(k)));
    const int other = static_cast<int>(styles.size());
    styles.push_back(class_style(*th, -1));
    style_of = [classes, other](std::uint32_t i) {
      const int c = (*classes)[i];
      return c < 0 ? other : c;
    };
  } else {
    styles.push_back(reference_style(layer));
    if (layer == LayerId::parks && basemap_drawn(s)) styles.back().fill = Qt::transparent;  // the image shows through
    style_of = [](std::uint32_t) { return 0; };
  }
  p.setRenderHint(QPainter::Antialiasing, true);
  const DrawStats st = draw_features(p, t, *set, idx, styles, style_of, cancel);

  if (layer == LayerId::parks) {
    // Parks smaller than a few pixels (the whole province on screen): a marker, so none disappears.
    const PolygonStyle ps = reference_style(LayerId::parks);
    p.setPen(QPen(Qt::white, 1.2));
    p.setBrush(ps.stroke);
    for (std::uint32_t i : idx) {
      const Extent& b = set->features[i].shape.box;
      if (b.width() / t.units_per_px() >= kParkMarkerPx || b.height() / t.units_per_px() >= kParkMarkerPx) continue;
      p.drawEllipse(QPointF(t.screen_x(b.cx()), t.screen_y(b.cy())), 5.5, 5.5);
    }
  }
  return st;
}

DrawStats MapRenderer::draw_changes(QPainter& p, const MapTransform& t, const FeatureSet& parcels,
                                    const std::vector<std::uint32_t>& idx, const style::Theme& theme,
                                    const ChangeSet* changes, const CancelFn& cancel) {
  std::vector<PolygonStyle> styles;
  for (std::size_t k = 0; k < theme.classes.size(); ++k) styles.push_back(class_style(theme, static_cast<int>(k)));
  const int other = static_cast<int>(styles.size());
  styles.push_back(class_style(theme, -1));
  p.setRenderHint(QPainter::Antialiasing, true);
  DrawStats st = draw_features(p, t, parcels, idx, styles, [other](std::uint32_t) { return other; }, cancel);
  const int field = changes ? changes->field_index(theme.field) : -1;
  if (field < 0) return st;
  const Extent view = t.extent();
  const DrawStats more = draw_features(
      p, t, changes->features, changes->features.in_extent(view), styles,
      [&](std::uint32_t i) {
        const int c = theme.classify(changes->values[i][static_cast<std::size_t>(field)]);
        return c < 0 ? other : c;
      },
      cancel);
  st.polygons += more.polygons;
  st.dots += more.dots;
  st.vertices_in += more.vertices_in;
  st.vertices_out += more.vertices_out;
  return st;
}

void MapRenderer::draw_selection(QPainter& p, const MapTransform& t, const RenderSettings& s, const CancelFn& cancel) {
  if (!s.selection || s.selection->empty()) return;
  const Extent view = t.extent();
  p.setRenderHint(QPainter::Antialiasing, true);
  QColor fill = selection_color();
  fill.setAlpha(70);
  const QPen pen(selection_color(), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  // Parcels, and land-reserve sites when their layer is shown (the answers of a site search).
  for (LayerId layer : {LayerId::parcels, LayerId::sites}) {
    if (!m_loader.available(layer) || (layer == LayerId::sites && !s.visible[layer])) continue;
    const FeatureSetPtr set = m_loader.get(layer, view, cancel, 1.0, theme(s.theme_id));
    for (std::uint32_t i : set->in_extent(view)) {
      const Feature& f = set->features[i];
      if (s.selection->count(f.id)) draw_outline(p, t, f.shape, pen, fill);
    }
  }
}

}  // namespace parkgis::render
