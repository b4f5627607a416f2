#include "libgis/reserve/sites.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "libgis/core/errors.h"
#include "libgis/core/units.h"
#include "libgis/geom/geos.h"
#include "libgis/indicators/config.h"
#include "libgis/store/store.h"

namespace parkgis::reserve {

namespace {

using indicators::ReserveKind;
using indicators::ReserveStep;
using store::ColumnType;
using store::Row;
using store::Value;

constexpr ColumnType T = ColumnType::text, I = ColumnType::integer, R = ColumnType::real;

Value text(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value integer(long long v) { return Value{std::int64_t{v}}; }
std::string str(const Row& r, std::size_t i) { return store::value_text(r.values[i]); }
double num(const Row& r, std::size_t i) { return store::value_number(r.values[i]).value_or(0); }

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The latest analysis run: as_of, run id and the configuration it recorded.
struct RunFacts {
  std::string as_of, run_id, config_json, config_source;
};

RunFacts latest_run(store::Store& store) {
  for (const char* table : {"runs", "parcel_metrics", "unsupplied_land", "zone_metrics"})
    if (!store.has_table(table))
      throw DataError(store.location() + " has no analysis results (table " + table + "); run 'parkgis analyze --db " +
                      store.location() + "' first");
  RunFacts f;
  store.read_table("runs", {"run_id", "as_of", "config", "config_source"}, false, "run_id", [&](const Row& r) {
    f = {str(r, 1), str(r, 0), str(r, 2), str(r, 3)};
  });
  if (f.run_id.empty())
    throw DataError(store.location() + " has no analysis run recorded; run 'parkgis analyze --db " + store.location() +
                    "' first");
  return f;
}

void check_unit(store::Store& store, const std::string& column, const std::string& id, const char* what) {
  if (id.empty()) return;
  bool found = false;
  store.read_table("zone_metrics", {column}, false, "", [&](const Row&) { found = true; },
                   store::Filter::equals(column, id));
  if (!found) throw DataError("no " + std::string(what) + " with " + column + " " + id + " in " + store.location());
}

store::Filter unit_filter(const SitesOptions& o) {
  if (!o.zone_id.empty()) return store::Filter::equals("zone_id", o.zone_id);
  if (!o.park_id.empty()) return store::Filter::equals("park_id", o.park_id);
  return {};
}

// A parcel's reserve kinds, in precedence order.
std::vector<ReserveKind> parcel_kinds(const std::string& idle_status, bool below_control) {
  std::vector<ReserveKind> k;
  if (idle_status == "reclaim_candidate") k.push_back(ReserveKind::reclaim);
  if (idle_status == "idle_not_started") k.push_back(ReserveKind::not_started);
  if (idle_status == "idle_gov_cause") k.push_back(ReserveKind::gov_cause);
  if (idle_status == "idle_stalled") k.push_back(ReserveKind::stalled);
  if (below_control) k.push_back(ReserveKind::below_control);
  return k;
}

// The pieces in memory: the assembly's view plus what the tables show.
struct Pieces {
  geom::Context ctx;
  std::vector<geom::GeomPtr> geoms;
  std::vector<indicators::ReservePiece> list;
  std::vector<double> area_m2;
  std::vector<bool> from_parcel;
};

void read_pieces(store::Store& store, const SitesOptions& o, Pieces& p) {
  const std::set<ReserveKind> wanted(o.kinds.begin(), o.kinds.end());
  const store::Filter where = unit_filter(o);
  const auto add = [&](indicators::ReservePiece piece, const std::string& wkb, double area, bool parcel) {
    geom::GeomPtr g = geom::from_wkb(p.ctx, wkb);
    if (!g) return;
    piece.geom = g.get();
    p.geoms.push_back(std::move(g));
    p.list.push_back(std::move(piece));
    p.area_m2.push_back(area);
    p.from_parcel.push_back(parcel);
  };
  // Parcels without supply formalities that have buildings (已建未供): unsupplied land on them is 补办划拨.
  std::vector<geom::GeomPtr> built_unsupplied;
  store.read_table(
      "parcel_metrics",
      {"parcel_id", "zone_id", "park_id", "idle_status", "below_control", "low_efficiency", "enterprise_name",
       "user_id", "idle_days", "idle_fee_wan", "area_m2", "supplied", "buildings"},
      true, "parcel_id",
      [&](const Row& r) {
        if (num(r, 11) == 0 && num(r, 12) > 0)
          if (geom::GeomPtr g = geom::from_wkb(p.ctx, r.wkb)) built_unsupplied.push_back(std::move(g));
        for (ReserveKind k : parcel_kinds(str(r, 3), num(r, 4) == 1 || num(r, 5) == 1)) {
          if (!wanted.count(k)) continue;
          indicators::ReservePiece piece;
          piece.id = str(r, 0);
          piece.kind = k;
          piece.step = indicators::next_step(k);
          piece.zone_id = str(r, 1);
          piece.park_id = str(r, 2);
          piece.holder = !str(r, 6).empty() ? str(r, 6) : str(r, 7);
          piece.idle_days = static_cast<long>(num(r, 8));
          piece.idle_fee_wan = num(r, 9);
          add(std::move(piece), r.wkb, num(r, 10), true);
          break;
        }
      },
      where);
  if (!wanted.count(ReserveKind::unsupplied)) return;
  geom::IndexTree built_tree(p.ctx);
  for (std::size_t i = 0; i < built_unsupplied.size(); ++i) built_tree.insert(built_unsupplied[i].get(), i);
  store.read_table(
      "unsupplied_land", {"piece_id", "zone_id", "park_id", "area_m2"}, true, "piece_id",
      [&](const Row& r) {
        indicators::ReservePiece piece;
        piece.id = str(r, 0);
        piece.zone_id = str(r, 1);
        piece.park_id = str(r, 2);
        geom::GeomPtr g = geom::from_wkb(p.ctx, r.wkb);
        bool built = false;
        if (g)
          for (std::size_t i : built_tree.query(g.get()))
            built = built || GEOSRelatePattern_r(p.ctx.handle(), g.get(), built_unsupplied[i].get(), "T********") == 1;
        piece.step = indicators::next_step(ReserveKind::unsupplied, built);
        add(std::move(piece), r.wkb, num(r, 3), false);
      },
      where);
}

// One site as written: its figures and what it is made of.
struct SiteRow {
  indicators::ReserveSite* site = nullptr;
  std::string site_id;
  indicators::SiteMakeup makeup;
};

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string fmt_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

store::TableDef sites_table() {
  return {"reserve_sites",
          {{"site_id", T},     {"zone_id", T},      {"park_id", T},        {"rank", I},          {"score", R},
           {"area_m2", R},     {"area_mu", R},      {"parts", I},          {"min_width_m", R},   {"compactness", R},
           {"kinds", T},       {"kind_main", T},    {"parcel_ids", T},     {"unsupplied_pieces", T}, {"holders", T},
           {"idle_fee_wan", R}, {"max_idle_days", I}, {"readiness", R},    {"step_main", T},     {"steps", T},
           {"score_area", R},  {"score_width", R},  {"score_compactness", R}, {"score_readiness", R}, {"score_idle", R}},
          "site_id",
          true,
          {"zone_id", "park_id"}};
}

store::TableDef pieces_table() {
  return {"reserve_site_pieces",
          {{"site_id", T}, {"piece_id", T}, {"source", T}, {"kind", T}, {"kind_label", T}, {"zone_id", T},
           {"park_id", T}, {"area_m2", R}, {"area_mu", R}, {"holder", T}, {"idle_days", I}, {"idle_fee_wan", R},
           {"step", T}, {"step_label", T}, {"basis", T}},
          "",
          false,
          {"site_id", "piece_id"}};
}

}  // namespace

std::vector<ReserveKind> parse_kinds(const std::string& list) {
  std::vector<ReserveKind> out;
  std::string valid;
  for (ReserveKind k : indicators::all_reserve_kinds()) valid += (valid.empty() ? "" : ", ") + std::string(indicators::reserve_kind_name(k));
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, end - start);
    const auto kind = indicators::parse_reserve_kind(name);
    if (!kind) throw UsageError("unknown kind '" + name + "' in --include; the kinds are " + valid);
    if (std::find(out.begin(), out.end(), *kind) == out.end()) out.push_back(*kind);
    start = end + 1;
  }
  return out;
}

