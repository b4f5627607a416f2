// Land-reserve sites on hand-made geometry (metres): assembly, widths, compactness, make-up, score, search.
// Areas to 1e-6 m²; inscribed widths to 0.2 m (GEOS MaximumInscribedCircle is exact to its tolerance,
// 0.1 m on the radius).
#include <gtest/gtest.h>

#include <cmath>

#include "libgis/indicators/reserve_sites.h"

using namespace parkgis;
using namespace parkgis::indicators;

namespace {

constexpr double kArea = 1e-6;  // m²
constexpr double kWidth = 0.2;  // m

struct Fixture {
  geom::Context ctx;
  std::vector<geom::GeomPtr> keep;
  std::vector<ReservePiece> pieces;
  std::vector<double> areas;
  std::vector<bool> parcel;

  const GEOSGeometry* wkt(const std::string& text) {
    keep.push_back(geom::from_wkt(ctx, text));
    return keep.back().get();
  }
  static std::string ring(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "(" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + ")";
  }
  // A rectangular piece; returns its index.
  std::size_t add(double x0, double y0, double x1, double y1, ReserveKind kind = ReserveKind::unsupplied,
                  const std::string& zone = "Z1") {
    return add_wkt("POLYGON(" + ring(x0, y0, x1, y1) + ")", kind, zone);
  }
  std::size_t add_wkt(const std::string& text, ReserveKind kind = ReserveKind::unsupplied,
                      const std::string& zone = "Z1") {
    ReservePiece p;
    p.id = "P" + std::to_string(pieces.size() + 1);
    p.kind = kind;
    p.step = next_step(kind);
    p.zone_id = zone;
    p.park_id = "YQ";
    p.geom = wkt(text);
    pieces.push_back(p);
    areas.push_back(geom::area(ctx, p.geom));
    parcel.push_back(kind != ReserveKind::unsupplied);
    return pieces.size() - 1;
  }
  std::vector<ReserveSite> sites(double gap_m) { return assemble_sites(ctx, pieces, gap_m, 0.1); }
};

}  // namespace

TEST(ReserveSites, TouchingPiecesMakeOneSite) {
  Fixture f;
  f.add(0, 0, 100, 50);
  f.add(0, 50, 100, 100);  // shares the edge y = 50
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].pieces, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(s[0].parts, 1);
  EXPECT_NEAR(s[0].area_m2, 10000.0, kArea);  // 100 × 100
  EXPECT_NEAR(s[0].perimeter_m, 400.0, 1e-9);  // the shared edge is inside, not boundary
  EXPECT_NEAR(s[0].min_width_m, 100.0, kWidth);  // the circle inscribed in a 100 m square
  EXPECT_NEAR(s[0].compactness, M_PI / 4, 1e-9);  // 4π·10000 / 400² = π/4
}

TEST(ReserveSites, CornerContactIsNoSiteAtGapZero) {
  Fixture f;
  f.add(0, 0, 50, 50);
  f.add(50, 50, 100, 100);  // meets the first at the point (50, 50) only
  EXPECT_EQ(f.sites(0).size(), 2u);
  EXPECT_EQ(f.sites(0.5).size(), 1u);  // distance 0 ≤ any gap
}

TEST(ReserveSites, PiecesAcrossARoadMergeWithinTheGap) {
  Fixture f;
  f.add(0, 0, 50, 50);
  f.add(60, 0, 110, 50);  // 10 m road between x = 50 and x = 60
  EXPECT_EQ(f.sites(0).size(), 2u);
  EXPECT_EQ(f.sites(9.99).size(), 2u);
  const auto s = f.sites(10);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].parts, 2);
  EXPECT_NEAR(s[0].area_m2, 5000.0, kArea);  // 2 × 50 × 50; the road is not counted
  EXPECT_NEAR(s[0].min_width_m, 50.0, kWidth);  // the widest part: a 50 m square
  // Polsby–Popper of the parts together: A = 5000, P = 2 × 200 = 400 → 4π·5000/160000 = π/8
  EXPECT_NEAR(s[0].compactness, M_PI / 8, 1e-9);
}

TEST(ReserveSites, PiecesOfOtherZonesNeverMerge) {
  Fixture f;
  f.add(0, 0, 50, 50, ReserveKind::unsupplied, "Z1");
  f.add(50, 0, 100, 50, ReserveKind::unsupplied, "Z2");  // touches, but in another zone
  const auto s = f.sites(100);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].zone_id, "Z1");
  EXPECT_EQ(s[1].zone_id, "Z2");
}

