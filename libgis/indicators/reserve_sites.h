#pragma once
// Land-reserve candidate sites (储备候选地块) — pure functions over GEOS geometry. Pieces of land that a
// reserve office can take back or supply (批而未供 pieces, reclaimable or idle parcels, parcels below the
// control indicators) are put together into sites: pieces that share more than a point, or lie within a
// gap (e.g. across an estate road) of each other in one zone. Each site gets its area, the width of the
// largest circle that fits in it, a compactness, the next legal step of each piece and a ranking score.
// docs/reserve.md explains every figure for planners; the wiring is libgis/reserve/sites.*.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/geom/geos.h"

namespace parkgis::indicators {

// What a piece of reserve land is, in the order of precedence when a parcel is of several kinds.
enum class ReserveKind {
  unsupplied,     // 批而未供 piece (unsupplied_land)
  reclaim,        // reclaim_candidate: not started 2 years after the deadline (Order 53 Art. 14(2))
  not_started,    // idle_not_started: not started 1–2 years (Art. 14(1): fee first)
  gov_cause,      // idle_gov_cause (Art. 8)
  stalled,        // idle_stalled (Art. 2 ②)
  below_control,  // below the 2008 control indicators, or 疑似低效 (screening)
};

// Command-line names: "unsupplied", "reclaim", "not-started", "gov-cause", "stalled", "below-control".
const char* reserve_kind_name(ReserveKind kind);
const char* reserve_kind_label(ReserveKind kind);  // Chinese: "批而未供", "满两年未动工", ...
std::optional<ReserveKind> parse_reserve_kind(const std::string& name);
std::vector<ReserveKind> all_reserve_kinds();      // in precedence order
std::vector<ReserveKind> default_reserve_kinds();  // unsupplied, reclaim, gov-cause, stalled, below-control

// The next legal step for a piece (docs/reserve.md cites the rule of each).
enum class ReserveStep {
  supply,            // 供地: 批而未供, supply it (出让/划拨)
  formalize,         // 补办划拨: unsupplied land already built on (infrastructure awaiting 划拨)
  reclaim_free,      // 无偿收回: Order 53 Art. 14(2)
  fee_then_reclaim,  // 征缴闲置费: Art. 14(1), then 无偿收回 once not started for two years
  negotiate,         // 协议收回 / 置换: Art. 8 and 12 (government-caused), or stalled land
  redevelop,         // 再开发: 低效用地再开发 / below the 2008 control indicators
};

const char* reserve_step_name(ReserveStep step);   // "supply", "formalize", ... (config keys)
const char* reserve_step_label(ReserveStep step);  // "供地", "补办划拨", "无偿收回", ...

// The step for a piece of this kind. built_unsupplied: an unsupplied piece that lies on a parcel without
// supply formalities that has buildings (已建未供).
ReserveStep next_step(ReserveKind kind, bool built_unsupplied = false);
// One line in Chinese: the step with its rule ("无偿收回（闲置土地处置办法第十四条第二项：…）").
std::string step_basis(ReserveKind kind, ReserveStep step);

// The ranking score (docs/reserve.md, "Score"): each part is in [0, 1], the score is 100 × the weighted
// mean of the parts.
struct ReserveScoreWeights {
  double area = 0.30, width = 0.20, compactness = 0.10, readiness = 0.30, idle = 0.10;
};

struct ReserveConfig {
  double full_area_mu = 50;        // a site of this area or more scores 1 on area
  double full_width_m = 120;       // a site this wide (inscribed circle diameter) or wider scores 1 on width
  double full_idle_years = 3;      // idle this long or longer scores 1 on time idle
  double inscribed_tolerance_m = 0.1;  // GEOS MaximumInscribedCircle tolerance
  ReserveScoreWeights weights;
  // Legal readiness of each step, 0–1 (keys: reserve_step_name).
  std::map<std::string, double> readiness = {{"supply", 1.0},          {"reclaim_free", 0.8}, {"formalize", 0.6},
                                             {"fee_then_reclaim", 0.5}, {"negotiate", 0.3},    {"redevelop", 0.2}};
};

// One piece as the assembly sees it; geom is owned by the caller and must outlive the call.
struct ReservePiece {
  std::string id;  // parcel_id or piece_id
  ReserveKind kind = ReserveKind::unsupplied;
  ReserveStep step = ReserveStep::supply;
  std::string zone_id, park_id;
  std::string holder;                  // 权利人 ("" for unsupplied land)
  long idle_days = 0;                  // parcel_metrics.idle_days (0 when not idle)
  double idle_fee_wan = 0;             // outstanding idle fee (Art. 14(1)); 0 when none
  const GEOSGeometry* geom = nullptr;  // polygonal, in metres
};

struct ReserveSite {
  std::string zone_id, park_id;
  std::vector<std::size_t> pieces;  // indices into the input, ascending
  geom::GeomPtr geom;               // MultiPolygon: the union of the pieces' land, one polygon per part
  int parts = 0;                    // polygons (1 unless gap-merged across a road)
  double area_m2 = 0;               // area of the union (a road between parts is not counted)
  double perimeter_m = 0;           // boundary length of every part, holes included
  double min_width_m = 0;           // 2 × radius of the largest inscribed circle, widest part
  double compactness = 0;           // Polsby–Popper 4πA/P² of the union of the parts
  double min_x = 0, min_y = 0;      // envelope corner (stable ordering)
};

// Puts the pieces together, zone by zone: the connected parts of the union of a zone's pieces (parts that
// meet only at a point stay apart), then, when gap_m > 0, parts within gap_m metres of each other (GEOS
// STRtree candidates, GEOS distance, union-find). A piece whose interior meets two parts (a multipart
// parcel) joins them. Sites come out ordered by zone, then by the lowest piece index. Pieces with empty
// or null geometry are left out.
std::vector<ReserveSite> assemble_sites(geom::Context& ctx, const std::vector<ReservePiece>& pieces, double gap_m,
                                        double inscribed_tolerance_m = 0.1);

// Twice the radius of the largest circle inside a polygonal geometry, the best of its polygons (m); 0 for an
// empty one. GEOS MaximumInscribedCircle, exact to tolerance_m.
double inscribed_width_m(geom::Context& ctx, const GEOSGeometry* polygonal, double tolerance_m);

// Polsby–Popper compactness 4πA/P² (1 for a circle, π/4 ≈ 0.785 for a square); 0 when perimeter is 0.
double polsby_popper(double area_m2, double perimeter_m);

struct SiteScoreInput {
  double area_mu = 0, min_width_m = 0, compactness = 0;
  double readiness = 0;   // area-weighted readiness of the pieces' steps
  long max_idle_days = 0;
};

struct SiteScore {
  double area = 0, width = 0, compactness = 0, readiness = 0, idle = 0;  // parts, 0–1
  double score = 0;                                                     // 0–100
};

SiteScore score_site(const SiteScoreInput& in, const ReserveConfig& config);

// Readiness of a step from the configuration (0 when the key is missing).
double step_readiness(ReserveStep step, const ReserveConfig& config);

// What a site is made of, from its pieces (area-weighted by piece_area_m2, the pieces' own areas).
struct SiteMakeup {
  std::vector<ReserveKind> kinds;   // distinct, in precedence order
  ReserveKind main_kind = ReserveKind::unsupplied;  // the kind of the largest piece
  ReserveStep main_step = ReserveStep::supply;      // the step of the largest piece
  std::vector<std::string> parcels, unsupplied;     // piece ids: parcels / unsupplied pieces, in input order
  std::vector<std::string> holders;                 // distinct, in input order
  double idle_fee_wan = 0;                          // sum of the pieces' outstanding idle fees
  long max_idle_days = 0;                           // the longest idle time of its pieces
  double readiness = 0;                             // area-weighted step readiness, 0–1
  SiteScore score;
};

// is_parcel[i]: piece i is a parcel (else an unsupplied piece).
SiteMakeup site_makeup(const ReserveSite& site, const std::vector<ReservePiece>& pieces,
                       const std::vector<double>& piece_area_m2, const std::vector<bool>& is_parcel,
                       const ReserveConfig& config);

// Site search: a project of area_mu (亩) needing an inscribed width of width_m.
struct FitQuery {
  double area_mu = 0;
  double width_m = 0;  // 0: any width
};

struct FitCandidate {
  double area_mu = 0, min_width_m = 0, score = 0;
  std::optional<double> distance_m;  // to the --near point; none without one
};

// Indices of the candidates that take the project (area_mu ≥ query, min_width_m ≥ query), nearest first
// when distances are given (then best score), else best score first; ties by index.
std::vector<std::size_t> rank_fits(const std::vector<FitCandidate>& candidates, const FitQuery& query);

}  // namespace parkgis::indicators
