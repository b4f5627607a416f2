#include "libgis/export/survey_fields.h"

namespace parkgis::exporter {

const std::vector<SurveyColumn>& survey_columns() {
  static const std::vector<SurveyColumn> columns = {
      {"survey_status", store::ColumnType::text, 20},
      {"surveyor", store::ColumnType::text, 40},
      {"survey_date", store::ColumnType::date, 8},
      {"note", store::ColumnType::text, 254},
  };
  return columns;
}

bool is_survey_column(const std::string& name) {
  for (const SurveyColumn& c : survey_columns())
    if (c.name == name) return true;
  return false;
}

const std::vector<std::string>& survey_status_values() {
  static const std::vector<std::string> values = {"已核实", "有变化", "无法到达", "待复核"};
  return values;
}

const std::vector<std::string>& editable_attributes(const std::string& table) {
  static const std::vector<std::string> parcels = {"actual_start", "stop_date", "developed_m2", "invested_wan", "gov_cause"};
  static const std::vector<std::string> buildings = {"vacant_area", "vacant_since", "vacancy_type"};
  static const std::vector<std::string> none;
  if (table == "parcels") return parcels;
  if (table == "buildings") return buildings;
  return none;
}

SurveyTarget survey_target(const std::string& source_table) {
  if (source_table == "parcel_metrics" || source_table == "parcels") return {"parcels", "parcel_id"};
  if (source_table == "buildings") return {"buildings", "building_id"};
  if (source_table == "unsupplied_land") return {"unsupplied_land", "piece_id"};
  if (source_table == "zone_metrics" || source_table == "zones") return {"zones", "zone_id"};
  if (source_table == "park_metrics" || source_table == "parks") return {"parks", "park_id"};
  return {};
}

}  // namespace parkgis::exporter
