#include "libgis/analysis/tables.h"

#include <algorithm>
#include <ctime>

#include "libgis/core/units.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::analysis {

namespace {

using store::ColumnType;
using store::Row;
using store::TableDef;
using store::Value;

constexpr ColumnType T = ColumnType::text, I = ColumnType::integer, R = ColumnType::real;

Value opt(const std::optional<double>& v) { return v ? Value{*v} : Value{}; }
Value text(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value flag(bool b) { return Value{std::int64_t{b ? 1 : 0}}; }
Value integer(long long v) { return Value{std::int64_t{v}}; }

// Columns shared by zone_metrics and park_metrics, after their id columns.
const std::vector<store::ColumnDef> kUnitColumns = {
    {"land_m2", R},          {"land_mu", R},           {"parcels", I},
    {"approved_m2", R},      {"supplied_m2", R},       {"unsupplied_m2", R},      {"unsupplied_mu", R},
    {"idle_m2", R},          {"idle_mu", R},           {"idle_parcels", I},       {"built_m2", R},
    {"industrial_built_m2", R}, {"footprint_m2", R},   {"floor_m2", R},           {"vacant_m2", R},
    {"vacancy_rate", R},     {"factory_floor_m2", R},  {"factory_vacant_m2", R},  {"factory_vacancy_rate", R},
    {"land_mu_used", R},     {"output_wan", R},        {"tax_wan", R},            {"output_per_mu", R},
    {"tax_per_mu", R},       {"supply_rate", R},       {"built_up_rate", R},      {"industrial_share", R},
    {"comprehensive_plot_ratio", R}, {"building_density", R}, {"idle_rate", R},   {"unsupplied_rate", R},
    {"low_efficiency_parcels", I},
    // 2008 control indicators and TD/T 1029 additions (append_intensity_values).
    {"below_control_parcels", I}, {"industrial_floor_m2", R}, {"industrial_footprint_m2", R},
    {"industrial_tax_wan", R}, {"industrial_investment_wan", R}, {"industrial_investment_m2", R},
    {"yearly_supply_m2", R}, {"land_development_rate", R}, {"industrial_plot_ratio", R},
    {"industrial_building_coefficient", R}, {"industrial_tax_wan_per_ha", R}, {"industrial_investment_wan_per_ha", R},
    {"tax_wan_per_ha", R}, {"supply_years_left", R},
    // Order 53 and 供而未用
    {"gov_cause_idle_m2", R}, {"idle_unknown_parcels", I}, {"idle_unknown_m2", R}, {"disposed_idle_m2", R},
    {"idle_disposal_rate", R}, {"supplied_not_used_parcels", I}, {"supplied_not_used_m2", R},
    {"supplied_not_used_mu", R},
    // Rented floor space and vacancy (小微园).
    {"vacant_empty_m2", R},  {"vacant_idle_m2", R},    {"vacant_undated_m2", R},
    {"firms", I},            {"tenant_firms", I},      {"leased_floor_m2", R},    {"factory_leased_m2", R},
    {"factory_let_rate", R}, {"factory_occupied_m2", R}, {"factory_occupancy_rate", R},
    {"tenant_tax_wan", R},   {"tenant_tax_share", R},
};

void append_intensity_values(std::vector<Value>& v, const indicators::AreaSums& s, const indicators::Ratios& r) {
  v.insert(v.end(), {integer(s.below_control_parcels), s.industrial_floor_m2, s.industrial_footprint_m2,
                     s.industrial_tax_wan, s.industrial_investment_wan, s.industrial_investment_m2, s.yearly_supply_m2,
                     opt(r.land_development_rate), opt(r.industrial_plot_ratio), opt(r.industrial_building_coefficient),
                     opt(r.industrial_tax_wan_per_ha), opt(r.industrial_investment_wan_per_ha), opt(r.tax_wan_per_ha),
                     opt(r.supply_years_left)});
}

void append_unit_values(std::vector<Value>& v, const indicators::AreaSums& s) {
  const indicators::Ratios r = indicators::ratios_of(s);
  v.insert(v.end(), {s.land_m2, units::m2_to_mu(s.land_m2), integer(s.parcels), s.approved_m2, s.supplied_m2,
                     s.unsupplied_m2, units::m2_to_mu(s.unsupplied_m2), s.idle_m2, units::m2_to_mu(s.idle_m2),
                     integer(s.idle_parcels), s.built_m2, s.industrial_built_m2, s.footprint_m2, s.floor_m2, s.vacant_m2,
                     opt(r.vacancy_rate), s.factory_floor_m2, s.factory_vacant_m2, opt(r.factory_vacancy_rate),
                     units::m2_to_mu(s.used_m2), s.output_wan, s.tax_wan, opt(r.output_per_mu), opt(r.tax_per_mu),
                     opt(r.supply_rate), opt(r.built_up_rate), opt(r.industrial_share), opt(r.comprehensive_plot_ratio),
                     opt(r.building_density), opt(r.idle_rate), opt(r.unsupplied_rate),
                     integer(s.low_efficiency_parcels)});
  append_intensity_values(v, s, r);
  v.insert(v.end(), {s.gov_cause_idle_m2, integer(s.idle_unknown_parcels), s.idle_unknown_m2, s.disposed_m2,
                     opt(r.idle_disposal_rate), integer(s.supplied_not_used_parcels), s.supplied_not_used_m2,
                     units::m2_to_mu(s.supplied_not_used_m2)});
  v.insert(v.end(), {std::max(0.0, s.vacant_m2 - s.vacant_idle_m2), s.vacant_idle_m2, s.vacant_undated_m2,
                     integer(s.firms), integer(s.tenant_firms), s.leased_floor_m2, s.factory_leased_m2,
                     opt(r.factory_let_rate), s.factory_occupied_m2, opt(r.factory_occupancy_rate), s.tenant_tax_wan,
                     opt(r.tenant_tax_share)});
}

TableDef parcel_table() {
  return {"parcel_metrics",
          {{"parcel_id", T},      {"zone_id", T},          {"park_id", T},           {"land_use", T},
           {"user_id", T},        {"enterprise_name", T},  {"industry", T},          {"area_m2", R},
           {"area_mu", R},        {"registered_area_m2", R}, {"supplied", I},        {"started", I},
           {"supply_status", T},
           {"footprint_m2", R},   {"coverage", R},         {"floor_m2", R},          {"plot_ratio", R},
           {"vacant_m2", R},      {"vacancy_rate", R},     {"buildings", I},         {"idle_status", T},
           {"idle_days", I},      {"idle_fee_wan", R},     {"idle_reason", T},       {"output_wan", R},
           {"tax_wan", R},        {"output_per_mu", R},    {"tax_per_mu", R},        {"grade", T},
           // 2008 control indicators (control_values) and 低效用地 screening
           {"completion_due", ColumnType::date}, {"min_plot_ratio", R}, {"industry_unknown", I}, {"control_note", T},
           {"investment_wan_per_ha", R}, {"investment_wan_per_mu", R}, {"min_investment_wan_per_ha", R},
           {"office_share", R},   {"green_ratio", R},      {"low_coverage", I},      {"low_plot_ratio", I},
           {"low_investment", I}, {"high_office_share", I}, {"high_green_ratio", I}, {"below_control", I},
           {"low_efficiency", I}, {"low_efficiency_reason", T},
           // Order 53 disposal
           {"decision_no", T},    {"disposal", T},         {"disposal_date", ColumnType::date}, {"idle_disposed", I},
           {"held", I},           {"used_m2", R},          {"tenants", I},           {"leased_land_m2", R},
           {"leased_floor_m2", R}, {"tenant_tax_wan", R}},
          "parcel_id",
          true,
          {"zone_id", "park_id", "idle_status"}};
}

// The parcel's 2008 control-indicator and screening columns; flags empty where not checked.
void append_control_values(std::vector<Value>& v, const ParcelResult& r) {
  const auto check = [&](bool applies, bool failed) { return r.control_checked && applies ? flag(failed) : Value{}; };
  const indicators::ControlResult& c = r.control;
  std::string reasons;
  for (const std::string& why : r.low_efficiency) reasons += (reasons.empty() ? "" : "；") + why;
  v.insert(v.end(),
           {r.completion_due ? Value{r.completion_due->iso()} : Value{},
            r.control_checked ? opt(r.industry.min_plot_ratio) : Value{}, check(true, r.industry.unknown),
            r.control_checked ? text(r.industry.note) : Value{}, opt(c.investment_wan_per_ha),
            c.investment_wan_per_ha ? Value{*c.investment_wan_per_ha / 15.0} : Value{},
            r.control_checked ? opt(r.industry.min_investment) : Value{}, opt(c.office_share), opt(c.green_ratio),
            check(true, c.low_coverage), check(r.industry.min_plot_ratio.has_value(), c.low_plot_ratio),
            check(r.industry.min_investment && c.investment_wan_per_ha, c.low_investment),
            check(c.office_share.has_value(), c.high_office), check(c.green_ratio.has_value(), c.high_green),
            check(true, c.below()), check(true, !r.low_efficiency.empty()), r.control_checked ? text(reasons) : Value{}});
}

TableDef unit_table(const std::string& name, bool zone) {
  TableDef d;
  d.name = name;
  d.spatial = true;
  if (zone) {
    d.columns = {{"zone_id", T}, {"park_id", T}, {"name", T}};
    d.unique_column = "zone_id";
    d.index_columns = {"park_id"};
  } else {
    d.columns = {{"park_id", T}, {"name", T}, {"county", T}, {"zones", I}};
    d.unique_column = "park_id";
  }
  d.columns.insert(d.columns.end(), kUnitColumns.begin(), kUnitColumns.end());
  return d;
}

TableDef enterprise_table(const std::vector<std::string>& indicator_ids) {
  TableDef d{"enterprise_metrics",
             {{"enterprise_id", T}, {"name", T},        {"industry", T},    {"year", I},          {"zone_id", T},
              {"park_id", T},       {"parcels", I},     {"land_m2", R},     {"land_mu", R},       {"output_wan", R},
              {"tax_wan", R},       {"value_added_wan", R}, {"energy_tce", R}, {"employees", R},  {"rnd_wan", R},
              {"owned_land_m2", R}, {"leased_land_m2", R}, {"leased_floor_m2", R},
              {"industry_code", T}, {"scale", T},       {"electricity_kwh", R}, {"emissions_t", R}, {"zero_tax_years", I},
              {"scheme", T}},
             "enterprise_id",
             false,
             {"zone_id", "park_id"}};  // the columns reports and the viewer filter on (an index costs its build)
  for (const std::string& id : indicator_ids) d.columns.push_back({id, R});
  d.columns.insert(d.columns.end(), {{"score", R}, {"grade", T}, {"grade_note", T}, {"rank", I}});
  return d;
}

}  // namespace

void write_parcel_results(history::EvaluationWriter& out, const Input& in, const std::vector<ParcelResult>& parcels,
                          const std::vector<EnterpriseResult>& enterprises) {
  // parcel_metrics: each row made as the store writes it (no table of rows held in memory).
  Row row;
  const auto parcel_row = [&](std::size_t i) -> const Row& {
    const ParcelRec& p = in.parcels[i];
    const ParcelResult& r = parcels[i];
    const EnterpriseResult* e = r.enterprise >= 0 ? &enterprises[static_cast<std::size_t>(r.enterprise)] : nullptr;
    const double mu = units::m2_to_mu(r.area_m2);
    const bool idle = indicators::is_idle(r.idle.status);
    const bool built = r.overlay.buildings > 0;
    row.values = {text(p.id), text(p.zone_id), text(r.park_id), text(p.land_use), text(p.user_id),
                  text(e ? e->name : ""), text(e ? e->industry : ""), r.area_m2, mu, opt(p.registered_area),
                  flag(r.supplied), flag(r.started),
                  Value{std::string(!r.supplied ? "not_supplied" : supplied_not_used(r) ? "supplied_not_used" : "in_use")},
                  r.overlay.footprint_m2,
                  opt(indicators::ratio(r.overlay.footprint_m2, r.area_m2)), r.overlay.floor_m2,
                  opt(indicators::ratio(r.overlay.floor_m2, r.area_m2)), r.overlay.vacant_m2,
                  opt(indicators::ratio(r.overlay.vacant_m2, r.overlay.floor_m2)), integer(r.overlay.buildings),
                  Value{std::string(indicators::idle_status_name(r.idle.status))},
                  idle ? integer(r.idle.idle_days) : Value{}, opt(r.idle.idle_fee_wan), text(r.idle.reason),
                  opt(r.output_wan), opt(r.tax_wan),
                  // 亩均 only where something is built: an unbuilt parcel yields nothing yet
                  r.output_wan && built ? opt(indicators::ratio(*r.output_wan, mu)) : Value{},
                  r.tax_wan && built ? opt(indicators::ratio(*r.tax_wan, mu)) : Value{},
                  text(e ? e->score.grade : "")};
    append_control_values(row.values, r);
    row.values.insert(row.values.end(), {text(p.decision_no), text(p.idle.disposal),
                                         p.idle.disposal_date ? Value{p.idle.disposal_date->iso()} : Value{},
                                         flag(r.idle.disposed), flag(r.held), r.used_m2, integer(r.tenants),
                                         r.leased_land_m2, r.leased_floor_m2,
                                         r.tenants ? Value{r.tenant_tax_wan} : Value{}});
    row.wkb = p.wkb;
    row.bbox = p.envelope ? std::optional<store::BBox>(store::BBox{p.envelope->minx, p.envelope->miny, p.envelope->maxx,
                                                                   p.envelope->maxy})
                          : std::nullopt;
    return row;
  };
  out.write(parcel_table(), store::RowSource{parcels.size(), parcel_row});

  // enterprise_metrics
  const std::vector<std::string>& ids = indicators::indicator_ids();
  row.wkb.clear();
  row.bbox.reset();
  const auto enterprise_row = [&](std::size_t k) -> const Row& {
    const EnterpriseResult& e = enterprises[k];
    row.values = {text(e.id), text(e.name), text(e.industry), e.year ? integer(e.year) : Value{}, text(e.zone_id),
                  text(e.park_id), integer(e.parcels), e.land_m2, units::m2_to_mu(e.land_m2), opt(e.output_wan),
                  opt(e.tax_wan), opt(e.value_added_wan), opt(e.energy_tce), opt(e.employees), opt(e.rnd_wan),
                  e.owned_land_m2, e.leased_land_m2, e.leased_floor_m2,
                  text(e.industry_code), text(e.scale), opt(e.electricity_kwh), opt(e.emissions_t),
                  integer(e.zero_tax_years), text(e.score.scheme)};
    const indicators::EnterpriseInput ei = grading_input(e);
    for (const std::string& id : ids) row.values.push_back(opt(indicators::indicator_value(id, ei)));
    row.values.insert(row.values.end(), {opt(e.score.score), text(e.score.grade), text(e.score.reason),
                                         e.score.rank ? integer(*e.score.rank) : Value{}});
    return row;
  };
  out.write(enterprise_table(ids), store::RowSource{enterprises.size(), enterprise_row});
}

void write_tenancy_shares(history::EvaluationWriter& out, const Input& in, const std::vector<ParcelResult>& parcels,
                          const std::vector<EnterpriseResult>& enterprises, const std::vector<ShareRow>& shares) {
  // The shares of parcels with tenants: the holder's (or land tenants') part, then each tenant's.
  std::vector<Row> rows;
  for (const ShareRow& s : shares) {
    if (parcels[s.parcel].tenants == 0) continue;
    const ParcelRec& p = in.parcels[s.parcel];
    const EnterpriseResult& e = enterprises[s.enterprise];
    Row row;
    row.values = {text(p.id), text(p.zone_id), text(parcels[s.parcel].park_id), text(e.id), text(e.name),
                  text(s.building_id), Value{std::string(s.tenant ? "tenant" : "holder")}, s.land_m2,
                  units::m2_to_mu(s.land_m2), s.floor_m2};
    rows.push_back(std::move(row));
  }
  out.write({"tenancy_shares",
                     {{"parcel_id", T}, {"zone_id", T}, {"park_id", T}, {"enterprise_id", T}, {"enterprise_name", T},
                      {"building_id", T}, {"role", T}, {"land_m2", R}, {"land_mu", R}, {"floor_m2", R}},
                     "",
                     false,
                     {"parcel_id", "enterprise_id"}},  // a parcel's shares, an enterprise's premises
                    rows);
}

void write_unit_results(history::EvaluationWriter& out, const Input& in, const std::vector<UnitResult>& zones,
                        const std::vector<UnitResult>& parks, const std::vector<UnsuppliedPiece>& pieces,
                        const FirmCounts& dataset_firms) {
  // zone_metrics, park_metrics
  std::vector<Row> rows;
  for (const UnitResult& z : zones) {
    Row row;
    row.values = {text(z.id), text(z.park_id), text(z.name)};
    append_unit_values(row.values, z.sums);
    row.wkb = z.wkb;
    rows.push_back(std::move(row));
  }
  out.write(unit_table("zone_metrics", true), rows);
  rows.clear();
  for (const UnitResult& p : parks) {
    Row row;
    row.values = {text(p.id), text(p.name), text(p.county), integer(p.zones)};
    append_unit_values(row.values, p.sums);
    row.wkb = p.wkb;
    rows.push_back(std::move(row));
  }
  out.write(unit_table("park_metrics", false), rows);

  // dataset_metrics: one row, all parks together (the totals line of reports).
  indicators::AreaSums all;
  int zone_count = 0;
  for (const UnitResult& p : parks) {
    all += p.sums;
    zone_count += p.zones;
  }
  all.firms = dataset_firms.firms;  // distinct, not a sum over parks
  all.tenant_firms = dataset_firms.tenant_firms;
  rows.clear();
  Row total;
  total.values = {Value{std::string("ALL")}, text(in.meta.count("name") ? in.meta.at("name") : ""), Value{},
                  integer(zone_count)};
  append_unit_values(total.values, all);
  rows.push_back(std::move(total));
  TableDef dataset_def = unit_table("dataset_metrics", false);
  dataset_def.spatial = false;
  dataset_def.columns.insert(dataset_def.columns.begin() + 3, {"parks", I});
  rows[0].values.insert(rows[0].values.begin() + 3, integer(static_cast<long long>(parks.size())));
  out.write(dataset_def, rows);

  // unsupplied_land
  rows.clear();
  for (const UnsuppliedPiece& u : pieces) {
    Row row;
    row.values = {text(u.id), text(u.zone_id), text(u.park_id), u.area_m2, units::m2_to_mu(u.area_m2)};
    row.wkb = u.wkb;
    rows.push_back(std::move(row));
  }
  out.write({"unsupplied_land",
                     {{"piece_id", T}, {"zone_id", T}, {"park_id", T}, {"area_m2", R}, {"area_mu", R}},
                     "piece_id",
                     true,
                     {"zone_id"}},
                    rows);
}

void write_approval_results(history::EvaluationWriter& out, const std::vector<ApprovalResult>& batches, const Date& as_of) {
  std::vector<Row> rows;
  for (const ApprovalResult& b : batches) {
    Row row;
    row.values = {text(b.id), text(b.zone_id), text(b.park_id),
                  b.approved ? Value{b.approved->iso()} : Value{},
                  b.approved ? integer(full_years_between(*b.approved, as_of)) : Value{},
                  b.approved_m2, units::m2_to_mu(b.approved_m2), b.supplied_m2, units::m2_to_mu(b.supplied_m2),
                  b.unsupplied_m2, units::m2_to_mu(b.unsupplied_m2), opt(indicators::ratio(b.supplied_m2, b.approved_m2))};
    rows.push_back(std::move(row));
  }
  out.write({"approval_metrics",
                     {{"approval_id", T}, {"zone_id", T}, {"park_id", T}, {"approved", ColumnType::date},
                      {"age_years", I}, {"approved_m2", R}, {"approved_mu", R}, {"supplied_m2", R}, {"supplied_mu", R},
                      {"unsupplied_m2", R}, {"unsupplied_mu", R}, {"supply_rate", R}},
                     "approval_id",
                     false,
                     {"zone_id", "park_id"}},
                    rows);
}

long long record_run(store::Store& store, const Date& as_of, const indicators::AnalysisConfig& config,
                     const std::string& ran_at) {
  long long run_id = 1;
  if (store.has_table("runs"))
    store.read_table("runs", {"run_id"}, false, "", [&](const Row& r) {
      if (const auto* v = std::get_if<std::int64_t>(&r.values[0])) run_id = std::max<long long>(run_id, *v + 1);
    });
  Row row;
  row.values = {integer(run_id), ran_at, as_of.iso(), config.source, indicators::to_json(config),
                std::string(PARKGIS_VERSION)};
  store.append_rows({"runs",
                     {{"run_id", I}, {"ran_at", T}, {"as_of", ColumnType::date}, {"config_source", T}, {"config", T},
                      {"parkgis_version", T}},
                     "",
                     false,
                     {}},
                    {row});
  return run_id;
}

}  // namespace parkgis::analysis
