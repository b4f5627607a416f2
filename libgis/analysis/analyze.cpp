#include "libgis/analysis/analyze.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "libgis/analysis/input.h"
#include "libgis/analysis/land.h"
#include "libgis/analysis/results.h"
#include "libgis/analysis/tables.h"
#include "libgis/core/errors.h"
#include "libgis/core/timing.h"
#include "libgis/core/units.h"
#include "libgis/history/dated_view.h"
#include "libgis/history/versions.h"
#include "libgis/indicators/supply.h"
#include "libgis/indicators/vacancy.h"
#include "libgis/store/store.h"

namespace parkgis::analysis {

namespace {

template <typename T>
std::vector<geom::GeomPtr> parse_all(geom::Context& ctx, const std::vector<T>& recs) {
  std::vector<geom::GeomPtr> out;
  out.reserve(recs.size());
  for (const T& r : recs) out.push_back(r.wkb.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, r.wkb));
  return out;
}

// Threads working on an overlay job beside this one; joined at the latest when this goes out of scope
// (after cancelling the job, when that happens through an exception).
class Helpers {
 public:
  Helpers(indicators::OverlayJob& job, unsigned count) : m_job(job) {
    try {
      for (unsigned t = 0; t < count; ++t) m_threads.emplace_back([&job] { job.work(); });
    } catch (...) {
      m_job.cancel();
      join();
      throw;
    }
  }
  ~Helpers() {
    if (m_threads.empty()) return;
    m_job.cancel();
    join();
  }
  Helpers(const Helpers&) = delete;
  Helpers& operator=(const Helpers&) = delete;
  void join() {
    for (std::thread& t : m_threads) t.join();
    m_threads.clear();
  }

 private:
  indicators::OverlayJob& m_job;
  std::vector<std::thread> m_threads;
};

bool on_or_before(const std::optional<Date>& d, const Date& as_of) { return d && *d <= as_of; }

// An STRtree of geometries by their index in `geoms` (nulls left out).
std::unique_ptr<geom::IndexTree> index_of(geom::Context& ctx, const std::vector<geom::GeomPtr>& geoms) {
  auto tree = std::make_unique<geom::IndexTree>(ctx);
  for (std::size_t i = 0; i < geoms.size(); ++i) tree->insert(geoms[i].get(), i);
  return tree;
}

// Order 53 and 供而未用 sums of one parcel into its zone (docs/indicators.md).
void add_idle_sums(indicators::AreaSums& s, const ParcelResult& r) {
  const bool idle = indicators::is_idle(r.idle.status);
  if (r.idle.status == indicators::IdleStatus::idle_gov_cause) s.gov_cause_idle_m2 += r.area_m2;
  if (r.idle.status == indicators::IdleStatus::unknown) {
    s.idle_unknown_m2 += r.area_m2;
    s.idle_unknown_parcels += 1;
  }
  if (r.idle.disposed) s.disposed_m2 += r.area_m2;
  if (idle || r.idle.disposed) s.disposal_base_m2 += r.area_m2;
  if (supplied_not_used(r)) {
    s.supplied_not_used_m2 += r.area_m2;
    s.supplied_not_used_parcels += 1;
  }
}

std::string m2_text(double m2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", m2);
  return buf;
}

// Order 53 data checks, as analysis issues: a recorded developed area far below the buildings'
// footprint on the parcel (the developed land holds at least the buildings), a disposal method that is
// not one of Art. 12 / Art. 14's.
void check_idle_data(const Input& in, const std::vector<ParcelResult>& parcels, const indicators::IdleRulesConfig& cfg,
                     IssueSink& issues) {
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const ParcelRec& p = in.parcels[i];
    const double footprint = parcels[i].overlay.footprint_m2;
    if (p.idle.developed_m2 && footprint > 0 && *p.idle.developed_m2 < cfg.min_developed_share_of_footprint * footprint)
      issues.add(Severity::warning, "developed_below_footprint", "parcels", p.id,
                 "parcel " + p.id + ": developed_m2 " + m2_text(*p.idle.developed_m2) +
                     " m² is below the buildings' footprint on it (" + m2_text(footprint) +
                     " m²); check the developed area (已开发面积) before relying on the Art. 2 ② ratio");
    if (!p.idle.disposal.empty() && !indicators::is_known_disposal(p.idle.disposal))
      issues.add(Severity::warning, "unknown_disposal", "parcels", p.id,
                 "parcel " + p.id + ": disposal \"" + p.idle.disposal +
                     "\" is none of 延期, 改变用途, 临时使用, 协议收回, 置换, 无偿收回, 征缴闲置费; it counts as a disposal but "
                     "returns no land");
  }
}

}  // namespace