TEST(ReserveSites, RingOfPiecesKeepsItsHole) {
  Fixture f;
  // A 60 m square without its middle 20 m square (20..40), made of four pieces.
  f.add(0, 0, 60, 20);
  f.add(0, 40, 60, 60);
  f.add(0, 20, 20, 40);
  f.add(40, 20, 60, 40);
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].parts, 1);
  EXPECT_EQ(GEOSGetNumInteriorRings_r(f.ctx.handle(), GEOSGetGeometryN_r(f.ctx.handle(), s[0].geom.get(), 0)), 1);
  EXPECT_NEAR(s[0].area_m2, 3200.0, kArea);  // 3600 − 400
  EXPECT_NEAR(s[0].perimeter_m, 320.0, 1e-9);  // outer 240 + hole 80
  // Widest circle: in a corner, touching two outer sides and the hole's corner (20, 20):
  // centre (c, c) with c = √2 (20 − c) → c = 20√2 / (1 + √2) = 11.716 m; width 2c = 23.431 m
  // (wider than the 20 m strips, which allow 20 m).
  EXPECT_NEAR(s[0].min_width_m, 40 * std::sqrt(2.0) / (1 + std::sqrt(2.0)), kWidth);
}

TEST(ReserveSites, LShapedSiteInscribedWidth) {
  Fixture f;
  f.add(0, 0, 100, 40);   // the foot: 100 × 40
  f.add(0, 40, 40, 100);  // the leg on it: 40 × 60
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].area_m2, 4000.0 + 2400.0, kArea);
  // The arms are 40 m wide, but at the elbow the circle grows: centre (c, c) touching x = 0, y = 0 and
  // the inner corner (40, 40): c = √2 (40 − c) → c = 40√2 / (1 + √2) = 23.431 m; width 2c = 46.863 m.
  EXPECT_NEAR(s[0].min_width_m, 80 * std::sqrt(2.0) / (1 + std::sqrt(2.0)), kWidth);
  EXPECT_NEAR(inscribed_width_m(f.ctx, f.pieces[0].geom, 0.1), 40.0, kWidth);  // one arm alone
}

TEST(ReserveSites, MultipartParcelJoinsItsParts) {
  Fixture f;
  f.add_wkt("MULTIPOLYGON((" + Fixture::ring(0, 0, 10, 10) + "),(" + Fixture::ring(100, 0, 110, 10) + "))",
            ReserveKind::reclaim);
  f.add(200, 0, 210, 10);
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 2u);  // the parcel's two parts are one legal unit; the far piece is its own site
  EXPECT_EQ(s[0].parts, 2);
  EXPECT_NEAR(s[0].area_m2, 200.0, kArea);
}

TEST(ReserveSites, SiteSpanningTwoKinds) {
  Fixture f;
  ReserveConfig c;
  const auto u = f.add(0, 0, 60, 100, ReserveKind::unsupplied);  // 6000 m², 供地 (readiness 1.0)
  const auto r = f.add(60, 0, 100, 100, ReserveKind::reclaim);   // 4000 m², 无偿收回 (readiness 0.8)
  f.pieces[r].holder = "宁德某公司";
  f.pieces[r].idle_days = 800;
  f.pieces[u].idle_days = 0;
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 1u);
  const SiteMakeup m = site_makeup(s[0], f.pieces, f.areas, f.parcel, c);
  EXPECT_EQ(m.kinds, (std::vector<ReserveKind>{ReserveKind::unsupplied, ReserveKind::reclaim}));
  EXPECT_EQ(m.main_kind, ReserveKind::unsupplied);  // the larger piece
  EXPECT_EQ(m.main_step, ReserveStep::supply);
  EXPECT_EQ(m.parcels, (std::vector<std::string>{"P2"}));
  EXPECT_EQ(m.unsupplied, (std::vector<std::string>{"P1"}));
  EXPECT_EQ(m.holders, (std::vector<std::string>{"宁德某公司"}));
  EXPECT_EQ(m.max_idle_days, 800);
  EXPECT_NEAR(m.readiness, (6000 * 1.0 + 4000 * 0.8) / 10000, 1e-12);  // 0.92
  // Score, default weights .30/.20/.10/.30/.10 (sum 1):
  //   area 10000 m² = 15 亩 → 15/50 = 0.3; width 100 m → 100/120 = 0.8333; compactness π/4 = 0.7854;
  //   readiness 0.92; idle 800 d = 2.1918 years → /3 = 0.7306
  //   100 × (0.09 + 0.16667 + 0.07854 + 0.276 + 0.07306) = 68.43
  const double expected =
      100 * (0.3 * 0.3 + 0.2 * (100.0 / 120) + 0.1 * (M_PI / 4) + 0.3 * 0.92 + 0.1 * (800 / 365.0 / 3));
  EXPECT_NEAR(m.score.score, expected, 0.01);
  EXPECT_NEAR(m.score.score, 68.43, 0.01);
}

