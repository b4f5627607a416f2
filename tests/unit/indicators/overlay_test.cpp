// Building × parcel overlay on a hand-computed fixture (areas in m², tolerance 1e-6 m²).
#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

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
      // b2: overlaps b1 by 100 m²; an office
      {.geometry = f.g(f.box(20, 20, 40, 40)), .floor_area_m2 = 1200, .office = true},
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
  EXPECT_NEAR(r[0].office_floor_m2, 1200, kTol);              // b2, wholly in P
  EXPECT_EQ(r[0].buildings, 3);
  // Q: the other half of b3; b4 only touches the boundary (no area) and is not counted.
  EXPECT_NEAR(r[1].footprint_m2, 100.0, kTol);
  EXPECT_NEAR(r[1].floor_m2, 200.0, kTol);
  EXPECT_NEAR(r[1].vacant_m2, 50.0, kTol);
  EXPECT_NEAR(r[1].office_floor_m2, 0.0, kTol);
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

// ---- The overlay from WKB on several threads, against the one-thread overlay on the same geometry.

namespace {

// Parcels of uneven sizes in rows, buildings of uneven sizes: many crossing parcel lines, overlapping
// each other, one long building across a whole row, plus a parcel with a hole, a multipart parcel, and
// parcels and buildings without geometry or with unreadable WKB.
struct WkbFixture {
  geom::Context ctx;
  std::vector<std::string> parcel_wkb, building_wkb;
  std::vector<double> floor, vacant;
  std::vector<bool> factory;

  static std::string box(double x0, double y0, double x1, double y1) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))", x0, y0, x1, y0,
                  x1, y1, x0, y1, x0, y0);
    return buf;
  }
  std::string wkb(const std::string& wkt) { return geom::to_wkb(ctx, geom::from_wkt(ctx, wkt).get()); }
  void building(const std::string& wkt, double f, double v, bool fac) {
    building_wkb.push_back(wkt.empty() ? std::string() : wkb(wkt));
    floor.push_back(f);
    vacant.push_back(v);
    factory.push_back(fac);
  }

  WkbFixture() {
    unsigned seed = 12345;
    const auto rnd = [&seed] {  // 0 .. 1, deterministic
      seed = seed * 1103515245u + 12345u;
      return static_cast<double>((seed >> 8) & 0xffff) / 65535.0;
    };
    for (int row = 0; row < 12; ++row) {
      double x = 0;
      const double y0 = row * 70.0, y1 = y0 + 50 + 10 * rnd();
      for (int col = 0; col < 14; ++col) {
        const double w = 30 + 40 * rnd();
        parcel_wkb.push_back(wkb(box(x, y0, x + w, y1)));
        // Two to four buildings per parcel, some crossing into the next parcel, some overlapping.
        const int n = 2 + static_cast<int>(rnd() * 3);
        for (int k = 0; k < n; ++k) {
          const double bx = x + rnd() * w, by = y0 + rnd() * 40, bw = 5 + 25 * rnd(), bh = 5 + 15 * rnd();
          building(box(bx, by, bx + bw, by + bh), 100 + 1000 * rnd(), 50 * rnd(), rnd() < 0.5);
        }
        x += w;  // parcels touch
      }
      building(box(1, y0 + 45, x - 1, y0 + 48), 5000, 700, true);  // across the whole row
    }
    parcel_wkb.push_back(wkb("POLYGON((2000 0,2100 0,2100 100,2000 100,2000 0),(2040 40,2060 40,2060 60,2040 60,2040 40))"));
    parcel_wkb.push_back(wkb("MULTIPOLYGON(((3000 0,3010 0,3010 10,3000 10,3000 0)),((3500 500,3510 500,3510 510,3500 510,3500 500)))"));
    building(box(2030, 30, 2070, 70), 1600, 400, false);  // over the hole
    building(box(3005, 5, 3505, 505), 9000, 10, true);    // spans both parts of the multipart parcel
    building("", 100, 10, true);                           // no geometry
    building_wkb.push_back("\x01\x03\x00");                // unreadable
    floor.push_back(1);
    vacant.push_back(1);
    factory.push_back(false);
    parcel_wkb.push_back("");               // no geometry
    parcel_wkb.push_back("\x01\x06\x00");  // unreadable
  }

  std::vector<indicators::ParcelOverlay> one_thread() {
    std::vector<geom::GeomPtr> keep;
    std::vector<const GEOSGeometry*> parcels;
    for (const std::string& w : parcel_wkb) {
      keep.push_back(w.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, w));
      parcels.push_back(keep.back().get());
    }
    std::vector<indicators::BuildingInput> b;
    for (std::size_t i = 0; i < building_wkb.size(); ++i) {
      keep.push_back(building_wkb[i].empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, building_wkb[i]));
      b.push_back({keep.back().get(), floor[i], vacant[i], factory[i]});
    }
    return indicators::overlay_buildings(ctx, parcels, b);
  }
  // The envelope the store would give (none for a geometry it cannot read).
  std::optional<geom::Envelope> envelope(const std::string& wkb) {
    geom::GeomPtr g = wkb.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, wkb);
    geom::Envelope e;
    if (!geom::envelope(ctx, g.get(), &e.minx, &e.miny, &e.maxx, &e.maxy)) return std::nullopt;
    return e;
  }
  std::vector<indicators::ParcelWkb> parcels() {
    std::vector<indicators::ParcelWkb> p;
    for (const std::string& w : parcel_wkb) p.push_back({w, envelope(w)});
    return p;
  }
  std::vector<indicators::BuildingWkb> buildings() {
    std::vector<indicators::BuildingWkb> b;
    for (std::size_t i = 0; i < building_wkb.size(); ++i)
      b.push_back({building_wkb[i], floor[i], vacant[i], factory[i], false, envelope(building_wkb[i])});
    return b;
  }
  std::vector<indicators::ParcelOverlay> threaded(unsigned threads, std::size_t chunks) {
    return indicators::overlay_buildings_wkb(parcels(), buildings(), threads, chunks);
  }
};

}  // namespace

