#pragma once
// What a survey team fills in and may correct (docs/survey.md, docs/cli.md "survey-merge"):
// the survey columns, and per imported table a short list of attributes that are observed on site.
// Everything else in a returned file is read-only: computed by 'parkgis analyze' or taken from the
// imported source data.

#include <string>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::exporter {

struct SurveyColumn {
  std::string name;
  store::ColumnType type = store::ColumnType::text;
  int width = 0;  // shapefile width left for typing (bytes for text)
};

// survey_status, surveyor, survey_date, note.
const std::vector<SurveyColumn>& survey_columns();
bool is_survey_column(const std::string& name);

// The values survey_status takes: 已核实 (checked, as recorded), 有变化 (changed: see the corrected
// attributes and note), 无法到达 (could not be reached), 待复核 (to be checked again).
const std::vector<std::string>& survey_status_values();

// Attributes of an imported table a survey may correct: parcels → actual_start, stop_date,
// developed_m2, invested_wan, gov_cause; buildings → vacant_area. Empty for other tables.
const std::vector<std::string>& editable_attributes(const std::string& table);

// The imported table whose rows the features of an export source table stand for, and its id column:
// parcel_metrics → parcels/parcel_id, buildings → buildings/building_id, unsupplied_land →
// unsupplied_land/piece_id, zone_metrics → zones/zone_id, park_metrics → parks/park_id.
struct SurveyTarget {
  std::string table;      // where corrected attributes are written ("" = none)
  std::string id_column;  // "" when the source table has no survey target (import_issues)
};
SurveyTarget survey_target(const std::string& source_table);

}  // namespace parkgis::exporter