AnalyzeResult analyze(store::Store& store, const AnalyzeOptions& options) {
  AnalyzeResult result;
  result.config = options.config_path.empty() ? indicators::default_config() : indicators::load_config(options.config_path);
  const indicators::AnalysisConfig& cfg = result.config;

  report_progress(options.progress, "reading the database", 0.0);
  if (!store.has_table("parcels") || !store.has_table("zones"))
    throw DataError(store.location() + " holds no imported dataset (no parcels or zones table); run 'parkgis import' first");
  // The evaluation date first: the land data read are those valid on it (libgis/history/versions.h).
  if (options.as_of) {
    result.as_of = *options.as_of;
    result.as_of_source = "option";
  } else if (auto d = parse_date(store.meta()["as_of"])) {
    result.as_of = *d;
    result.as_of_source = "dataset";
  } else {
    result.as_of = today();
    result.as_of_source = "today";
  }
  // The land data version in force on as_of (the first one for an earlier date); "" before any update.
  for (const history::LandVersion& v : history::land_versions(store))
    if (result.land_as_of.empty() || !(result.as_of < v.valid_from)) result.land_as_of = v.valid_from.iso();
  PhaseTimer t_read("analyze: read the database");
  Input in;
  {
    // A second connection only speeds the read up: without one, the tables are read one after another.
    std::unique_ptr<store::Store> second;
    if (options.open_reader) {
      try {
        second = options.open_reader();
      } catch (const std::exception&) {
        second.reset();
      }
    }
    const std::unique_ptr<store::Store> land = history::land_view(store, result.as_of);
    const std::unique_ptr<store::Store> second_land = second ? history::land_view(*second, result.as_of) : nullptr;
    in = load_input(*land, second_land.get());
  }
  t_read.stop();
  report_progress(options.progress, "reading the database", 1.0);

  const Date as_of = result.as_of;
  const unsigned cores = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), 8));

  // --- Building × parcel overlay, from the WKB: on the other cores from now on, while this thread parses
  // its own geometry and works out what needs no overlay; then this thread helps to finish it.
  PhaseTimer t_overlay("analyze: building x parcel overlay (all cores, incl. the two above)");
  report_progress(options.progress, "overlaying buildings and parcels", 0.0);
  std::optional<indicators::OverlayJob> overlay_job;
  const LeasedBuildings leased = leased_buildings(in, as_of);  // their floor per parcel is kept
  {
    std::vector<indicators::ParcelWkb> parcel_wkb;
    parcel_wkb.reserve(in.parcels.size());
    for (const ParcelRec& p : in.parcels) parcel_wkb.push_back({p.wkb, p.envelope});
    std::vector<indicators::BuildingWkb> building_wkb;
    building_wkb.reserve(in.buildings.size());
    for (std::size_t k = 0; k < in.buildings.size(); ++k) {
      const BuildingRec& b = in.buildings[k];
      const indicators::VacancyCount v =
          indicators::count_vacancy(b.vacant_area, b.vacant_since, b.vacancy_type, as_of, cfg.vacancy.min_months);
      building_wkb.push_back({b.wkb, b.floor_area.value_or(0), v.counted_m2, leased.factory[k] != 0,
                              indicators::is_office_use(cfg.control, b.use), b.envelope, v.undated_m2, v.idle_m2,
                              leased.keep[k] != 0});
    }
    overlay_job.emplace(std::move(parcel_wkb), std::move(building_wkb));
  }
  Helpers helpers(*overlay_job, cores - 1);

  geom::Context ctx;
  PhaseTimer t_parse("analyze: parse geometries");
  std::vector<geom::GeomPtr> parcel_g = parse_all(ctx, in.parcels);
  std::vector<geom::GeomPtr> zone_g = parse_all(ctx, in.zones);
  std::vector<geom::GeomPtr> approval_g = parse_all(ctx, in.approvals);
  t_parse.stop();

  // --- Parcels: area, idle status.
  PhaseTimer t_parcels("analyze: parcels and enterprises");
  std::unordered_map<std::string_view, std::size_t> zone_index;
  zone_index.reserve(in.zones.size());
  for (std::size_t z = 0; z < in.zones.size(); ++z) zone_index[in.zones[z].id] = z;

  std::vector<ParcelResult> parcels(in.parcels.size());
  for (std::size_t i = 0; i < in.parcels.size(); ++i) {
    const ParcelRec& p = in.parcels[i];
    ParcelResult& r = parcels[i];
    r.area_m2 = geom::area(ctx, parcel_g[i].get());
    if (auto z = zone_index.find(p.zone_id); z != zone_index.end()) r.park_id = in.zones[z->second].park_id;
    r.supplied = on_or_before(p.idle.supply_date, as_of);
    r.started = on_or_before(p.idle.actual_start, as_of);
    r.industrial = indicators::is_industrial(p.land_use, cfg.land_use);
    r.industrial_storage = indicators::is_industrial_storage(p.land_use, cfg.land_use);
    r.idle = indicators::classify_idle(p.idle, as_of, cfg.idle);
    // 2008 control indicators: when the project is due complete, and its investment.
    r.completion_due = indicators::completion_due(p.agreed_completion, r.started ? p.idle.actual_start : std::nullopt,
                                                  r.supplied ? p.idle.supply_date : std::nullopt, cfg.control.completion);
    r.investment_wan = indicators::fixed_investment_wan(p.idle.invested_wan, p.idle.total_investment_wan,
                                                        p.idle.land_price_wan, cfg.control);
  }

  // --- Enterprises: the figures of as_of's year, else of the latest earlier year (enterprise_metrics.year).
  std::unordered_map<std::string_view, std::size_t> ent_index;
  ent_index.reserve(in.enterprises.size());
  std::vector<std::size_t> record_ent(in.enterprises.size());  // enterprise of each record
  std::vector<std::size_t> first_record;                       // first record of each enterprise
  for (std::size_t k = 0; k < in.enterprises.size(); ++k) {
    auto [it, inserted] = ent_index.emplace(in.enterprises[k].id, first_record.size());
    if (inserted) first_record.push_back(k);
    record_ent[k] = it->second;
  }
  std::vector<EnterpriseResult> ents(first_record.size());
  for (std::size_t e = 0; e < ents.size(); ++e) {
    const EnterpriseRec& rec = in.enterprises[first_record[e]];
    ents[e].id = rec.id;
    ents[e].name = rec.name;
    ents[e].industry = rec.industry;
  }
  for (std::size_t k = 0; k < in.enterprises.size(); ++k) {
    const EnterpriseRec& e = in.enterprises[k];
    EnterpriseResult& er = ents[record_ent[k]];
    if (e.year > as_of.year && e.year != 0) continue;
    if (er.year != 0 && e.year <= er.year) continue;
    er.year = e.year;
    if (!e.name.empty()) er.name = e.name;
    if (!e.industry.empty()) er.industry = e.industry;
    er.output_wan = e.output_wan;
    er.tax_wan = e.tax_wan;
    er.value_added_wan = e.value_added_wan;
    er.energy_tce = e.energy_tce;
    er.employees = e.employees;
    er.rnd_wan = e.rnd_wan;
    er.industry_code = e.industry_code;
    er.scale = e.scale;
    er.electricity_kwh = e.electricity_kwh;
    er.emissions_t = e.emissions_t;
  }
  // Consecutive latest years without tax (低效用地 screening), from every year not after as_of.
  {
    std::vector<std::vector<std::pair<int, std::optional<double>>>> taxes(ents.size());
    for (std::size_t k = 0; k < in.enterprises.size(); ++k)
      if (in.enterprises[k].year != 0 && in.enterprises[k].year <= as_of.year)
        taxes[record_ent[k]].emplace_back(in.enterprises[k].year, in.enterprises[k].tax_wan);
    for (std::size_t e = 0; e < ents.size(); ++e) {
      std::sort(taxes[e].begin(), taxes[e].end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      ents[e].zero_tax_years = indicators::zero_tax_run(taxes[e]);
    }
  }
  // Holders (parcels.user_id); what land they count is decided after the overlay (land.cpp).
  for (std::size_t i = 0; i < in.parcels.size(); ++i) {
    if (in.parcels[i].user_id.empty()) continue;
    if (auto it = ent_index.find(in.parcels[i].user_id); it != ent_index.end()) parcels[i].enterprise = static_cast<int>(it->second);
  }
  t_parcels.stop();

  // This thread joins the overlay.
  overlay_job->work();
  helpers.join();
  {
    std::vector<indicators::ParcelOverlay> overlay = overlay_job->results();
    for (std::size_t i = 0; i < parcels.size(); ++i) parcels[i].overlay = std::move(overlay[i]);
  }
  overlay_job.reset();
  // The buildings are not needed any more.
  in.buildings.clear();
  in.buildings.shrink_to_fit();
  report_progress(options.progress, "overlaying buildings and parcels", 1.0);
  t_overlay.stop();

  // --- Land held and rented at as_of; the enterprises' figures spread over it.
  const std::vector<ShareRow> shares = attribute_land(in, leased, parcels, ents, ent_index, zone_index, as_of);

  // 亩均 grading: ranking group, reclaim-candidate land, construction period. An enterprise is inside the
  // construction period when all the land it counts (held parcels, land leases) lies on parcels whose
  // project is not yet due complete; rented floor space stands in a building in use, so it never is.
  {
    std::map<std::string, std::string> county_of;
    for (const ParkRec& pk : in.parks) county_of[pk.id] = pk.county;
    std::vector<char> has_land(ents.size(), 0), all_due_later(ents.size(), 1), holds_reclaim(ents.size(), 0);
    std::vector<std::optional<Date>> latest_due(ents.size());
    for (const ShareRow& s : shares) {
      if (s.land_m2 <= 0) continue;
      const std::optional<Date>& due = parcels[s.parcel].completion_due;
      has_land[s.enterprise] = 1;
      if (!s.building_id.empty() || !due || *due <= as_of) all_due_later[s.enterprise] = 0;
      else if (!latest_due[s.enterprise] || *due > *latest_due[s.enterprise]) latest_due[s.enterprise] = due;
    }
    for (const ParcelResult& pr : parcels)
      if (pr.enterprise >= 0 && pr.idle.status == indicators::IdleStatus::reclaim_candidate)
        holds_reclaim[static_cast<std::size_t>(pr.enterprise)] = 1;
    std::vector<indicators::EnterpriseInput> grade_in;
    grade_in.reserve(ents.size());
    for (std::size_t k = 0; k < ents.size(); ++k) {
      const EnterpriseResult& e = ents[k];
      indicators::EnterpriseInput g = grading_input(e);
      g.group = indicators::grading_group(cfg.grading, county_of[e.park_id], e.park_id);
      g.holds_reclaim_land = holds_reclaim[k] != 0;
      g.in_construction = has_land[k] && all_due_later[k];
      if (g.in_construction) g.construction_note = "竣工期限 " + latest_due[k]->iso();
      grade_in.push_back(std::move(g));
    }
    std::vector<indicators::EnterpriseScore> scores = indicators::grade_enterprises(grade_in, cfg.grading);
    for (std::size_t k = 0; k < ents.size(); ++k) ents[k].score = std::move(scores[k]);
  }

  // 2008 control indicators and 低效用地 screening: industrial parcels, supplied, started or built on, and
  // past their completion date. A parcel of the park's operating company is judged by its tenants' industries.
  std::vector<std::vector<std::size_t>> tenants_of(parcels.size());
  for (const ShareRow& s : shares) {
    std::vector<std::size_t>& t = tenants_of[s.parcel];
    if (s.tenant && std::find(t.begin(), t.end(), s.enterprise) == t.end()) t.push_back(s.enterprise);
  }
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    ParcelResult& r = parcels[i];
    if (!r.industrial || !r.supplied || !(r.started || r.overlay.buildings > 0) || r.area_m2 <= 0) continue;
    if (!r.completion_due || *r.completion_due > as_of) continue;
    const EnterpriseResult* e = r.enterprise >= 0 ? &ents[static_cast<std::size_t>(r.enterprise)] : nullptr;
    r.control_checked = true;
    if (e && indicators::is_landlord_code(cfg.control, e->industry_code)) {
      std::vector<indicators::IndustryStandard> tenant_standards;
      for (std::size_t k : tenants_of[i])
        tenant_standards.push_back(indicators::industry_standard(cfg.control, ents[k].industry_code, ents[k].industry));
      r.industry = indicators::landlord_standard(cfg.control, tenant_standards);
    } else {
      r.industry = indicators::industry_standard(cfg.control, e ? e->industry_code : "", e ? e->industry : "");
    }
    r.control = indicators::check_control({r.area_m2, r.overlay.footprint_m2, r.overlay.floor_m2, r.overlay.office_floor_m2,
                                           in.parcels[i].green_m2, r.investment_wan, r.industry},
                                          cfg.control);
    if (r.industry.unknown)
      result.issues.add(Severity::warning, "unknown_industry_code", "parcels", in.parcels[i].id,
                        "parcel " + in.parcels[i].id + ": " + r.industry.note +
                            "; fill enterprises.industry_code (GB/T 4754) or add the code to control.min_plot_ratio_by_code");
    indicators::LowEfficiencyInput le;
    le.plot_ratio = r.overlay.floor_m2 / r.area_m2;
    le.coverage = r.overlay.footprint_m2 / r.area_m2;
    le.control_min_plot_ratio = r.industry.min_plot_ratio;
    if (r.tax_wan) le.tax_per_mu = *r.tax_wan / units::m2_to_mu(r.area_m2);
    le.zero_tax_years = e ? e->zero_tax_years : 0;
    le.factory_vacancy = indicators::ratio(r.overlay.factory_vacant_m2, r.overlay.factory_floor_m2);
    r.low_efficiency = indicators::low_efficiency_reasons(le, cfg.low_efficiency);
  }

  check_idle_data(in, parcels, cfg.idle, result.issues);

  // --- Zones: approved / supplied / unsupplied geometry, and sums of their parcels.
  // Candidates come from STRtrees here; the overlays run on the other cores, each worker on its own GEOS
  // context and its own copies of the geometries (parsed from WKB), so nothing GEOS owns is shared.
  // Meanwhile this thread writes the parcel and enterprise tables (they need no zone), then helps.
  // Everything is written in one transaction.
  PhaseTimer t_zones("analyze: zone supply (other cores) + parcel and enterprise tables");
  std::vector<UnitResult> zones(in.zones.size());
  std::vector<UnsuppliedPiece> pieces;
  // 批而未供 counts approvals from their approval date: approvals dated after as_of are left out
  // (undated ones count). Each counted approval (批次) also gets its own figures.
  std::vector<std::size_t> batch_of;  // counted approval -> index in in.approvals
  std::vector<bool> approval_counts(in.approvals.size());
  for (std::size_t k = 0; k < in.approvals.size(); ++k) {
    approval_counts[k] = !in.approvals[k].approved || *in.approvals[k].approved <= as_of;
    if (approval_counts[k] && approval_g[k]) batch_of.push_back(k);
  }
  std::vector<ApprovalResult> batches(batch_of.size());
  std::optional<history::EvaluationWriter> writer;  // from the start of the transaction to its commit
  {
    std::vector<std::vector<std::size_t>> zone_approvals(in.zones.size()), zone_supplied(in.zones.size());
    std::vector<std::vector<std::size_t>> batch_supplied(batch_of.size());
    {
      const auto approvals = index_of(ctx, approval_g);
      const auto supplied = index_of(ctx, parcel_g);
      const auto supplied_near = [&](const GEOSGeometry* g) {
        std::vector<std::size_t> out;
        for (std::size_t k : supplied->query(g))
          if (parcels[k].supplied) out.push_back(k);
        return out;
      };
      for (std::size_t z = 0; z < in.zones.size(); ++z) {
        UnitResult& u = zones[z];
        u.id = in.zones[z].id;
        u.park_id = in.zones[z].park_id;
        u.name = in.zones[z].name;
        u.wkb = in.zones[z].wkb;
        if (!zone_g[z]) continue;
        u.sums.land_m2 = geom::area(ctx, zone_g[z].get());
        for (std::size_t k : approvals->query(zone_g[z].get()))
          if (approval_counts[k]) zone_approvals[z].push_back(k);
        zone_supplied[z] = supplied_near(zone_g[z].get());
      }
      for (std::size_t b = 0; b < batch_of.size(); ++b) {
        const ApprovalRec& a = in.approvals[batch_of[b]];
        batches[b].id = a.id;
        batches[b].zone_id = a.zone_id;
        if (auto z = zone_index.find(a.zone_id); z != zone_index.end()) batches[b].park_id = in.zones[z->second].park_id;
        batches[b].approved = a.approved;
        batch_supplied[b] = supplied_near(approval_g[batch_of[b]].get());
      }
    }
    std::vector<std::vector<UnsuppliedPiece>> zone_pieces(in.zones.size());
    const std::size_t tasks = in.zones.size() + batch_of.size();  // zones first, then approval batches
    std::atomic<std::size_t> next{0}, finished{0};
    std::atomic<bool> cancel{false};
    std::mutex progress_mutex;
    std::exception_ptr failure;
    const auto worker = [&]() {
      geom::Context wctx;
      try {
        for (std::size_t t = next++; t < tasks && !cancel; t = next++) {
          std::vector<geom::GeomPtr> own;
          const auto parse = [&](const std::string& wkb) {
            own.push_back(geom::from_wkb(wctx, wkb));
            return own.back().get();
          };
          if (t >= in.zones.size()) {
            // One approval batch: the approval polygon is its own "zone".
            const std::size_t b = t - in.zones.size();
            const GEOSGeometry* ag = parse(in.approvals[batch_of[b]].wkb);
            std::vector<const GEOSGeometry*> sp;
            for (std::size_t k : batch_supplied[b]) sp.push_back(parse(in.parcels[k].wkb));
            const indicators::ZoneSupply bs = indicators::zone_supply(wctx, ag, {ag}, sp);
            batches[b].approved_m2 = bs.approved_m2;
            batches[b].supplied_m2 = bs.supplied_m2;
            batches[b].unsupplied_m2 = bs.unsupplied_m2;
          } else if (const std::size_t z = t; !in.zones[z].wkb.empty()) {
            const GEOSGeometry* zg = parse(in.zones[z].wkb);
            std::vector<const GEOSGeometry*> a, sp;
            for (std::size_t k : zone_approvals[z]) a.push_back(parse(in.approvals[k].wkb));
            for (std::size_t k : zone_supplied[z]) sp.push_back(parse(in.parcels[k].wkb));
            indicators::ZoneSupply zs = indicators::zone_supply(wctx, zg, a, sp);
            UnitResult& u = zones[z];
            u.sums.approved_m2 = zs.approved_m2;
            u.sums.supplied_m2 = zs.supplied_m2;
            u.sums.unsupplied_m2 = zs.unsupplied_m2;
            for (std::size_t k = 0; k < zs.unsupplied_pieces.size(); ++k)
              zone_pieces[z].push_back({u.id + "-U" + std::to_string(k + 1), u.id, u.park_id,
                                        geom::area(wctx, zs.unsupplied_pieces[k].get()),
                                        geom::to_wkb(wctx, geom::to_multipolygon(wctx, zs.unsupplied_pieces[k].get()).get())});
          }
          const std::size_t done = ++finished;
          if (options.progress && done % 16 == 0) {
            std::lock_guard<std::mutex> lock(progress_mutex);
            if (!options.progress("approved and unsupplied land", double(done) / double(tasks))) cancel = true;
          }
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        if (!failure) failure = std::current_exception();
        cancel = true;
      }
    };
    std::vector<std::thread> pool;
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), 8));
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    try {
      store.begin();
      writer.emplace(store, as_of);
      PhaseTimer t_parcel_tables("analyze: parcel and enterprise tables (this thread)");
      write_parcel_results(*writer, in, parcels, ents);
      write_tenancy_shares(*writer, in, parcels, ents, shares);
    } catch (...) {
      cancel = true;
      for (std::thread& t : pool) t.join();
      store.rollback();
      throw;
    }
    worker();
    for (std::thread& t : pool) t.join();
    if (failure || cancel) store.rollback();
    if (failure) std::rethrow_exception(failure);
    if (cancel) throw Cancelled();
    for (auto& zp : zone_pieces)
      for (auto& piece : zp) pieces.push_back(std::move(piece));
  }
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    auto z = zone_index.find(in.parcels[i].zone_id);
    if (z == zone_index.end()) continue;
    const ParcelResult& r = parcels[i];
    indicators::AreaSums& s = zones[z->second].sums;
    s.parcels += 1;
    s.parcel_m2 += r.area_m2;
    if (indicators::is_idle(r.idle.status)) {
      s.idle_m2 += r.area_m2;
      s.idle_parcels += 1;
    }
    if (r.supplied && r.overlay.buildings > 0) {
      s.built_m2 += r.area_m2;
      if (r.industrial_storage) s.industrial_built_m2 += r.area_m2;
      s.footprint_m2 += r.overlay.footprint_m2;
    }
    s.floor_m2 += r.overlay.floor_m2;
    s.vacant_m2 += r.overlay.vacant_m2;
    s.factory_floor_m2 += r.overlay.factory_floor_m2;
    s.factory_vacant_m2 += r.overlay.factory_vacant_m2;
    s.used_m2 += r.used_m2;
    s.output_wan += r.output_wan.value_or(0);
    s.tax_wan += r.tax_wan.value_or(0);
    if (!r.low_efficiency.empty()) s.low_efficiency_parcels += 1;
    // 2008 control indicators and TD/T 1029 additions.
    if (r.control_checked && r.control.below()) s.below_control_parcels += 1;
    if (r.supplied && r.overlay.buildings > 0 && r.industrial_storage) {
      s.industrial_floor_m2 += r.overlay.floor_m2;
      s.industrial_footprint_m2 += r.overlay.footprint_m2;
      s.industrial_tax_wan += r.tax_wan.value_or(0);
      if (r.investment_wan) {
        s.industrial_investment_wan += *r.investment_wan;
        s.industrial_investment_m2 += r.area_m2;
      }
    }
    if (const auto& sd = in.parcels[i].idle.supply_date; sd && *sd <= as_of && sd->plus_years(cfg.intensity.supply_years) > as_of)
      s.yearly_supply_m2 += r.area_m2 / cfg.intensity.supply_years;
    add_idle_sums(s, r);
    // Rented floor space and vacancy.
    s.vacant_undated_m2 += r.overlay.vacant_undated_m2;
    s.vacant_idle_m2 += r.overlay.vacant_idle_m2;
    s.leased_floor_m2 += r.leased_floor_m2;
    s.factory_leased_m2 += r.factory_leased_m2;
    s.factory_occupied_m2 += r.factory_occupied_m2;
    s.tenant_tax_wan += r.tenant_tax_wan;
  }

  // --- Parks: sums of their zones; the park's own polygon area.
  std::vector<UnitResult> parks(in.parks.size());
  std::map<std::string, std::size_t> park_index;
  for (std::size_t k = 0; k < in.parks.size(); ++k) {
    parks[k].id = in.parks[k].id;
    parks[k].name = in.parks[k].name;
    parks[k].county = in.parks[k].county;
    parks[k].wkb = in.parks[k].wkb;
    park_index[parks[k].id] = k;
  }
  for (UnitResult& z : zones) {
    auto p = park_index.find(z.park_id);
    if (p == park_index.end()) continue;
    UnitResult& park = parks[p->second];
    park.sums += z.sums;
    park.zones += 1;
  }
  const FirmCounts all_firms = count_firms(in, shares, zone_index, zones, parks);
  for (std::size_t k = 0; k < parks.size(); ++k) {
    geom::GeomPtr g = in.parks[k].wkb.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, in.parks[k].wkb);
    parks[k].sums.land_m2 = geom::area(ctx, g.get());
  }

  t_zones.stop();
  // --- Write everything in one transaction.
  PhaseTimer t_write("analyze: write results");
  try {
    report_progress(options.progress, "writing results", 0.0);
    write_unit_results(*writer, in, zones, parks, pieces, all_firms);
    write_approval_results(*writer, batches, as_of);
    history::Evaluation evaluation;
    evaluation.ran_at = utc_timestamp();
    result.run_id = record_run(store, result.as_of, result.config, evaluation.ran_at);
    evaluation.as_of = as_of;
    evaluation.run_id = result.run_id;
    evaluation.config_source = result.config.source;
    evaluation.parkgis_version = PARKGIS_VERSION;
    evaluation.land_as_of = result.land_as_of;
    evaluation.parcels = static_cast<long long>(parcels.size());
    evaluation.zones = static_cast<long long>(zones.size());
    evaluation.parks = static_cast<long long>(parks.size());
    evaluation.enterprises = static_cast<long long>(ents.size());
    evaluation.unsupplied_pieces = static_cast<long long>(pieces.size());
    writer->finish(evaluation);
    result.current = writer->writes_current();
    report_progress(options.progress, "writing results", 0.99);  // the last moment a stop request is honoured
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
  // Committed: from here a stop request changes nothing (the caller sees it and says so).
  if (options.progress) options.progress("writing results", 1.0);

  result.parcels = parcels.size();
  result.zones = zones.size();
  result.parks = parks.size();
  result.enterprises = ents.size();
  result.unsupplied_pieces = pieces.size();
  for (std::size_t i = 0; i < in.parcels.size(); ++i)
    if (!zone_index.count(in.parcels[i].zone_id))
      result.issues.add(Severity::warning, "parcel_without_zone", "parcels", in.parcels[i].id,
                        "parcel " + in.parcels[i].id + " has no zone; it is left out of zone and park figures");
  return result;
}

}  // namespace parkgis::analysis