std::string kind_names(const std::vector<ReserveKind>& kinds) {
  std::vector<std::string> names;
  for (ReserveKind k : kinds) names.push_back(indicators::reserve_kind_name(k));
  return join(names, ",");
}

SitesSummary build_reserve_sites(store::Store& store, const SitesOptions& o) {
  const RunFacts run = latest_run(store);
  check_unit(store, "zone_id", o.zone_id, "zone");
  check_unit(store, "park_id", o.park_id, "park");
  const indicators::AnalysisConfig config = !o.config_path.empty() ? indicators::load_config(o.config_path)
                                            : !run.config_json.empty()
                                                ? indicators::load_config_text(run.config_json, "the configuration of run " + run.run_id)
                                                : indicators::default_config();
  Pieces p;
  read_pieces(store, o, p);
  std::vector<indicators::ReserveSite> sites =
      indicators::assemble_sites(p.ctx, p.list, o.gap_m, config.reserve.inscribed_tolerance_m);

  SitesSummary summary;
  summary.pieces = p.list.size();
  summary.as_of = run.as_of;
  summary.config_source = o.config_path.empty() ? run.config_source : o.config_path;
  std::vector<SiteRow> rows;
  for (indicators::ReserveSite& s : sites) {
    if (units::m2_to_mu(s.area_m2) < o.min_mu) {
      ++summary.dropped_small;
      continue;
    }
    rows.push_back({&s, "", indicators::site_makeup(s, p.list, p.area_m2, p.from_parcel, config.reserve)});
  }
  // Best first: score, then area, then place (stable across runs).
  std::sort(rows.begin(), rows.end(), [](const SiteRow& a, const SiteRow& b) {
    if (a.makeup.score.score != b.makeup.score.score) return a.makeup.score.score > b.makeup.score.score;
    if (a.site->area_m2 != b.site->area_m2) return a.site->area_m2 > b.site->area_m2;
    if (a.site->zone_id != b.site->zone_id) return a.site->zone_id < b.site->zone_id;
    return std::make_pair(a.site->min_x, a.site->min_y) < std::make_pair(b.site->min_x, b.site->min_y);
  });
  std::map<std::string, int> numbered;  // zone → sites numbered so far (best first)
  std::vector<Row> site_rows, piece_rows;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    SiteRow& r = rows[k];
    const indicators::ReserveSite& s = *r.site;
    const indicators::SiteMakeup& m = r.makeup;
    std::vector<std::string> kinds, steps;
    for (ReserveKind kind : m.kinds) kinds.push_back(indicators::reserve_kind_name(kind));
    for (std::size_t i : s.pieces) steps.push_back(p.list[i].id + " " + indicators::reserve_step_label(p.list[i].step));
    char number[16];
    std::snprintf(number, sizeof number, "-S%02d", ++numbered[s.zone_id]);
    r.site_id = s.zone_id + number;
    Row row;
    row.values = {Value{r.site_id}, text(s.zone_id), text(s.park_id), integer(static_cast<long long>(k + 1)),
                  m.score.score, s.area_m2, units::m2_to_mu(s.area_m2), integer(s.parts), s.min_width_m,
                  s.compactness, text(join(kinds, ",")), Value{std::string(indicators::reserve_kind_name(m.main_kind))},
                  text(join(m.parcels, ",")), text(join(m.unsupplied, ",")), text(join(m.holders, "、")),
                  m.idle_fee_wan, integer(m.max_idle_days), m.readiness,
                  Value{std::string(indicators::reserve_step_label(m.main_step))}, text(join(steps, "；")),
                  m.score.area, m.score.width, m.score.compactness, m.score.readiness, m.score.idle};
    row.wkb = geom::to_wkb(p.ctx, s.geom.get());
    row.bbox = store::BBox{};
    if (!geom::envelope(p.ctx, s.geom.get(), &row.bbox->minx, &row.bbox->miny, &row.bbox->maxx, &row.bbox->maxy))
      row.bbox.reset();
    site_rows.push_back(std::move(row));
    summary.area_m2 += s.area_m2;
    for (std::size_t i : s.pieces) {
      const indicators::ReservePiece& piece = p.list[i];
      Row pr;
      pr.values = {Value{r.site_id}, Value{piece.id}, Value{std::string(p.from_parcel[i] ? "parcel" : "unsupplied")},
                   Value{std::string(indicators::reserve_kind_name(piece.kind))},
                   Value{std::string(indicators::reserve_kind_label(piece.kind))}, text(piece.zone_id),
                   text(piece.park_id), p.area_m2[i], units::m2_to_mu(p.area_m2[i]), text(piece.holder),
                   p.from_parcel[i] ? integer(piece.idle_days) : Value{},
                   piece.idle_fee_wan > 0 ? Value{piece.idle_fee_wan} : Value{},
                   Value{std::string(indicators::reserve_step_name(piece.step))},
                   Value{std::string(indicators::reserve_step_label(piece.step))},
                   Value{indicators::step_basis(piece.kind, piece.step)}};
      piece_rows.push_back(std::move(pr));
    }
  }
  summary.sites = site_rows.size();

  std::vector<Row> params;
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"kinds", kind_names(o.kinds)},
                                                        {"gap_m", fmt_number(o.gap_m)},
                                                        {"min_mu", fmt_number(o.min_mu)},
                                                        {"park_id", o.park_id},
                                                        {"zone_id", o.zone_id},
                                                        {"as_of", run.as_of},
                                                        {"run_id", run.run_id},
                                                        {"config_source", summary.config_source},
                                                        {"made_at", utc_now()},
                                                        {"parkgis_version", PARKGIS_VERSION}}) {
    Row row;
    row.values = {Value{key}, text(value)};
    params.push_back(std::move(row));
  }
  store.begin();
  try {
    store.write_table(sites_table(), site_rows);
    store.write_table(pieces_table(), piece_rows);
    store.write_table({"reserve_sites_params", {{"key", T}, {"value", T}}, "key", false, {}}, params);
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
  return summary;
}

