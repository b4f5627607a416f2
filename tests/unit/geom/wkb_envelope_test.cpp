// The envelope read straight from WKB bytes agrees with GEOS's envelope of the parsed geometry.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "libgis/geom/geos.h"
#include "libgis/geom/wkb_envelope.h"

using namespace parkgis;

namespace {

geom::Envelope geos_envelope(geom::Context& ctx, const std::string& wkb) {
  geom::GeomPtr g = geom::from_wkb(ctx, wkb);
  geom::Envelope e;
  GEOSGeom_getXMin_r(ctx.handle(), g.get(), &e.minx);
  GEOSGeom_getYMin_r(ctx.handle(), g.get(), &e.miny);
  GEOSGeom_getXMax_r(ctx.handle(), g.get(), &e.maxx);
  GEOSGeom_getYMax_r(ctx.handle(), g.get(), &e.maxy);
  return e;
}

void expect_same(const geom::Envelope& a, const geom::Envelope& b) {
  EXPECT_EQ(a.minx, b.minx);
  EXPECT_EQ(a.miny, b.miny);
  EXPECT_EQ(a.maxx, b.maxx);
  EXPECT_EQ(a.maxy, b.maxy);
}

// Big-endian WKB of a polygon with one ring.
std::string big_endian_polygon(const std::vector<std::pair<double, double>>& ring) {
  std::string out;
  const auto u32 = [&out](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xff));
  };
  const auto f64 = [&out](double d) {
    std::uint64_t u = 0;
    std::memcpy(&u, &d, 8);
    for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<char>((u >> s) & 0xff));
  };
  out.push_back(0);
  u32(3);
  u32(1);
  u32(static_cast<std::uint32_t>(ring.size()));
  for (const auto& [x, y] : ring) {
    f64(x);
    f64(y);
  }
  return out;
}

}  // namespace

TEST(WkbEnvelope, AgreesWithGeos) {
  geom::Context ctx;
  for (const char* wkt : {"POLYGON((0.1 0.2,10.3 0.2,10.3 7.7,0.1 7.7,0.1 0.2))",
                          "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((-5.5 3,2 3,2 9.25,-5.5 3)))",
                          "POLYGON((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))",
                          "LINESTRING(3 4,-1 2)", "POINT(7 8)", "GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(5 5,6 -6))",
                          "POLYGON Z((0 0 5,4 0 5,4 3 9,0 0 5))"}) {
    const std::string wkb = geom::to_wkb(ctx, geom::from_wkt(ctx, wkt).get());
    geom::Envelope e;
    ASSERT_EQ(geom::wkb_envelope(wkb, e), geom::WkbExtent::box) << wkt;
    expect_same(e, geos_envelope(ctx, wkb));
  }
  const std::string be = big_endian_polygon({{1, 2}, {5, 2}, {5, 9}, {1, 2}});
  geom::Envelope e;
  ASSERT_EQ(geom::wkb_envelope(be, e), geom::WkbExtent::box);
  expect_same(e, geos_envelope(ctx, be));
  expect_same(e, {1, 2, 5, 9});
}

TEST(WkbEnvelope, EmptyAndUnreadable) {
  geom::Context ctx;
  geom::Envelope e;
  const std::string empty = geom::to_wkb(ctx, geom::from_wkt(ctx, "MULTIPOLYGON EMPTY").get());
  EXPECT_EQ(geom::wkb_envelope(empty, e), geom::WkbExtent::empty);
  EXPECT_EQ(geom::wkb_envelope("", e), geom::WkbExtent::unknown);
  EXPECT_EQ(geom::wkb_envelope(std::string("\x01\x03\x00", 3), e), geom::WkbExtent::unknown);  // cut short
  std::string poly = geom::to_wkb(ctx, geom::from_wkt(ctx, "POLYGON((0 0,1 0,1 1,0 0))").get());
  EXPECT_EQ(geom::wkb_envelope(poly.substr(0, poly.size() - 1), e), geom::WkbExtent::unknown);
  EXPECT_EQ(geom::wkb_envelope(poly + "x", e), geom::WkbExtent::unknown);  // trailing bytes
  poly[1] = 42;                                                             // no such type
  EXPECT_EQ(geom::wkb_envelope(poly, e), geom::WkbExtent::unknown);
}

TEST(WkbEnvelope, Meets) {
  const geom::Envelope a{0, 0, 10, 10};
  EXPECT_TRUE(a.meets({10, 10, 20, 20}));  // touching corners meet, as in GEOS
  EXPECT_TRUE(a.meets({2, 2, 3, 3}));
  EXPECT_FALSE(a.meets({10.000001, 0, 20, 10}));
  EXPECT_FALSE(a.meets({0, -5, 10, -0.5}));
}
