#pragma once
// The map: layers, theme colours, selection and labels for one view, drawn with QPainter into any
// paint device (QImage, QPdfWriter). Used by 'parkgis render' (whole map at once) and by the viewer
// (one image per pass, so that a theme or visibility change redraws only what changed).

#include <QPainter>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>

#include "libgis/render/change_set.h"
#include "libgis/render/basemap.h"
#include "libgis/render/feature_painter.h"
#include "libgis/render/label_options.h"
#include "libgis/render/layer_loader.h"
#include "libgis/render/map_style.h"
#include "libgis/render/reference_layer.h"

namespace parkgis::render {

using IdSet = std::unordered_set<std::string>;

struct RenderSettings {
  std::string theme_id;
  LayerVisibility visible;
  bool labels = true;
  LabelOptions label_options;              // the parcels' label field and size
  std::vector<Basemap> basemaps;           // raster basemaps under every layer, bottom first
  std::vector<ReferenceLayer> references;  // vector reference layers over the basemaps, under the parcels
  std::shared_ptr<const IdSet> selection;  // parcel (or shown site) ids to highlight (may be null)
  std::uint64_t selection_serial = 0;      // changes whenever `selection` does (for image caches)
  std::shared_ptr<const ChangeSet> changes;  // the changes theme's two evaluations (null: parcels drawn as unchanged)
};

// What the viewer caches separately: the basemaps, one image per layer (the reference layers over the
// parks, which have no fill over a basemap), then the selection, then the labels. Bottom first.
enum class Pass { basemaps, parks, references, parcels, unsupplied, sites, buildings, zones, selection, labels };
inline constexpr int kPassCount = 10;
inline constexpr Pass kPasses[kPassCount] = {Pass::basemaps,   Pass::parks, Pass::references, Pass::parcels,
                                             Pass::unsupplied, Pass::sites, Pass::buildings,  Pass::zones,
                                             Pass::selection,  Pass::labels};

// True when a basemap is drawn (visible and not fully transparent): the parks are then drawn unfilled,
// so that the image shows between the parcels.
bool basemap_drawn(const RenderSettings& s);

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
  // One basemap as seen in view t (GDALWarp, basemap.h): drawn by render_pass(basemaps), and kept as its
  // own image by the viewer, which applies the opacity when composing.
  QImage basemap_image(const Basemap& b, const MapTransform& t, double ratio = 1.0, const CancelFn& cancel = {}) const;
  // A reference layer in the store's CRS, read once per source (DataError when it cannot be read).
  const ReferenceShapes& reference(const std::string& source);
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
  std::map<std::string, ReferenceShapesPtr> m_references;  // by source
};

}  // namespace parkgis::render
