#pragma once
// Zone and park figures: sums of areas and money, and the ratios computed from those sums (never
// averaged from smaller units). All areas m², money 万元; ratios are plain fractions (0.25 = 25 %).
// Measures after TD/T 1029 (开发区土地集约利用评价规程), with the inputs a parkgis dataset has;
// docs/indicators.md gives each formula and where it departs from the standard's definitions.

#include <optional>

namespace parkgis::indicators {

struct AreaSums {
  double land_m2 = 0;          // zone (park) polygon area
  double approved_m2 = 0;      // ∪ approvals ∩ unit
  double supplied_m2 = 0;      // ∪ parcels supplied on or before as_of ∩ unit
  double unsupplied_m2 = 0;    // 批而未供: approved − supplied
  double parcel_m2 = 0;        // Σ parcel area (parcels assigned to the unit)
  double idle_m2 = 0;          // Σ area of idle parcels (any idle status)
  double built_m2 = 0;         // Σ area of supplied parcels with buildings (已建成)
  double industrial_built_m2 = 0;  // the same, 工矿仓储 land only
  double footprint_m2 = 0;     // building footprint on built parcels
  double floor_m2 = 0;         // floor area on the unit's parcels
  double vacant_m2 = 0;        // idle floor area
  double factory_floor_m2 = 0, factory_vacant_m2 = 0;
  double used_m2 = 0;          // Σ area of parcels with a user (enterprise)
  double output_wan = 0, tax_wan = 0;
  long parcels = 0, idle_parcels = 0, low_efficiency_parcels = 0;
  // Rented floor space and vacancy (小微园 measures, docs/indicators.md).
  double vacant_undated_m2 = 0, vacant_idle_m2 = 0;   // parts of vacant_m2: undated, type 闲置
  double leased_floor_m2 = 0, factory_leased_m2 = 0;  // floor let to tenants in force
  double factory_occupied_m2 = 0;                     // factory floor let or used by its holder
  double tenant_tax_wan = 0;                          // tenants' share of tax_wan
  long firms = 0, tenant_firms = 0;  // 入驻企业 (land or a lease in force), of them tenants; distinct per unit

  // Order 53 and 供而未用 (docs/indicators.md, Idle land; 供而未用).
  double gov_cause_idle_m2 = 0;     // part of idle_m2: government-caused idle land (Art. 8)
  double idle_unknown_m2 = 0;       // supplied parcels whose idle status is unknown (待核实)
  double disposed_m2 = 0;           // parcels with a disposal (处置) completed by as_of
  double disposal_base_m2 = 0;      // idle_m2 + disposed parcels no longer idle: divisor of 闲置土地处置率
  double supplied_not_used_m2 = 0;  // 供而未用: supplied, not started, no buildings
  long idle_unknown_parcels = 0, supplied_not_used_parcels = 0;

  // --- 2008 control indicators and TD/T 1029 additions (parcel-based, docs/indicators.md).
  long below_control_parcels = 0;          // completed industrial parcels failing a 2008 control indicator
  double industrial_floor_m2 = 0;          // floor area on built 工矿仓储 parcels
  double industrial_footprint_m2 = 0;      // building footprint on built 工矿仓储 parcels
  double industrial_tax_wan = 0;           // tax shares on built 工矿仓储 parcels
  double industrial_investment_wan = 0;    // fixed-asset investment (incl. land price) on built 工矿仓储 parcels
  double industrial_investment_m2 = 0;     // the area of those of them whose investment is known
  double yearly_supply_m2 = 0;             // mean yearly supply over the last N years before as_of

  AreaSums& operator+=(const AreaSums& o);
};

struct Ratios {
  std::optional<double> vacancy_rate;              // vacant_m2 / floor_m2
  std::optional<double> factory_vacancy_rate;      // factory_vacant_m2 / factory_floor_m2 (厂房闲置率)
  std::optional<double> output_per_mu;             // output_wan / used 亩 (万元/亩)
  std::optional<double> tax_per_mu;                // tax_wan / used 亩 (万元/亩)
  std::optional<double> supply_rate;               // supplied_m2 / approved_m2 (土地供应率)
  std::optional<double> built_up_rate;             // built_m2 / supplied_m2 (土地建成率)
  std::optional<double> industrial_share;          // industrial_built_m2 / built_m2 (工业用地率)
  std::optional<double> comprehensive_plot_ratio;  // floor_m2 / built_m2 (综合容积率)
  std::optional<double> building_density;          // footprint_m2 / built_m2 (建筑密度)
  std::optional<double> idle_rate;                 // idle_m2 / supplied_m2 (土地闲置率)
  std::optional<double> unsupplied_rate;           // unsupplied_m2 / approved_m2 (批而未供率)
  std::optional<double> idle_disposal_rate;        // disposed_m2 / disposal_base_m2 (闲置土地处置率)
  std::optional<double> factory_let_rate;          // factory_leased_m2 / factory_floor_m2 (厂房出租率)
  std::optional<double> factory_occupancy_rate;    // factory_occupied_m2 / factory_floor_m2 (入驻率)
  std::optional<double> tenant_tax_share;          // tenant_tax_wan / tax_wan (承租企业税收占比)
  // --- TD/T 1029 additions.
  std::optional<double> land_development_rate;     // (supplied_m2 + unsupplied_m2) / land_m2 (土地开发率)
  std::optional<double> industrial_plot_ratio;     // industrial_floor_m2 / industrial_built_m2 (工业用地综合容积率)
  std::optional<double> industrial_building_coefficient;  // industrial_footprint_m2 / industrial_built_m2
  std::optional<double> industrial_tax_wan_per_ha;        // industrial_tax_wan / industrial_built 公顷
  std::optional<double> industrial_investment_wan_per_ha; // industrial_investment_wan / its 公顷
  std::optional<double> tax_wan_per_ha;            // tax_wan / built 公顷 (综合地均税收)
  std::optional<double> supply_years_left;         // unsupplied_m2 / yearly_supply_m2 (尚可供地年数)
};

// Ratios of a unit; each is none when its divisor is zero. firms and tenant_firms are not additive
// (one firm in two zones): operator+= adds them, callers set the distinct counts of larger units.
Ratios ratios_of(const AreaSums& s);

// a / b, none when b is not positive.
std::optional<double> ratio(double a, double b);

}  // namespace parkgis::indicators
