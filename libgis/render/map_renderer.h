#pragma once
// The map: layers, theme colours, selection and labels for one view, drawn with QPainter into any
// paint device (QImage, QPdfWriter). Used by 'parkgis render' (whole map at once) and by the viewer
// (one image per pass, so that a theme or visibility change redraws only what changed).

#include <QPainter>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

#include "libgis/render/change_set.h"
#include "libgis/render/basemap.h"
#include "libgis/render/feature_painter.h"
#include "libgis/render/label_options.h"
#include "libgis/render/layer_loader.h"
#include "libgis/render/map_style.h"

namespace parkgis::render {

using IdSet = std::unordered_set<std::string>;

struct RenderSettings {
  std::string theme_id;
  LayerVisibility visible;
  bool labels = true;
  LabelOptions label_options;              // the parcels' label field and size
  std::vector<Basemap> basemaps;           // raster basemaps under every layer, bottom first (render() only)
  std::shared_ptr<const IdSet> selection;  // parcel (or shown site) ids to highlight (may be null)
  std::uint64_t selection_serial = 0;      // changes whenever `selection` does (for image caches)
  std::shared_ptr<const ChangeSet> changes;  // the changes theme's two evaluations (null: parcels drawn as unchanged)
};

// What the viewer caches separately: one image per layer, then the selection, then the labels.
enum class Pass { parks, parcels, unsupplied, sites, buildings, zones, selection, labels };
inline constexpr int kPassCount = 8;
inline constexpr Pass kPasses[kPassCount] = {Pass::parks, Pass::parcels, Pass::unsupplied, Pass::sites,
                                             Pass::buildings, Pass::zones, Pass::selection, Pass::labels};

class MapRenderer {
 public:
  // Reads the themes from styles/ (style::load_themes); the store must outlive the renderer and be
  // used on this renderer's thread only.
  explicit MapRenderer(store::Store& store);
  MapRenderer(store::Store& store, std::vector<style::Theme> themes);

  LayerLoader& loader() { return m_loader; }
  const style::Theme* theme(const std::string& id) const;

  // The whole map (background, basemaps, every pass in order). Throws Cancelled when cancel() says so.
  void render(QPainter& p, const MapTransform& t, const RenderSettings& s, const CancelFn& cancel = {});
  // One pass onto a transparent image (the caller composes them in kPasses order); returns its figures.
  DrawStats render_pass(QPainter& p, const MapTransform& t, Pass pass, const RenderSettings& s, const CancelFn& cancel = {});
  // Loads what a view needs without drawing (the viewer preloads on open).
  void preload(const MapTransform& t, const RenderSettings& s, const CancelFn& cancel = {});

  // The last draw's figures, for benchmarks.
  const DrawStats& last_stats() const { return m_stats; }

 private:
  DrawStats draw_layer(QPainter& p, const MapTransform& t, LayerId layer, const RenderSettings& s, const CancelFn& cancel);
  // The changes theme: every parcel in its "other" class, the changed ones over them in their change's.
  DrawStats draw_changes(QPainter& p, const MapTransform& t, const FeatureSet& parcels, const std::vector<std::uint32_t>& idx,
                         const style::Theme& theme, const ChangeSet* changes, const CancelFn& cancel);
  void draw_selection(QPainter& p, const MapTransform& t, const RenderSettings& s, const CancelFn& cancel);
  bool layer_drawn(LayerId layer, const MapTransform& t, const RenderSettings& s);

  LayerLoader m_loader;
  DrawStats m_stats;
  int m_srid = 0;  // the store's working CRS (basemaps are warped into it)
};

}  // namespace parkgis::render
