// Zone/park ratios come from sums, never from averaging smaller units (hand-computed).
#include <gtest/gtest.h>

#include "libgis/core/units.h"
#include "libgis/indicators/aggregate.h"

using namespace parkgis::indicators;

TEST(IndicatorsAggregate, RatiosFromSums) {
  AreaSums a;
  a.approved_m2 = 10000;
  a.supplied_m2 = 8000;
  a.unsupplied_m2 = 2000;
  a.idle_m2 = 1000;
  a.built_m2 = 6000;
  a.industrial_built_m2 = 4500;
  a.footprint_m2 = 2400;
  a.floor_m2 = 7200;
  a.vacant_m2 = 720;
  a.used_m2 = 20000.0 / 3.0;  // exactly 10 亩
  a.output_wan = 5000;
  a.tax_wan = 300;
  const Ratios r = ratios_of(a);
  EXPECT_DOUBLE_EQ(*r.supply_rate, 0.8);
  EXPECT_DOUBLE_EQ(*r.unsupplied_rate, 0.2);
  EXPECT_DOUBLE_EQ(*r.idle_rate, 0.125);
  EXPECT_DOUBLE_EQ(*r.built_up_rate, 0.75);
  EXPECT_DOUBLE_EQ(*r.industrial_share, 0.75);
  EXPECT_DOUBLE_EQ(*r.comprehensive_plot_ratio, 1.2);
  EXPECT_DOUBLE_EQ(*r.building_density, 0.4);
  EXPECT_DOUBLE_EQ(*r.vacancy_rate, 0.1);
  EXPECT_NEAR(*r.output_per_mu, 500.0, 1e-9);  // 万元/亩
  EXPECT_NEAR(*r.tax_per_mu, 30.0, 1e-9);
  EXPECT_FALSE(r.factory_vacancy_rate.has_value());  // no factory floor area
}

TEST(IndicatorsAggregate, ParkRatioIsNotTheMeanOfZoneRatios) {
  AreaSums z1, z2;
  z1.floor_m2 = 1000;
  z1.vacant_m2 = 500;  // 50 %
  z2.floor_m2 = 9000;
  z2.vacant_m2 = 0;  // 0 %
  AreaSums park;
  park += z1;
  park += z2;
  EXPECT_DOUBLE_EQ(*ratios_of(park).vacancy_rate, 0.05);  // not (50 % + 0 %) / 2
}

TEST(IndicatorsAggregate, ZeroDivisorsGiveNoValue) {
  const Ratios r = ratios_of(AreaSums{});
  EXPECT_FALSE(r.supply_rate || r.tax_per_mu || r.vacancy_rate || r.idle_rate || r.unsupplied_rate);
  EXPECT_DOUBLE_EQ(parkgis::units::m2_to_mu(10000.0 / 15.0), 1.0);
}

// 闲置土地处置率 = disposed ÷ (idle + disposed parcels no longer idle), from sums: zone 1 has 3000 m²
// idle of which 1000 disposed; zone 2 a 2000 m² parcel reclaimed (disposed, no longer idle).
// Park: (1000 + 2000) / (3000 + 2000) = 0.6. 供而未用 adds up.
TEST(IndicatorsAggregate, IdleDisposalRateAndSuppliedNotUsed) {
  AreaSums z1, z2;
  z1.idle_m2 = 3000;
  z1.disposed_m2 = 1000;
  z1.disposal_base_m2 = 3000;
  z1.supplied_not_used_m2 = 1500;
  z1.supplied_not_used_parcels = 2;
  z2.disposed_m2 = 2000;
  z2.disposal_base_m2 = 2000;
  z2.supplied_not_used_m2 = 500;
  z2.supplied_not_used_parcels = 1;
  EXPECT_NEAR(*ratios_of(z1).idle_disposal_rate, 1.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(*ratios_of(z2).idle_disposal_rate, 1.0);
  AreaSums park;
  park += z1;
  park += z2;
  EXPECT_DOUBLE_EQ(*ratios_of(park).idle_disposal_rate, 0.6);
  EXPECT_NEAR(park.supplied_not_used_m2, 2000.0, 1e-9);  // m²
  EXPECT_EQ(park.supplied_not_used_parcels, 3);
  EXPECT_FALSE(ratios_of(AreaSums{}).idle_disposal_rate);  // nothing idle: no rate
}

// TD/T 1029 additions from tiny sums (hand-computed):
//   land 40 000 m², supplied 20 000 + unsupplied 6 000 → 土地开发率 26 000 / 40 000 = 0.65
//   工矿仓储 built 10 000 m² (1 公顷): floor 9 000 → 0.9; footprint 4 500 → 0.45; tax 300 万元 → 300 万元/公顷
//   investment 4 000 万元 on the 8 000 m² (0.8 公顷) whose investment is known → 5 000 万元/公顷
//   all built 16 000 m² (1.6 公顷), tax 480 万元 → 综合地均税收 300 万元/公顷
//   mean yearly supply 2 000 m² → 尚可供地年数 6 000 / 2 000 = 3 years
TEST(IndicatorsAggregate, IntensityAdditions) {
  AreaSums a;
  a.land_m2 = 40000;
  a.supplied_m2 = 20000;
  a.unsupplied_m2 = 6000;
  a.built_m2 = 16000;
  a.industrial_built_m2 = 10000;
  a.industrial_floor_m2 = 9000;
  a.industrial_footprint_m2 = 4500;
  a.industrial_tax_wan = 300;
  a.industrial_investment_wan = 4000;
  a.industrial_investment_m2 = 8000;
  a.tax_wan = 480;
  a.yearly_supply_m2 = 2000;
  const Ratios r = ratios_of(a);
  EXPECT_DOUBLE_EQ(*r.land_development_rate, 0.65);
  EXPECT_DOUBLE_EQ(*r.industrial_plot_ratio, 0.9);
  EXPECT_DOUBLE_EQ(*r.industrial_building_coefficient, 0.45);
  EXPECT_NEAR(*r.industrial_tax_wan_per_ha, 300, 1e-9);         // 万元/公顷
  EXPECT_NEAR(*r.industrial_investment_wan_per_ha, 5000, 1e-9);  // 万元/公顷
  EXPECT_NEAR(*r.tax_wan_per_ha, 300, 1e-9);                     // 万元/公顷
  EXPECT_DOUBLE_EQ(*r.supply_years_left, 3);
  // Sums add up: two such units give the same ratios.
  AreaSums two = a;
  two += a;
  EXPECT_DOUBLE_EQ(*ratios_of(two).supply_years_left, 3);
  EXPECT_NEAR(*ratios_of(two).industrial_investment_wan_per_ha, 5000, 1e-9);
  // Nothing supplied in the last years: no figure, not infinity.
  a.yearly_supply_m2 = 0;
  EXPECT_FALSE(ratios_of(a).supply_years_left);
}
