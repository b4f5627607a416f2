#pragma once
// The map's layers: what each one reads from the store, its name for people, and its drawing order.

#include <array>
#include <string>

namespace parkgis::render {

enum class Lang { zh, en };

enum class LayerId { parks, zones, parcels, buildings, unsupplied, sites };
inline constexpr int kLayerCount = 6;
// Bottom to top. Zone boundaries go over parcels so that they stay visible.
inline constexpr std::array<LayerId, kLayerCount> kDrawOrder = {LayerId::parks, LayerId::parcels, LayerId::unsupplied,
                                                                LayerId::sites, LayerId::buildings, LayerId::zones};

struct LayerInfo {
  LayerId id;
  const char* key;            // "parks", ...: command-line and settings name
  const char* table;          // result table read first
  const char* fallback;       // table read when the database has not been analysed ("" = none)
  const char* id_column;      // feature id
  const char* label_column;   // "" = the id is the label
  const char* name_zh;
  const char* name_en;
};

const LayerInfo& layer_info(LayerId id);
std::string layer_name(LayerId id, Lang lang);
inline int layer_index(LayerId id) { return static_cast<int>(id); }

// Which layers are drawn. Buildings are drawn only when zoomed in far enough (see painter.h).
struct LayerVisibility {
  std::array<bool, kLayerCount> on{true, true, true, true, false, false};
  bool operator[](LayerId id) const { return on[static_cast<std::size_t>(id)]; }
  void set(LayerId id, bool v) { on[static_cast<std::size_t>(id)] = v; }
  friend bool operator==(const LayerVisibility&, const LayerVisibility&) = default;
};

// The default visibility for a theme: unsupplied land only with the 'unsupplied' theme and land-reserve
// sites (reserve_sites, written by 'parkgis sites') only with the 'sites' theme, whose layers they are
// (elsewhere they would hide the parcels' colours).
LayerVisibility default_visibility(const std::string& theme_id);

}  // namespace parkgis::render