TEST(ReserveSites, UnionIdentityOfUnsuppliedAndReclaim) {
  // --include unsupplied,reclaim --gap 0 --min-mu 0: the sites are the connected parts of the union.
  Fixture f;
  f.add(0, 0, 30, 30, ReserveKind::unsupplied, "Z1");   // 900
  f.add(30, 0, 50, 30, ReserveKind::reclaim, "Z1");     // 600, shares x = 30 with the first
  f.add(80, 0, 100, 20, ReserveKind::reclaim, "Z1");    // 400, apart
  f.add(200, 0, 210, 10, ReserveKind::unsupplied, "Z2");   // 100
  f.add(200, 10, 210, 20, ReserveKind::unsupplied, "Z2");  // 100
  const auto s = f.sites(0);
  ASSERT_EQ(s.size(), 3u);
  std::map<std::string, double> total;
  for (const auto& site : s) {
    EXPECT_EQ(site.parts, 1);  // one polygon each
    total[site.zone_id] += site.area_m2;
  }
  EXPECT_NEAR(total["Z1"], 900.0 + 600.0 + 400.0, 0.01);  // m²: unsupplied + reclaim parcels
  EXPECT_NEAR(total["Z2"], 200.0, 0.01);
  // No two sites overlap.
  for (std::size_t i = 0; i < s.size(); ++i)
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      geom::GeomPtr both = geom::own(f.ctx, GEOSIntersection_r(f.ctx.handle(), s[i].geom.get(), s[j].geom.get()));
      EXPECT_NEAR(geom::area(f.ctx, both.get()), 0.0, kArea);
    }
}

TEST(ReserveSites, NextLegalSteps) {
  EXPECT_EQ(next_step(ReserveKind::unsupplied), ReserveStep::supply);
  EXPECT_EQ(next_step(ReserveKind::unsupplied, true), ReserveStep::formalize);
  EXPECT_EQ(next_step(ReserveKind::reclaim), ReserveStep::reclaim_free);
  EXPECT_EQ(next_step(ReserveKind::not_started), ReserveStep::fee_then_reclaim);
  EXPECT_EQ(next_step(ReserveKind::gov_cause), ReserveStep::negotiate);
  EXPECT_EQ(next_step(ReserveKind::stalled), ReserveStep::negotiate);
  EXPECT_EQ(next_step(ReserveKind::below_control), ReserveStep::redevelop);
  EXPECT_NE(step_basis(ReserveKind::reclaim, ReserveStep::reclaim_free).find("第十四条第二项"), std::string::npos);
  EXPECT_NE(step_basis(ReserveKind::gov_cause, ReserveStep::negotiate).find("第八条、第十二条"), std::string::npos);
  EXPECT_EQ(parse_reserve_kind("gov-cause"), ReserveKind::gov_cause);
  EXPECT_FALSE(parse_reserve_kind("idle").has_value());
}

TEST(ReserveSites, ScoreCapsAndWeights) {
  ReserveConfig c;
  // Everything at or beyond "full": 100.
  EXPECT_NEAR(score_site({80, 150, 1.0, 1.0, 5 * 365}, c).score, 100.0, 1e-9);
  // Only area counts: 25 亩 of 50 → 0.5 → 50 points.
  c.weights = {1, 0, 0, 0, 0};
  EXPECT_NEAR(score_site({25, 0, 0, 0, 0}, c).score, 50.0, 1e-9);
}

TEST(ReserveSites, FitSearchRanks) {
  const std::vector<FitCandidate> c = {
      {60, 130, 70, 500.0},  // fits, far
      {40, 200, 90, 10.0},   // too small
      {55, 100, 80, 100.0},  // too narrow for 120 m
      {70, 125, 60, 200.0},  // fits, nearer
  };
  EXPECT_EQ(rank_fits(c, {50, 120}), (std::vector<std::size_t>{3, 0}));  // nearest first
  std::vector<FitCandidate> no_point = c;
  for (auto& x : no_point) x.distance_m.reset();
  EXPECT_EQ(rank_fits(no_point, {50, 120}), (std::vector<std::size_t>{0, 3}));  // best score first
  EXPECT_EQ(rank_fits(no_point, {50, 0}), (std::vector<std::size_t>{2, 0, 3}));  // any width
}
