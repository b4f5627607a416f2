#pragma once
// The shape of a generated dataset: how its parcels are spread over parks and zones, and how often
// buildings straddle parcel lines and parcels come in several parts or with holes.

#include <optional>
#include <string_view>

namespace parkgis::generator {

enum class DatasetShape {
  // Ningde's 小微园: ~12 parcels per zone, ~25 per park, at least 10 parks / 21 zones (the bundled sample).
  small_parks,
  // A province's development zones: 21 zones of about N / 21 parcels each in 7 parks of 3 zones; 5-10 %
  // of the buildings straddle a parcel line, 3-5 % of the parcels have a hole or several parts.
  large_zones,
};

// "small-parks" / "large-zones" (the names `parkgis generate --shape` takes); nullopt for anything else.
inline std::optional<DatasetShape> parse_shape(std::string_view name) {
  if (name == "small-parks") return DatasetShape::small_parks;
  if (name == "large-zones") return DatasetShape::large_zones;
  return std::nullopt;
}

}  // namespace parkgis::generator
