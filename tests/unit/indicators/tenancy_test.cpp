// Land attributed to holders and tenants of rented floors (hand-computed; areas in m², tolerance 1e-9 m²).
#include <gtest/gtest.h>

#include "libgis/indicators/tenancy.h"

using namespace parkgis::indicators;
using parkgis::Date;

namespace {

constexpr double kTol = 1e-9;  // m²
const Date kAsOf{2026, 6, 30};

// Land per enterprise over all shares.
std::vector<double> land_by_enterprise(const std::vector<LandShare>& shares, std::size_t enterprises) {
  std::vector<double> out(enterprises, 0);
  for (const LandShare& s : shares) out[s.enterprise] += s.land_m2;
  return out;
}

Lease building_lease(std::size_t tenant, std::size_t building, double m2, std::optional<Date> start = Date{2024, 1, 1},
                     std::optional<Date> end = std::nullopt) {
  return {tenant, building, std::nullopt, m2, start, end};
}

}  // namespace

TEST(IndicatorsTenancy, LeaseInForceOnBothEndDays) {
  EXPECT_TRUE(lease_in_force(building_lease(0, 0, 1, Date{2026, 6, 30}), kAsOf));  // starts that day
  EXPECT_TRUE(lease_in_force(building_lease(0, 0, 1, Date{2020, 1, 1}, Date{2026, 6, 30}), kAsOf));  // ends that day
  EXPECT_TRUE(lease_in_force(building_lease(0, 0, 1, std::nullopt), kAsOf));  // no start: in force
  EXPECT_FALSE(lease_in_force(building_lease(0, 0, 1, Date{2026, 7, 1}), kAsOf));  // not yet started
  EXPECT_FALSE(lease_in_force(building_lease(0, 0, 1, Date{2020, 1, 1}, Date{2026, 6, 29}), kAsOf));  // expired
}

TEST(IndicatorsTenancy, BuildingAcrossTwoParcels) {
  // Holder 0 holds P0 (1000 m²) and P1 (2000 m²). Building b0 (600 m² of floor) stands 1/3 on P0 (200 m²)
  // and 2/3 on P1 (400 m²); b1 (400 m²) stands on P1 only: P0 floor 200, P1 floor 800.
  // Tenant 1 rents 300 m² of b0:
  //   P0: leased floor 300 × 200/600 = 100 → land 1000 × 100/200 = 500; holder keeps 500.
  //   P1: leased floor 300 × 400/600 = 200 → land 2000 × 200/800 = 500; holder keeps 1500.
  const std::vector<LandParcel> parcels = {{1000, 0, true, 200}, {2000, 0, true, 800}};
  const std::vector<FloorShare> floors = {{0, 0, 200, true}, {1, 0, 400, true}, {1, 1, 400, false}};
  const auto shares = allocate_land(parcels, floors, {600, 400}, {building_lease(1, 0, 300)}, kAsOf);
  ASSERT_EQ(shares.size(), 4u);
  EXPECT_EQ(shares[0].enterprise, 0u);  // P0 holder first
  EXPECT_FALSE(shares[0].tenant);
  EXPECT_NEAR(shares[0].land_m2, 500, kTol);
  EXPECT_NEAR(shares[0].floor_m2, 100, kTol);  // 200 − 100 not let
  EXPECT_TRUE(shares[1].tenant);
  EXPECT_EQ(shares[1].building, std::optional<std::size_t>{0});
  EXPECT_NEAR(shares[1].land_m2, 500, kTol);
  EXPECT_NEAR(shares[1].floor_m2, 100, kTol);
  EXPECT_NEAR(shares[1].factory_floor_m2, 100, kTol);
  EXPECT_NEAR(shares[2].land_m2, 1500, kTol);  // P1 holder
  EXPECT_NEAR(shares[2].floor_m2, 600, kTol);  // 800 − 200
  EXPECT_NEAR(shares[2].factory_floor_m2, 200, kTol);  // b0's 400 on P1 less 200 let
  EXPECT_NEAR(shares[3].land_m2, 500, kTol);
  const auto land = land_by_enterprise(shares, 2);
  EXPECT_NEAR(land[0], 2000, kTol);
  EXPECT_NEAR(land[1], 1000, kTol);
  EXPECT_NEAR(land[0] + land[1], 3000, kTol);  // the parcels' area, no more
}

TEST(IndicatorsTenancy, ParcelWithTwoTenants) {
  // P0 3000 m², one building of 1200 m². Tenant 1 rents 400 m² (land 3000 × 400/1200 = 1000), tenant 2
  // rents 200 m² (land 500); the holder keeps 3000 − 1500 = 1500.
  const auto shares = allocate_land({{3000, 0, true, 1200}}, {{0, 0, 1200, true}}, {1200},
                                    {building_lease(1, 0, 400), building_lease(2, 0, 200)}, kAsOf);
  const auto land = land_by_enterprise(shares, 3);
  EXPECT_NEAR(land[0], 1500, kTol);
  EXPECT_NEAR(land[1], 1000, kTol);
  EXPECT_NEAR(land[2], 500, kTol);
}

