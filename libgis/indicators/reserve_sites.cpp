#include "libgis/indicators/reserve_sites.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "libgis/core/units.h"

namespace parkgis::indicators {

namespace {

struct KindText {
  ReserveKind kind;
  const char* name;
  const char* label;
};

constexpr KindText kKinds[] = {
    {ReserveKind::unsupplied, "unsupplied", "批而未供"},
    {ReserveKind::reclaim, "reclaim", "满两年未动工"},
    {ReserveKind::not_started, "not-started", "未动工满一年"},
    {ReserveKind::gov_cause, "gov-cause", "政府原因闲置"},
    {ReserveKind::stalled, "stalled", "中止开发闲置"},
    {ReserveKind::below_control, "below-control", "未达控制指标或疑似低效"},
};

struct StepText {
  ReserveStep step;
  const char* name;
  const char* label;
};

constexpr StepText kSteps[] = {
    {ReserveStep::supply, "supply", "供地"},
    {ReserveStep::formalize, "formalize", "补办划拨"},
    {ReserveStep::reclaim_free, "reclaim_free", "无偿收回"},
    {ReserveStep::fee_then_reclaim, "fee_then_reclaim", "征缴闲置费"},
    {ReserveStep::negotiate, "negotiate", "协议收回/置换"},
    {ReserveStep::redevelop, "redevelop", "再开发"},
};

// Union-find over part indices.
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

// The polygons of one zone's pieces after union, with the pieces whose interior lies in each.
struct ZoneParts {
  std::vector<geom::GeomPtr> parts;
  std::vector<std::vector<std::size_t>> pieces_of_part;
};

ZoneParts union_parts(geom::Context& ctx, const std::vector<ReservePiece>& pieces, const std::vector<std::size_t>& idx) {
  const GEOSContextHandle_t h = ctx.handle();
  std::vector<GEOSGeometry*> clones;
  for (std::size_t i : idx) clones.push_back(GEOSGeom_clone_r(h, pieces[i].geom));
  geom::GeomPtr all = geom::own(
      ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned>(clones.size())));
  geom::GeomPtr u = geom::own(ctx, GEOSUnaryUnion_r(h, all.get()));
  geom::GeomPtr multi = u ? geom::to_multipolygon(ctx, u.get()) : nullptr;
  ZoneParts z;
  if (!multi) return z;
  const int n = GEOSGetNumGeometries_r(h, multi.get());
  for (int k = 0; k < n; ++k) z.parts.push_back(geom::own(ctx, GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, multi.get(), k))));
  z.pieces_of_part.resize(z.parts.size());
  geom::IndexTree tree(ctx);
  for (std::size_t p = 0; p < z.parts.size(); ++p) tree.insert(z.parts[p].get(), p);
  for (std::size_t i : idx)
    for (std::size_t p : tree.query(pieces[i].geom))
      // interiors meet: a piece merely touching a part from outside does not belong to it
      if (GEOSRelatePattern_r(h, pieces[i].geom, z.parts[p].get(), "T********") == 1) z.pieces_of_part[p].push_back(i);
  return z;
}

}  // namespace

const char* reserve_kind_name(ReserveKind kind) {
  for (const KindText& k : kKinds)
    if (k.kind == kind) return k.name;
  return "";
}

const char* reserve_kind_label(ReserveKind kind) {
  for (const KindText& k : kKinds)
    if (k.kind == kind) return k.label;
  return "";
}

std::optional<ReserveKind> parse_reserve_kind(const std::string& name) {
  for (const KindText& k : kKinds)
    if (name == k.name) return k.kind;
  return std::nullopt;
}

std::vector<ReserveKind> all_reserve_kinds() {
  std::vector<ReserveKind> out;
  for (const KindText& k : kKinds) out.push_back(k.kind);
  return out;
}

std::vector<ReserveKind> default_reserve_kinds() {
  return {ReserveKind::unsupplied, ReserveKind::reclaim, ReserveKind::gov_cause, ReserveKind::stalled,
          ReserveKind::below_control};
}

const char* reserve_step_name(ReserveStep step) {
  for (const StepText& s : kSteps)
    if (s.step == step) return s.name;
  return "";
}

const char* reserve_step_label(ReserveStep step) {
  for (const StepText& s : kSteps)
    if (s.step == step) return s.label;
  return "";
}

ReserveStep next_step(ReserveKind kind, bool built_unsupplied) {
  switch (kind) {
    case ReserveKind::unsupplied: return built_unsupplied ? ReserveStep::formalize : ReserveStep::supply;
    case ReserveKind::reclaim: return ReserveStep::reclaim_free;
    case ReserveKind::not_started: return ReserveStep::fee_then_reclaim;
    case ReserveKind::gov_cause:
    case ReserveKind::stalled: return ReserveStep::negotiate;
    case ReserveKind::below_control: return ReserveStep::redevelop;
  }
  return ReserveStep::supply;
}