std::vector<FitAnswer> search_sites(store::Store& store, const FitRequest& req) {
  if (!store.has_table("reserve_sites"))
    throw DataError(store.location() + " has no reserve sites (table reserve_sites); run 'parkgis sites --db " +
                    store.location() + "' first (choose --include, --gap and --min-mu there)");
  if (!req.zone_id.empty() && store.has_table("zone_metrics")) check_unit(store, "zone_id", req.zone_id, "zone");
  geom::Context ctx;
  geom::GeomPtr point;
  if (req.near) {
    point = geom::own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), req.near->first, req.near->second));
  }
  std::vector<std::string> ids;
  std::vector<indicators::FitCandidate> candidates;
  store.read_table(
      "reserve_sites", {"site_id", "area_mu", "min_width_m", "score"}, req.near.has_value(), "rank",
      [&](const Row& r) {
        indicators::FitCandidate c{num(r, 1), num(r, 2), num(r, 3), std::nullopt};
        if (point) {
          geom::GeomPtr g = geom::from_wkb(ctx, r.wkb);
          double d = 0;
          if (g && GEOSDistance_r(ctx.handle(), g.get(), point.get(), &d) == 1) c.distance_m = d;
        }
        ids.push_back(str(r, 0));
        candidates.push_back(c);
      },
      req.zone_id.empty() ? store::Filter{} : store::Filter::equals("zone_id", req.zone_id));
  std::vector<FitAnswer> out;
  for (std::size_t i : indicators::rank_fits(candidates, req.query)) out.push_back({ids[i], candidates[i].distance_m});
  return out;
}

}  // namespace parkgis::reserve
