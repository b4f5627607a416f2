#pragma once
// Map themes: how a result layer is coloured by one of its fields. One source format (styles/*.json),
// read by the viewer, the map renderer and the exporter (which writes QGIS .qml and OGC SLD from it).
//
//   { "id": "tax-per-mu", "title": {"zh": "亩均税收", "en": "Tax per mu"},
//     "layer": "parcel_metrics", "field": "tax_per_mu", "kind": "graduated", "unit": "万元/亩",
//     "classes": [ {"min": null, "max": 5, "fill": "#fee5d9", "label": {"zh": "< 5", "en": "< 5"}}, ... ],
//     "other": {"fill": "#e0e0e0", "label": {"zh": "无数据", "en": "no data"}},
//     "stroke": "#606060" }
// kind "categorized": classes have "value" (text); "graduated": "min" (inclusive) and "max" (exclusive),
// null for open ends; "single": one class for every feature. "other" takes what no class takes (and
// nulls). Colours are #RRGGBB or #RRGGBBAA.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::style {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  std::string hex() const;  // "#rrggbb" or "#rrggbbaa" when not opaque
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

// Parses #RRGGBB / #RRGGBBAA; nullopt when malformed.
std::optional<Rgba> parse_color(const std::string& text);

struct ThemeClass {
  std::string value;                // categorized
  std::optional<double> min, max;   // graduated: [min, max)
  std::string label_zh, label_en;
  Rgba fill;
  std::optional<Rgba> stroke;       // none: the theme's stroke
};

enum class Kind { categorized, graduated, single };

struct Theme {
  std::string id, title_zh, title_en;
  std::string layer;  // result table, e.g. "parcel_metrics"
  std::string field;  // column the classes are about ("" for single)
  Kind kind = Kind::single;
  std::string unit;
  std::vector<ThemeClass> classes;
  ThemeClass other;  // values no class takes, and nulls
  Rgba stroke{96, 96, 96, 255};
  double stroke_width_mm = 0.2;
  std::string file;  // where it was read from

  // Index of the class a value belongs to, or -1 for "other".
  int classify(const store::Value& value) const;
  const ThemeClass& class_for(const store::Value& value) const;
};

// The layer of the changes theme (styles/changes.json): the parcels that changed between two
// evaluations, as 'export --layer changes' writes them and the map draws them over the parcels
// (render/change_set.h); no table of the database has this name.
inline constexpr const char* kChangesLayer = "parcel_changes";
inline bool is_changes_theme(const Theme& theme) { return theme.layer == kChangesLayer; }

// Reads one theme file; throws DataError naming the file and key when malformed.
Theme load_theme(const std::string& path);

// The folder of the map styles: $PARKGIS_STYLES_DIR, else styles/ in the data folder
// (libgis/core/data_paths.h: installed share/parkgis, or the source tree).
std::string styles_dir();

// Every theme in styles_dir(), ordered by id.
std::vector<Theme> load_themes();
// One theme by id; throws UsageError listing the ids when unknown.
Theme find_theme(const std::string& id);

}  // namespace parkgis::style