std::string step_basis(ReserveKind kind, ReserveStep step) {
  const std::string label = reserve_step_label(step);
  switch (step) {
    case ReserveStep::supply: return label + "（批而未供：依法办理出让或划拨供地手续，增存挂钩消化）";
    case ReserveStep::formalize: return label + "（已建未供：补办划拨或出让供地手续）";
    case ReserveStep::reclaim_free: return label + "（闲置土地处置办法第十四条第二项：未动工开发满两年，非政府原因）";
    case ReserveStep::fee_then_reclaim:
      return label + "（闲置土地处置办法第十四条第一项：未动工开发满一年，按价款20%征缴；满两年后无偿收回）";
    case ReserveStep::negotiate:
      return label + (kind == ReserveKind::gov_cause
                          ? "（闲置土地处置办法第八条、第十二条：政府原因闲置，协商延期、改变用途、临时使用、协议有偿收回或置换）"
                          : "（闲置土地处置办法第二条第二项：中止开发满一年，不征闲置费，协商处置）");
    case ReserveStep::redevelop:
      return label + "（未达工业项目建设用地控制指标（国土资发〔2008〕24号）或疑似低效：按低效用地再开发政策提容增效或协议收回）";
  }
  return label;
}

double inscribed_width_m(geom::Context& ctx, const GEOSGeometry* polygonal, double tolerance_m) {
  if (!polygonal) return 0;
  const GEOSContextHandle_t h = ctx.handle();
  double best = 0;
  const int n = GEOSGetNumGeometries_r(h, polygonal);
  for (int k = 0; k < n; ++k) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, polygonal, k);
    if (!part || GEOSisEmpty_r(h, part) == 1) continue;
    // A line from the circle's centre to the nearest boundary point: its length is the radius.
    geom::GeomPtr line = geom::own(ctx, GEOSMaximumInscribedCircle_r(h, part, tolerance_m));
    double radius = 0;
    if (line && GEOSLength_r(h, line.get(), &radius) == 1) best = std::max(best, 2 * radius);
  }
  return best;
}

double polsby_popper(double area_m2, double perimeter_m) {
  if (!(perimeter_m > 0)) return 0;
  return 4 * M_PI * area_m2 / (perimeter_m * perimeter_m);
}

std::vector<ReserveSite> assemble_sites(geom::Context& ctx, const std::vector<ReservePiece>& pieces, double gap_m,
                                        double inscribed_tolerance_m) {
  const GEOSContextHandle_t h = ctx.handle();
  std::map<std::string, std::vector<std::size_t>> by_zone;
  for (std::size_t i = 0; i < pieces.size(); ++i)
    if (pieces[i].geom && GEOSisEmpty_r(h, pieces[i].geom) == 0) by_zone[pieces[i].zone_id].push_back(i);

  std::vector<ReserveSite> sites;
  for (const auto& [zone, idx] : by_zone) {
    ZoneParts z = union_parts(ctx, pieces, idx);
    Groups groups(z.parts.size());
    // A piece in two parts (a multipart parcel) is one legal unit: its parts go together.
    std::map<std::size_t, std::size_t> first_part_of_piece;
    for (std::size_t p = 0; p < z.parts.size(); ++p)
      for (std::size_t i : z.pieces_of_part[p]) {
        const auto [it, fresh] = first_part_of_piece.emplace(i, p);
        if (!fresh) groups.join(it->second, p);
      }
    if (gap_m > 0) {
      geom::IndexTree tree(ctx);
      for (std::size_t p = 0; p < z.parts.size(); ++p) tree.insert(z.parts[p].get(), p);
      for (std::size_t p = 0; p < z.parts.size(); ++p) {
        double x0, y0, x1, y1;
        if (!geom::envelope(ctx, z.parts[p].get(), &x0, &y0, &x1, &y1)) continue;
        geom::GeomPtr box = geom::own(ctx, GEOSGeom_createRectangle_r(h, x0 - gap_m, y0 - gap_m, x1 + gap_m, y1 + gap_m));
        for (std::size_t q : tree.query(box.get()))
          if (q > p && GEOSDistanceWithin_r(h, z.parts[p].get(), z.parts[q].get(), gap_m) == 1) groups.join(p, q);
      }
    }
    std::map<std::size_t, std::vector<std::size_t>> members;  // root part → parts
    for (std::size_t p = 0; p < z.parts.size(); ++p) members[groups.find(p)].push_back(p);
    std::vector<ReserveSite> zone_sites;
    for (const auto& [root, parts] : members) {
      ReserveSite s;
      s.zone_id = zone;
      std::vector<GEOSGeometry*> polys;
      for (std::size_t p : parts) {
        polys.push_back(GEOSGeom_clone_r(h, z.parts[p].get()));
        s.pieces.insert(s.pieces.end(), z.pieces_of_part[p].begin(), z.pieces_of_part[p].end());
        double len = 0;
        if (GEOSLength_r(h, z.parts[p].get(), &len) == 1) s.perimeter_m += len;
      }
      std::sort(s.pieces.begin(), s.pieces.end());
      s.pieces.erase(std::unique(s.pieces.begin(), s.pieces.end()), s.pieces.end());
      if (s.pieces.empty()) continue;
      s.park_id = pieces[s.pieces.front()].park_id;
      s.geom = geom::own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(),
                                                          static_cast<unsigned>(polys.size())));
      s.parts = static_cast<int>(parts.size());
      s.area_m2 = geom::area(ctx, s.geom.get());
      s.min_width_m = inscribed_width_m(ctx, s.geom.get(), inscribed_tolerance_m);
      s.compactness = polsby_popper(s.area_m2, s.perimeter_m);
      double x1, y1;
      geom::envelope(ctx, s.geom.get(), &s.min_x, &s.min_y, &x1, &y1);
      zone_sites.push_back(std::move(s));
    }
    std::sort(zone_sites.begin(), zone_sites.end(),
              [](const ReserveSite& a, const ReserveSite& b) { return a.pieces.front() < b.pieces.front(); });
    for (ReserveSite& s : zone_sites) sites.push_back(std::move(s));
  }
  return sites;
}

