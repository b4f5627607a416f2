#pragma once
// What the analysis reads from the store: the imported layers as typed records, geometry as WKB in the
// working CRS (planar metres).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/geom/envelope.h"
#include "libgis/indicators/idle_rules.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::analysis {

struct ParkRec {
  std::string id, name, county;
  std::string wkb;
};

struct ZoneRec {
  std::string id, park_id, name;
  std::string wkb;
};

struct ParcelRec {
  std::string id, zone_id, land_use, user_id;
  indicators::IdleInput idle;  // dates, figures and disposal for Order 53
  std::string decision_no;     // 闲置土地认定书号
  std::optional<double> registered_area;
  std::optional<Date> agreed_completion;  // 约定竣工日期
  std::optional<double> green_m2;         // 绿地面积
  std::string wkb;
  std::optional<geom::Envelope> envelope = std::nullopt;  // of wkb, from the store
};

struct BuildingRec {
  std::string id, use;
  std::optional<double> floor_area, vacant_area;  // m²
  std::optional<Date> vacant_since;
  std::string vacancy_type;  // 空置 / 闲置 (or English), as imported
  std::string wkb;
  std::optional<geom::Envelope> envelope = std::nullopt;  // of wkb, from the store
};

struct ApprovalRec {
  std::string id, zone_id;
  std::optional<Date> approved;
  std::string wkb;
};

struct EnterpriseRec {
  std::string id, name, industry;
  int year = 0;
  std::optional<double> output_wan, tax_wan, value_added_wan, energy_tce, employees, rnd_wan;
  std::string industry_code, scale;                    // GB/T 4754 code; 规上 / 规下
  std::optional<double> electricity_kwh, emissions_t;  // kWh, t
};

struct TenancyRec {
  std::string id, enterprise_id, building_id, parcel_id;
  std::optional<double> leased_m2;
  std::optional<Date> start, end;
};

struct Input {
  std::map<std::string, std::string> meta;  // parkgis_meta
  std::vector<ParkRec> parks;               // ordered by id
  std::vector<ZoneRec> zones;
  std::vector<ParcelRec> parcels;
  std::vector<BuildingRec> buildings;
  std::vector<ApprovalRec> approvals;
  std::vector<EnterpriseRec> enterprises;  // all years
  std::vector<TenancyRec> tenancies;       // leases as imported (checked), all dates
};

// Reads the imported layers. Optional layers that were absent give empty vectors. With `second`, another
// connection to the same database, two tables are read at a time, one on each connection (the largest,
// buildings, beside the others).
Input load_input(store::Store& store, store::Store* second = nullptr);

// gov_cause text to a flag: empty, "0", "否", "无", "no", "false", "n" are false; anything else true.
bool truthy(const std::string& text);

}  // namespace parkgis::analysis
