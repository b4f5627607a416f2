#include "libgis/indicators/aggregate.h"

#include "libgis/core/units.h"

namespace parkgis::indicators {

AreaSums& AreaSums::operator+=(const AreaSums& o) {
  land_m2 += o.land_m2;
  approved_m2 += o.approved_m2;
  supplied_m2 += o.supplied_m2;
  unsupplied_m2 += o.unsupplied_m2;
  parcel_m2 += o.parcel_m2;
  idle_m2 += o.idle_m2;
  built_m2 += o.built_m2;
  industrial_built_m2 += o.industrial_built_m2;
  footprint_m2 += o.footprint_m2;
  floor_m2 += o.floor_m2;
  vacant_m2 += o.vacant_m2;
  factory_floor_m2 += o.factory_floor_m2;
  factory_vacant_m2 += o.factory_vacant_m2;
  used_m2 += o.used_m2;
  output_wan += o.output_wan;
  tax_wan += o.tax_wan;
  parcels += o.parcels;
  idle_parcels += o.idle_parcels;
  low_efficiency_parcels += o.low_efficiency_parcels;
  gov_cause_idle_m2 += o.gov_cause_idle_m2;
  idle_unknown_m2 += o.idle_unknown_m2;
  disposed_m2 += o.disposed_m2;
  disposal_base_m2 += o.disposal_base_m2;
  supplied_not_used_m2 += o.supplied_not_used_m2;
  idle_unknown_parcels += o.idle_unknown_parcels;
  supplied_not_used_parcels += o.supplied_not_used_parcels;
  vacant_undated_m2 += o.vacant_undated_m2;
  vacant_idle_m2 += o.vacant_idle_m2;
  leased_floor_m2 += o.leased_floor_m2;
  factory_leased_m2 += o.factory_leased_m2;
  factory_occupied_m2 += o.factory_occupied_m2;
  tenant_tax_wan += o.tenant_tax_wan;
  firms += o.firms;
  tenant_firms += o.tenant_firms;
  below_control_parcels += o.below_control_parcels;
  industrial_floor_m2 += o.industrial_floor_m2;
  industrial_footprint_m2 += o.industrial_footprint_m2;
  industrial_tax_wan += o.industrial_tax_wan;
  industrial_investment_wan += o.industrial_investment_wan;
  industrial_investment_m2 += o.industrial_investment_m2;
  yearly_supply_m2 += o.yearly_supply_m2;
  return *this;
}

std::optional<double> ratio(double a, double b) {
  if (!(b > 0)) return std::nullopt;
  return a / b;
}

Ratios ratios_of(const AreaSums& s) {
  Ratios r;
  const double used_mu = units::m2_to_mu(s.used_m2);
  r.vacancy_rate = ratio(s.vacant_m2, s.floor_m2);
  r.factory_vacancy_rate = ratio(s.factory_vacant_m2, s.factory_floor_m2);
  r.output_per_mu = ratio(s.output_wan, used_mu);
  r.tax_per_mu = ratio(s.tax_wan, used_mu);
  r.supply_rate = ratio(s.supplied_m2, s.approved_m2);
  r.built_up_rate = ratio(s.built_m2, s.supplied_m2);
  r.industrial_share = ratio(s.industrial_built_m2, s.built_m2);
  r.comprehensive_plot_ratio = ratio(s.floor_m2, s.built_m2);
  r.building_density = ratio(s.footprint_m2, s.built_m2);
  r.idle_rate = ratio(s.idle_m2, s.supplied_m2);
  r.unsupplied_rate = ratio(s.unsupplied_m2, s.approved_m2);
  r.idle_disposal_rate = ratio(s.disposed_m2, s.disposal_base_m2);
  r.factory_let_rate = ratio(s.factory_leased_m2, s.factory_floor_m2);
  r.factory_occupancy_rate = ratio(s.factory_occupied_m2, s.factory_floor_m2);
  r.tenant_tax_share = ratio(s.tenant_tax_wan, s.tax_wan);
  // TD/T 1029 additions; money per 公顷 as the standard gives it.
  constexpr double kM2PerHa = 10000;
  r.land_development_rate = ratio(s.supplied_m2 + s.unsupplied_m2, s.land_m2);
  r.industrial_plot_ratio = ratio(s.industrial_floor_m2, s.industrial_built_m2);
  r.industrial_building_coefficient = ratio(s.industrial_footprint_m2, s.industrial_built_m2);
  r.industrial_tax_wan_per_ha = ratio(s.industrial_tax_wan, s.industrial_built_m2 / kM2PerHa);
  r.industrial_investment_wan_per_ha = ratio(s.industrial_investment_wan, s.industrial_investment_m2 / kM2PerHa);
  r.tax_wan_per_ha = ratio(s.tax_wan, s.built_m2 / kM2PerHa);
  r.supply_years_left = ratio(s.unsupplied_m2, s.yearly_supply_m2);
  return r;
}

}  // namespace parkgis::indicators