TEST(IndicatorsOverlay, ThreadedFromWkbEqualsOneThread) {
  WkbFixture f;
  const auto expected = f.one_thread();
  ASSERT_EQ(expected.size(), f.parcel_wkb.size());
  // The fixture is worth testing: buildings cross parcel lines (shares below 1) and overlap (unions).
  int crossed = 0;
  for (const auto& o : expected) crossed += o.buildings > 2 ? 1 : 0;
  EXPECT_GT(crossed, 50);
  const std::size_t hole = 12 * 14, multipart = hole + 1;
  EXPECT_NEAR(expected[hole].footprint_m2, 1600.0 - 400.0, kTol);
  EXPECT_NEAR(expected[multipart].footprint_m2, 25.0 + 25.0, kTol);
  EXPECT_EQ(expected[multipart].buildings, 1);
  EXPECT_EQ(expected[multipart + 1].buildings, 0);

  for (unsigned threads : {1u, 2u, 4u})
    for (std::size_t chunks : {1u, 2u, 5u, 16u, 1000u}) {
      const auto got = f.threaded(threads, chunks);
      ASSERT_EQ(got.size(), expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        // Bit for bit: the same buildings, summed in the same order.
        EXPECT_EQ(got[i], expected[i]) << "parcel " << i << ", " << threads << " threads, " << chunks << " chunks: "
                                       << got[i].floor_m2 << " vs " << expected[i].floor_m2;
      }
    }
}

TEST(IndicatorsOverlay, JobSharedByThreadsAndCancelled) {
  WkbFixture f;
  const std::vector<indicators::ParcelWkb> p = f.parcels();
  const std::vector<indicators::BuildingWkb> b = f.buildings();
  {
    indicators::OverlayJob job(p, b, 7);
    EXPECT_EQ(job.chunks(), 9u + 1u);  // 3 × 3 tiles of the readable parcels, plus one for the unreadable one
    std::thread other([&job] { job.work(); });
    job.work();
    other.join();
    EXPECT_EQ(job.results(), f.one_thread());
  }
  indicators::OverlayJob cancelled(p, b, 7);
  cancelled.cancel();
  cancelled.work();
  for (const auto& o : cancelled.results()) EXPECT_EQ(o.buildings, 0);
}
