#pragma once
// The analysis results in memory, before they are written as tables (tables.cpp).

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/geom/geos.h"
#include "libgis/core/dates.h"
#include "libgis/core/units.h"
#include "libgis/indicators/aggregate.h"
#include "libgis/indicators/control.h"
#include "libgis/indicators/grading.h"
#include "libgis/indicators/idle_rules.h"
#include "libgis/indicators/overlay.h"

namespace parkgis::analysis {

struct ParcelResult {
  std::string park_id;
  double area_m2 = 0;
  bool supplied = false, started = false, industrial = false, industrial_storage = false;
  indicators::ParcelOverlay overlay;
  indicators::IdleResult idle;
  int enterprise = -1;  // index into Results::enterprises, -1 when none
  std::optional<double> output_wan, tax_wan;  // the enterprise's figures shared by parcel area
  // Land held and rented at as_of (land.cpp, indicators/tenancy.h).
  bool held = false;              // anyone's land at as_of: supplied on or before it, or no supply date
  double used_m2 = 0;             // land counted for enterprises (the whole parcel when it has a holder)
  int tenants = 0;                // enterprises renting here (floor or land leases in force)
  double leased_land_m2 = 0, leased_floor_m2 = 0, factory_leased_m2 = 0;  // tenants' part
  double factory_occupied_m2 = 0;  // factory floor let, or used by its holder (not let, not vacant)
  double tenant_tax_wan = 0;       // the tenants' tax on this parcel
  // 2008 control indicators and 低效用地 screening: completed industrial projects only (control_checked).
  std::optional<Date> completion_due;
  std::optional<double> investment_wan;  // fixed-asset investment incl. land price (config basis)
  bool control_checked = false;
  indicators::IndustryStandard industry;
  indicators::ControlResult control;
  std::vector<std::string> low_efficiency;  // screening reasons (empty: none)
};

// 供而未用: supplied, not started and without buildings.
inline bool supplied_not_used(const ParcelResult& r) { return r.supplied && !r.started && r.overlay.buildings == 0; }

struct EnterpriseResult {
  std::string id, name, industry;
  int year = 0;  // the year whose figures are used (0: none)
  std::optional<double> output_wan, tax_wan, value_added_wan, energy_tce, employees, rnd_wan;
  std::string industry_code, scale;
  std::optional<double> electricity_kwh, emissions_t;
  int zero_tax_years = 0;  // consecutive latest years with tax 0 (not after as_of)
  double land_m2 = 0;             // owned_land_m2 + leased_land_m2
  double owned_land_m2 = 0, leased_land_m2 = 0, leased_floor_m2 = 0;
  int parcels = 0;                 // parcels it holds at as_of
  std::string zone_id, park_id;  // where most of its land lies
  indicators::EnterpriseScore score;
};

// An enterprise's figures as the grading reads them (group and land flags are set by the analysis).
inline indicators::EnterpriseInput grading_input(const EnterpriseResult& e) {
  indicators::EnterpriseInput g;
  g.enterprise_id = e.id;
  g.year = e.year;
  g.land_mu = units::m2_to_mu(e.land_m2);
  g.output_wan = e.output_wan;
  g.tax_wan = e.tax_wan;
  g.value_added_wan = e.value_added_wan;
  g.energy_tce = e.energy_tce;
  g.rnd_wan = e.rnd_wan;
  g.employees = e.employees;
  g.electricity_kwh = e.electricity_kwh;
  g.emissions_t = e.emissions_t;
  g.scale = e.scale;
  g.industry_code = e.industry_code;
  return g;
}

struct UnitResult {  // a zone or a park
  std::string id, park_id, name, county;
  int zones = 0;
  indicators::AreaSums sums;
  std::string wkb;
};

// One approval batch (批次) approved on or before as_of (or undated), as 增存挂钩 manages them.
struct ApprovalResult {
  std::string id, zone_id, park_id;
  std::optional<Date> approved;
  double approved_m2 = 0;    // area of the approval polygon
  double supplied_m2 = 0;    // area(approval ∩ ∪ parcels supplied by as_of)
  double unsupplied_m2 = 0;  // approval − supplied parcels, pieces of 1 m² or more (批而未供)
};

struct UnsuppliedPiece {
  std::string id, zone_id, park_id;
  double area_m2 = 0;
  std::string wkb;
};

}  // namespace parkgis::analysis
