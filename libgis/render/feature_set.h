#pragma once
// The features of one layer loaded for an extent. A feature's class in a theme is read once per theme
// (with the geometry for the theme in use, by id afterwards) and kept, so that switching back and
// forth between themes is a recolouring, not a new query.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libgis/render/layers.h"
#include "libgis/render/shape.h"

namespace parkgis::render {

struct Feature {
  std::string id;
  std::string name;  // park or zone name ("" for layers labelled by id)
  Shape shape;
  const std::string& label() const { return name.empty() ? id : name; }
};

using ClassVector = std::vector<std::int8_t>;  // per feature: class index, -1 = the theme's "other"

struct FeatureSet {
  LayerId layer = LayerId::parcels;
  std::string table;               // where the features came from
  Extent loaded = Extent::null();  // every feature whose envelope meets this extent is here
  bool whole = false;              // the whole table (no extent)
  std::vector<Feature> features;

  bool covers(const Extent& e) const { return whole || loaded.contains(e); }
  // Indices of the features whose envelope meets `e`.
  std::vector<std::uint32_t> in_extent(const Extent& e) const;

  // Classes by theme id; filled by LayerLoader::classes (on the loader's thread; guarded anyway).
  const ClassVector* find_classes(const std::string& theme_id) const;
  const ClassVector& store_classes(const std::string& theme_id, ClassVector classes) const;
  // Label texts by column (parcel labels other than the id); filled by LayerLoader::texts.
  const std::vector<std::string>* find_texts(const std::string& column) const;
  const std::vector<std::string>& store_texts(const std::string& column, std::vector<std::string> texts) const;
  // Feature index by id (built on first use; cancel() true stops the build with Cancelled).
  const std::unordered_map<std::string_view, std::uint32_t>& index_by_id(const std::function<bool()>& cancel = {}) const;

 private:
  mutable std::mutex m_mutex;
  mutable std::map<std::string, ClassVector> m_classes;
  mutable std::map<std::string, std::vector<std::string>> m_texts;
  mutable std::unordered_map<std::string_view, std::uint32_t> m_by_id;
};

using FeatureSetPtr = std::shared_ptr<const FeatureSet>;

}  // namespace parkgis::render
