#include "libgis/core/text_format.h"
#include "libgis/import/tenancy_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "libgis/core/dates.h"

namespace parkgis::import {

namespace {

struct Kept {
  std::string id;
  std::optional<Date> start, end;
  double leased_m2 = 0;
};

// The first moment leases of one building in force together let more than its floor area, if any.
void check_over_floor(const std::string& building, double floor_m2, std::vector<Kept> leases, IssueSink& issues) {
  std::stable_sort(leases.begin(), leases.end(), [](const Kept& a, const Kept& b) { return a.start < b.start; });
  for (const Kept& at : leases) {  // the load only grows where a lease starts
    double sum = 0;
    std::string ids;
    for (const Kept& l : leases) {
      if (l.start > at.start || (l.end && at.start && *l.end < *at.start)) continue;
      sum += l.leased_m2;
      ids += (ids.empty() ? "" : ", ") + l.id;
    }
    if (sum > floor_m2 * (1 + 1e-9)) {
      issues.add(Severity::warning, "tenancy_over_floor", "tenancies", building,
                 "building " + building + ": leases in force together" +
                     (at.start ? " on " + at.start->iso() : "") + " let " + fixed(sum) + " m², more than its floor area " +
                     fixed(floor_m2) + " m² (tenancies " + ids +
                     "); they are scaled down together to the floor area. Check leased_m2 and the lease dates");
      return;
    }
  }
}

}  // namespace

std::unordered_map<std::string, std::optional<double>> floor_areas_of(const LoadedLayer& buildings) {
  std::unordered_map<std::string, std::optional<double>> out;
  const int fa = buildings.field_index("floor_area");
  for (const LoadedFeature& b : buildings.features)
    if (!b.skip) out.emplace(b.id, fa < 0 ? std::nullopt : store::value_number(b.values[static_cast<std::size_t>(fa)]));
  return out;
}

std::unordered_set<std::string> ids_of(const LoadedLayer& layer) {
  std::unordered_set<std::string> out;
  for (const LoadedFeature& f : layer.features)
    if (!f.skip) out.insert(f.id);
  return out;
}

void check_tenancies(LoadedLayer& tenancies, const std::unordered_map<std::string, std::optional<double>>& buildings,
                     const std::unordered_set<std::string>& enterprises, const std::unordered_set<std::string>& parcels,
                     IssueSink& issues) {
  std::map<std::string, std::vector<Kept>> by_building;
  const auto date_of = [&](const LoadedFeature& f, const char* field) { return parse_date(tenancies.text(f, field)); };
  for (LoadedFeature& f : tenancies.features) {
    if (f.skip) continue;
    const std::string& id = f.id;
    const auto skip = [&](const char* code, const std::string& message) {
      f.skip = true;
      issues.add(Severity::error, code, "tenancies", id, "tenancy " + id + message + "; the lease is left out");
    };
    const std::string tenant = tenancies.text(f, "enterprise_id");
    const std::string building = tenancies.text(f, "building_id");
    const std::string parcel = tenancies.text(f, "parcel_id");
    const std::optional<Date> start = date_of(f, "start_date"), end = date_of(f, "end_date");
    if (tenant.empty()) {
      skip("tenancy_unknown_enterprise", " names no enterprise_id (承租企业)");
    } else if (!enterprises.count(tenant)) {
      skip("tenancy_unknown_enterprise",
           ": enterprise_id " + tenant + " is not in the enterprises table (add its row, or correct the code)");
    } else if (building.empty() && parcel.empty()) {
      skip("tenancy_without_premises",
           " names neither building_id (a floor lease) nor parcel_id (a land lease)");
    } else if (!building.empty() && !buildings.count(building)) {
      skip("tenancy_unknown_building", ": building_id " + building + " is not in the buildings layer");
    } else if (building.empty() && !parcels.count(parcel)) {
      skip("tenancy_unknown_parcel", ": parcel_id " + parcel + " is not in the parcels layer");
    } else if (start && end && *end < *start) {
      skip("tenancy_end_before_start",
           ": end_date " + end->iso() + " is before start_date " + start->iso() + " (correct the dates)");
    } else if (!building.empty()) {
      const int i = tenancies.field_index("leased_m2");
      const std::optional<double> m2 = i < 0 ? std::nullopt : store::value_number(f.values[static_cast<std::size_t>(i)]);
      if (!m2 || !std::isfinite(*m2) || *m2 <= 0)
        skip("tenancy_bad_area", ": leased_m2 " + (m2 ? fixed(*m2) : std::string("(empty)")) +
                                     " is not a floor area above 0 m² (give the floor area let, in m²)");
      else
        by_building[building].push_back({id, start, end, *m2});
    }
    if (f.skip) continue;
    if (!start)
      issues.add(Severity::warning, "tenancy_without_start", "tenancies", id,
                 "tenancy " + id + " has no start_date (起租日期); it counts as in force at any evaluation date "
                 "before its end_date");
    if (!building.empty() && !buildings.at(building).value_or(0))
      issues.add(Severity::warning, "tenancy_building_without_floor", "tenancies", id,
                 "tenancy " + id + ": building " + building +
                     " has no floor area, so the lease gives its tenant no land; give the building's floor_area");
  }
  for (const auto& [building, leases] : by_building)
    if (const auto floor = buildings.at(building); floor && *floor > 0) check_over_floor(building, *floor, leases, issues);
}

}  // namespace parkgis::import
