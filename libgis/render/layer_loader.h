#pragma once
// Reads layers from a store for an extent, through the store's R*Tree (Filter::bbox), and keeps the
// last load of each layer: a view inside what was loaded needs no query. One loader per thread, over a
// store opened on that thread (SQLite connections are not shared between threads).

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/render/feature_set.h"
#include "libgis/style/theme.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::render {

// Returns true to stop a load; the loader then throws parkgis::Cancelled.
using CancelFn = std::function<bool()>;

class LayerLoader {
 public:
  LayerLoader(store::Store& store, std::vector<style::Theme> themes);

  // The features of `layer` whose envelope meets `view`. A miss loads `view` grown by `margin` (a
  // fraction of its size on each side), so that panning near the view needs no query. Small layers
  // (parks, zones) are loaded whole once. A load reads the classes of `theme` with the geometry.
  FeatureSetPtr get(LayerId layer, const Extent& view, const CancelFn& cancel = {}, double margin = 1.0,
                    const style::Theme* theme = nullptr);
  // The features' classes in `theme`, read on first use (by id, without geometry); null when the
  // theme is not about this layer's table.
  const ClassVector* classes(const FeatureSet& set, const style::Theme& theme, const CancelFn& cancel = {});
  // The features' values of `column` as text (read on first use, by id); null when the layer's table
  // has no such column. "" where a value is missing.
  const std::vector<std::string>* texts(const FeatureSet& set, const std::string& column, const CancelFn& cancel = {});

  // Parks and zones together: the extent to show when the map opens.
  Extent data_extent();
  // False when the layer's table is missing (e.g. not analysed and no fallback).
  bool available(LayerId layer);
  const std::vector<style::Theme>& themes() const { return m_themes; }
  void clear() {
    m_cache = {};
    m_tables = {};
    m_columns.clear();
    m_extent = m_data_extent = Extent::null();
    m_extent_known = false;
  }

 private:
  FeatureSetPtr load(LayerId layer, const Extent* extent, const CancelFn& cancel, const style::Theme* theme);
  bool has_column(const std::string& table, const std::string& column);
  // Reads `column` of the set's table by id over what the set covers; calls fn(feature index, value).
  void read_by_id(const FeatureSet& set, const std::string& column, const CancelFn& cancel,
                  const std::function<void(std::uint32_t, const store::Value&)>& fn);
  std::string table_for(LayerId layer);

  store::Store& m_store;
  std::vector<style::Theme> m_themes;
  std::array<FeatureSetPtr, kLayerCount> m_cache;
  std::array<std::optional<std::string>, kLayerCount> m_tables;  // table_for, asked once
  std::map<std::string, std::vector<std::string>> m_columns;     // per table, asked once
  bool m_extent_known = false;
  Extent m_data_extent = Extent::null();
  Extent m_extent = Extent::null();  // data_extent() with a margin: a wider view loads whole tables
};

}  // namespace parkgis::render
