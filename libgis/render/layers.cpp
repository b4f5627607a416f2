#include "libgis/render/layers.h"

namespace parkgis::render {

const LayerInfo& layer_info(LayerId id) {
  static const std::array<LayerInfo, kLayerCount> infos = {{
      {LayerId::parks, "parks", "park_metrics", "parks", "park_id", "name", "园区", "Parks"},
      {LayerId::zones, "zones", "zone_metrics", "zones", "zone_id", "name", "片区", "Zones"},
      {LayerId::parcels, "parcels", "parcel_metrics", "parcels", "parcel_id", "", "宗地", "Parcels"},
      {LayerId::buildings, "buildings", "buildings", "", "building_id", "", "建筑", "Buildings"},
      {LayerId::unsupplied, "unsupplied", "unsupplied_land", "", "piece_id", "", "批而未供土地", "Unsupplied land"},
      {LayerId::sites, "sites", "reserve_sites", "", "site_id", "", "储备候选地块", "Land-reserve sites"},
  }};
  return infos[static_cast<std::size_t>(id)];
}

std::string layer_name(LayerId id, Lang lang) {
  const LayerInfo& i = layer_info(id);
  return lang == Lang::zh ? i.name_zh : i.name_en;
}

LayerVisibility default_visibility(const std::string& theme_id) {
  LayerVisibility v;
  v.set(LayerId::unsupplied, theme_id == "unsupplied");
  v.set(LayerId::sites, theme_id == "sites");
  return v;
}

}  // namespace parkgis::render
