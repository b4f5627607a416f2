// Approved / supplied / unsupplied (批而未供) land of a zone, hand-computed (m², tolerance 1e-6 m²).
#include <gtest/gtest.h>

#include "libgis/indicators/supply.h"

using namespace parkgis;

namespace {

constexpr double kTol = 1e-6;  // m²

struct Fixture {
  geom::Context ctx;
  std::vector<geom::GeomPtr> keep;
  const GEOSGeometry* box(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    keep.push_back(geom::from_wkt(ctx, "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) +
                                           "," + p(x0, y0) + "))"));
    return keep.back().get();
  }
};

}  // namespace

TEST(IndicatorsSupply, UnsuppliedIsApprovedMinusSupplied) {
  Fixture f;
  const auto* zone = f.box(0, 0, 100, 100);
  // Two overlapping approvals; the second reaches outside the zone: ∪ ∩ zone = the whole zone.
  const std::vector<const GEOSGeometry*> approvals = {f.box(0, 0, 60, 100), f.box(40, 0, 120, 100)};
  // Three supplied parcels (a coverage): 7500 m².
  const std::vector<const GEOSGeometry*> supplied = {f.box(0, 0, 50, 50), f.box(50, 0, 100, 50), f.box(0, 50, 50, 100)};
  const auto s = indicators::zone_supply(f.ctx, zone, approvals, supplied);
  EXPECT_NEAR(s.approved_m2, 10000.0, kTol);
  EXPECT_NEAR(s.supplied_m2, 7500.0, kTol);
  EXPECT_NEAR(s.unsupplied_m2, 2500.0, kTol);
  ASSERT_EQ(s.unsupplied_pieces.size(), 1u);
  EXPECT_NEAR(geom::area(f.ctx, s.unsupplied_pieces[0].get()), 2500.0, kTol);
}

TEST(IndicatorsSupply, SliversAreDropped) {
  Fixture f;
  const auto* zone = f.box(0, 0, 100, 100);
  const std::vector<const GEOSGeometry*> supplied = {f.box(0, 0, 100, 99.999)};  // leaves a 0.1 m² strip
  const auto s = indicators::zone_supply(f.ctx, zone, {zone}, supplied);
  EXPECT_NEAR(s.unsupplied_m2, 0.0, kTol);
  EXPECT_TRUE(s.unsupplied_pieces.empty());
}

TEST(IndicatorsSupply, OverlappingParcelsAreNotCountedTwice) {
  Fixture f;
  const auto* zone = f.box(0, 0, 100, 100);
  const std::vector<const GEOSGeometry*> supplied = {f.box(0, 0, 60, 100), f.box(40, 0, 80, 100)};  // overlap 40 × 100
  const auto s = indicators::zone_supply(f.ctx, zone, {zone}, supplied);
  EXPECT_NEAR(s.supplied_m2, 8000.0, kTol);
  EXPECT_NEAR(s.unsupplied_m2, 2000.0, kTol);
}

TEST(IndicatorsSupply, NoApprovalsMeansNothingUnsupplied) {
  Fixture f;
  const auto s = indicators::zone_supply(f.ctx, f.box(0, 0, 10, 10), {}, {f.box(0, 0, 5, 5)});
  EXPECT_EQ(s.approved_m2, 0.0);
  EXPECT_NEAR(s.supplied_m2, 25.0, kTol);
  EXPECT_EQ(s.unsupplied_m2, 0.0);
}