TEST(IndicatorsTenancy, BuildingLetInFullLeavesTheHolderNoLand) {
  // P0 1000 m², one building of 500 m² let in full to tenant 1: all 1000 m² are the tenant's.
  const auto shares = allocate_land({{1000, 0, true, 500}}, {{0, 0, 500, true}}, {500}, {building_lease(1, 0, 500)}, kAsOf);
  ASSERT_EQ(shares.size(), 1u);  // no holder row
  EXPECT_EQ(shares[0].enterprise, 1u);
  EXPECT_NEAR(shares[0].land_m2, 1000, kTol);
}

TEST(IndicatorsTenancy, LeasesOverTheFloorAreaAreScaledDownTogether) {
  // 400 + 600 = 1000 m² let of a 500 m² building: scaled by 0.5 to 200 and 300 m², land 400 and 600 m².
  const auto shares = allocate_land({{1000, 0, true, 500}}, {{0, 0, 500, true}}, {500},
                                    {building_lease(1, 0, 400), building_lease(2, 0, 600)}, kAsOf);
  const auto land = land_by_enterprise(shares, 3);
  EXPECT_NEAR(land[0], 0, kTol);
  EXPECT_NEAR(land[1], 400, kTol);
  EXPECT_NEAR(land[2], 600, kTol);
}

TEST(IndicatorsTenancy, ExpiredAndNotYetStartedLeasesAreIgnored) {
  // Tenant 1's lease ended 2026-06-29, tenant 2's starts 2026-07-01: the holder keeps all 1000 m².
  const auto shares = allocate_land({{1000, 0, true, 500}}, {{0, 0, 500, true}}, {500},
                                    {building_lease(1, 0, 250, Date{2023, 1, 1}, Date{2026, 6, 29}),
                                     building_lease(2, 0, 250, Date{2026, 7, 1})},
                                    kAsOf);
  ASSERT_EQ(shares.size(), 1u);
  EXPECT_EQ(shares[0].enterprise, 0u);
  EXPECT_NEAR(shares[0].land_m2, 1000, kTol);
}

TEST(IndicatorsTenancy, TenantWhoAlsoOwnsLand) {
  // Enterprise 1 holds P1 (800 m²) and rents 100 m² of P0's 400 m² building (P0 2000 m²):
  // 800 + 2000 × 100/400 = 1300 m²; holder 0 keeps 1500 m².
  const auto shares = allocate_land({{2000, 0, true, 400}, {800, 1, true, 0}}, {{0, 0, 400, true}}, {400},
                                    {building_lease(1, 0, 100)}, kAsOf);
  const auto land = land_by_enterprise(shares, 2);
  EXPECT_NEAR(land[0], 1500, kTol);
  EXPECT_NEAR(land[1], 1300, kTol);
}

TEST(IndicatorsTenancy, LandSuppliedAfterTheEvaluationDateIsNobodysLand) {
  // P0 is not held at as_of (supplied later): neither its holder nor a tenant in force counts it.
  const auto shares = allocate_land({{1000, 0, false, 500}}, {{0, 0, 500, true}}, {500}, {building_lease(1, 0, 250)}, kAsOf);
  EXPECT_TRUE(shares.empty());
}

TEST(IndicatorsTenancy, LandLeaseTakesTheHoldersPart) {
  // P0 1000 m² held by 0 is let as land to 1; 2 rents half of its 600 m² building (300 m² → 500 m² of land).
  // Tenant 1 keeps the other 500 m²; the holder counts nothing.
  const std::vector<Lease> leases = {{1, std::nullopt, 0, 0, Date{2025, 1, 1}, std::nullopt}, building_lease(2, 0, 300)};
  const auto shares = allocate_land({{1000, 0, true, 600}}, {{0, 0, 600, false}}, {600}, leases, kAsOf);
  const auto land = land_by_enterprise(shares, 3);
  EXPECT_NEAR(land[0], 0, kTol);
  EXPECT_NEAR(land[1], 500, kTol);
  EXPECT_NEAR(land[2], 500, kTol);
  EXPECT_TRUE(shares[0].tenant);  // the land tenant's row
  EXPECT_FALSE(shares[0].building);
}

TEST(IndicatorsTenancy, ParcelWithoutHolderGivesOnlyTenantsLand) {
  // No known holder: the tenant counts 1000 × 100/400 = 250 m²; the rest is nobody's.
  const auto shares = allocate_land({{1000, std::nullopt, true, 400}}, {{0, 0, 400, true}}, {400},
                                    {building_lease(1, 0, 100)}, kAsOf);
  ASSERT_EQ(shares.size(), 1u);
  EXPECT_NEAR(shares[0].land_m2, 250, kTol);
}
