// Building × parcel overlay on a hand-computed fixture (areas in m², tolerance 1e-6 m²).
#include <gtest/gtest.h>

#include "libgis/indicators/overlay.h"

using namespace parkgis;

namespace {

constexpr double kTol = 1e-6;  // m²

struct Fixture {
  geom::Context ctx;
  std::vector<geom::GeomPtr> keep;
  const GEOSGeometry* g(const std::string& wkt) {
    keep.push_back(geom::from_wkt(ctx, wkt));
    return keep.back().get();
  }
  std::string box(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
  }
};

}  // namespace

TEST(IndicatorsOverlay, SplitsCrossingBuildingsAndUnionsOverlaps) {
  Fixture f;
  const auto* P = f.g(f.box(0, 0, 100, 100));    // 10 000 m²
  const auto* Q = f.g(f.box(100, 0, 200, 100));  // east neighbour
  std::vector<indicators::BuildingInput> b = {
      {f.g(f.box(10, 10, 30, 30)), 800, 200, true},      // b1: 400 m² inside P
      {f.g(f.box(20, 20, 40, 40)), 1200, 0, false},      // b2: overlaps b1 by 100 m²
      {f.g(f.box(90, 50, 110, 60)), 400, 100, true},     // b3: 200 m², half in P, half in Q
      {f.g(f.box(200, 0, 210, 10)), 999, 999, true},     // b4: touches Q's edge only
  };
  const auto r = indicators::overlay_buildings(f.ctx, {P, Q}, b);
  ASSERT_EQ(r.size(), 2u);
  // P: footprint = |b1 ∪ b2| + half of b3 = (400 + 400 − 100) + 100 = 800
  EXPECT_NEAR(r[0].footprint_m2, 800.0, kTol);
  EXPECT_NEAR(r[0].floor_m2, 800 + 1200 + 400 * 0.5, kTol);   // 2200
  EXPECT_NEAR(r[0].vacant_m2, 200 + 0 + 100 * 0.5, kTol);     // 250
  EXPECT_NEAR(r[0].factory_floor_m2, 800 + 200, kTol);        // b1 + half of b3
  EXPECT_NEAR(r[0].factory_vacant_m2, 200 + 50, kTol);
  EXPECT_EQ(r[0].buildings, 3);
  // Q: the other half of b3; b4 only touches the boundary (no area) and is not counted.
  EXPECT_NEAR(r[1].footprint_m2, 100.0, kTol);
  EXPECT_NEAR(r[1].floor_m2, 200.0, kTol);
  EXPECT_NEAR(r[1].vacant_m2, 50.0, kTol);
  EXPECT_EQ(r[1].buildings, 1);
}

TEST(IndicatorsOverlay, ParcelWithHoleAndMultipart) {
  Fixture f;
  // 100 × 100 with a 20 × 20 hole, plus a second part 10 × 10 far away.
  const auto* R = f.g("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)),"
                      "((500 500,510 500,510 510,500 510,500 500)))");
  std::vector<indicators::BuildingInput> b = {
      {f.g(f.box(45, 45, 55, 55)), 100, 0, false},   // inside the hole: not on the parcel
      {f.g(f.box(30, 30, 70, 70)), 1600, 400, false},  // 1600 m², 400 m² over the hole -> share 0.75
      {f.g(f.box(502, 502, 508, 508)), 72, 0, false},  // 36 m² in the second part
  };
  const auto r = indicators::overlay_buildings(f.ctx, {R}, b);
  EXPECT_NEAR(r[0].footprint_m2, 1200.0 + 36.0, kTol);
  EXPECT_NEAR(r[0].floor_m2, 1600 * 0.75 + 72, kTol);
  EXPECT_NEAR(r[0].vacant_m2, 400 * 0.75, kTol);
  EXPECT_EQ(r[0].buildings, 2);
}

TEST(IndicatorsOverlay, ParcelWithoutBuildings) {
  Fixture f;
  const auto r = indicators::overlay_buildings(f.ctx, {f.g(f.box(0, 0, 10, 10))}, {});
  EXPECT_EQ(r[0].footprint_m2, 0.0);
  EXPECT_EQ(r[0].buildings, 0);
}

TEST(IndicatorsOverlay, FactoryUses) {
  EXPECT_TRUE(indicators::is_factory_use("factory"));
  EXPECT_TRUE(indicators::is_factory_use("Factory"));
  EXPECT_TRUE(indicators::is_factory_use("厂房"));
  EXPECT_FALSE(indicators::is_factory_use("office"));
  EXPECT_FALSE(indicators::is_factory_use(""));
}