double step_readiness(ReserveStep step, const ReserveConfig& config) {
  const auto it = config.readiness.find(reserve_step_name(step));
  return it == config.readiness.end() ? 0.0 : clamp01(it->second);
}

SiteScore score_site(const SiteScoreInput& in, const ReserveConfig& c) {
  SiteScore s;
  s.area = c.full_area_mu > 0 ? clamp01(in.area_mu / c.full_area_mu) : 1.0;
  s.width = c.full_width_m > 0 ? clamp01(in.min_width_m / c.full_width_m) : 1.0;
  s.compactness = clamp01(in.compactness);
  s.readiness = clamp01(in.readiness);
  s.idle = c.full_idle_years > 0 ? clamp01(static_cast<double>(in.max_idle_days) / 365.0 / c.full_idle_years) : 0.0;
  const ReserveScoreWeights& w = c.weights;
  const double total = w.area + w.width + w.compactness + w.readiness + w.idle;
  if (!(total > 0)) return s;
  s.score = 100 * (w.area * s.area + w.width * s.width + w.compactness * s.compactness + w.readiness * s.readiness +
                   w.idle * s.idle) /
            total;
  return s;
}

SiteMakeup site_makeup(const ReserveSite& site, const std::vector<ReservePiece>& pieces,
                       const std::vector<double>& piece_area_m2, const std::vector<bool>& is_parcel,
                       const ReserveConfig& config) {
  SiteMakeup m;
  double weight = 0, largest = -1;
  for (std::size_t i : site.pieces) {
    const ReservePiece& piece = pieces[i];
    if (std::find(m.kinds.begin(), m.kinds.end(), piece.kind) == m.kinds.end()) m.kinds.push_back(piece.kind);
    (is_parcel[i] ? m.parcels : m.unsupplied).push_back(piece.id);
    if (!piece.holder.empty() && std::find(m.holders.begin(), m.holders.end(), piece.holder) == m.holders.end())
      m.holders.push_back(piece.holder);
    m.idle_fee_wan += piece.idle_fee_wan;
    m.max_idle_days = std::max(m.max_idle_days, piece.idle_days);
    m.readiness += piece_area_m2[i] * step_readiness(piece.step, config);
    weight += piece_area_m2[i];
    if (piece_area_m2[i] > largest) {
      largest = piece_area_m2[i];
      m.main_kind = piece.kind;
      m.main_step = piece.step;
    }
  }
  std::sort(m.kinds.begin(), m.kinds.end());
  m.readiness = weight > 0 ? m.readiness / weight : 0;
  m.score = score_site({units::m2_to_mu(site.area_m2), site.min_width_m, site.compactness, m.readiness, m.max_idle_days},
                       config);
  return m;
}

std::vector<std::size_t> rank_fits(const std::vector<FitCandidate>& candidates, const FitQuery& query) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].area_mu >= query.area_mu && candidates[i].min_width_m >= query.width_m) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    const FitCandidate& x = candidates[a];
    const FitCandidate& y = candidates[b];
    if (x.distance_m && y.distance_m && *x.distance_m != *y.distance_m) return *x.distance_m < *y.distance_m;
    return x.score > y.score;
  });
  return out;
}

}  // namespace parkgis::indicators
