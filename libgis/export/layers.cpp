#include "libgis/export/layers.h"

#include "libgis/core/errors.h"

namespace parkgis::exporter {

const std::vector<ExportLayer>& export_layers() {
  using store::Condition;
  using store::Value;
  static const std::vector<ExportLayer> layers = {
      {"idle", "parcel_metrics", "疑似闲置土地", "parcel_id", true,
       {Condition{"idle_status", "!=", Value{std::string("none")}},
        Condition{"idle_status", "!=", Value{std::string("unknown")}}}, "idle"},
      {"unsupplied", "unsupplied_land", "批而未供土地", "piece_id", true, {}, "unsupplied"},
      {"parcels", "parcel_metrics", "宗地", "parcel_id", true, {}, "grade"},
      {"buildings", "buildings", "建筑", "building_id", true, {}, ""},
      {"vacant-buildings", "buildings", "空置建筑", "building_id", true,
       {Condition{"vacant_area", ">", Value{0.0}}}, ""},
      {"below-control", "parcel_metrics", "未达控制指标宗地", "parcel_id", true,
       {Condition{"below_control", "=", Value{std::int64_t{1}}}}, "tax-per-mu"},
      {"low-efficiency", "parcel_metrics", "疑似低效用地", "parcel_id", true,
       {Condition{"low_efficiency", "=", Value{std::int64_t{1}}}}, "tax-per-mu"},
      {"sites", "reserve_sites", "储备候选地块", "site_id", true, {}, "sites"},
      {"zones", "zone_metrics", "片区", "zone_id", true, {}, "tax-per-mu"},
      {"parks", "park_metrics", "园区", "park_id", true, {}, "tax-per-mu"},
      {"issues", "import_issues", "导入问题", "", false, {}, ""},
      // Parcels that changed between two evaluations (--from, --to; changes_layer.h): not a table.
      {"changes", "parcel_metrics", "宗地变化", "parcel_id", true, {}, "changes"},
  };
  return layers;
}

std::string export_layer_ids() {
  std::string ids;
  for (const ExportLayer& l : export_layers()) ids += (ids.empty() ? "" : ", ") + l.id;
  return ids;
}

const ExportLayer& find_export_layer(const std::string& id) {
  for (const ExportLayer& l : export_layers())
    if (l.id == id) return l;
  throw UsageError("unknown layer '" + id + "'; the layers are " + export_layer_ids());
}

}  // namespace parkgis::exporter
