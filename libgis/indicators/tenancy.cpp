#include "libgis/indicators/tenancy.h"

#include <algorithm>
#include <cmath>

namespace parkgis::indicators {

bool lease_in_force(const Lease& lease, const Date& as_of) {
  return (!lease.start || *lease.start <= as_of) && (!lease.end || *lease.end >= as_of);
}

std::vector<LandShare> allocate_land(const std::vector<LandParcel>& parcels, const std::vector<FloorShare>& floors,
                                     const std::vector<double>& building_floor_m2, const std::vector<Lease>& leases,
                                     const Date& as_of) {
  // Leases in force: land tenants by parcel, building leases by building (in lease order).
  std::vector<std::vector<std::size_t>> land_tenants(parcels.size()), by_building(building_floor_m2.size());
  std::vector<double> leased_total(building_floor_m2.size(), 0);
  for (std::size_t k = 0; k < leases.size(); ++k) {
    const Lease& l = leases[k];
    if (!lease_in_force(l, as_of)) continue;
    if (l.building) {
      if (*l.building >= by_building.size() || !(l.leased_m2 > 0) || !std::isfinite(l.leased_m2)) continue;
      by_building[*l.building].push_back(k);
      leased_total[*l.building] += l.leased_m2;
    } else if (l.parcel && *l.parcel < parcels.size()) {
      land_tenants[*l.parcel].push_back(l.tenant);
    }
  }
  // Concurrent leases over a building's floor area are scaled down together to that area.
  std::vector<double> scale(building_floor_m2.size(), 0);
  for (std::size_t b = 0; b < scale.size(); ++b)
    if (leased_total[b] > 0 && building_floor_m2[b] > 0) scale[b] = std::min(1.0, building_floor_m2[b] / leased_total[b]);

  // Floor shares by parcel (stable: the overlay's building order within a parcel).
  std::vector<std::size_t> first(parcels.size() + 1, 0), order(floors.size());
  for (const FloorShare& f : floors)
    if (f.parcel < parcels.size()) ++first[f.parcel + 1];
  for (std::size_t p = 0; p < parcels.size(); ++p) first[p + 1] += first[p];
  {
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (std::size_t k = 0; k < floors.size(); ++k)
      if (floors[k].parcel < parcels.size()) order[fill[floors[k].parcel]++] = k;
  }

  std::vector<LandShare> out, tenants;
  for (std::size_t p = 0; p < parcels.size(); ++p) {
    const LandParcel& parcel = parcels[p];
    if (!parcel.held) continue;
    tenants.clear();
    double let_land = 0, let_floor = 0, let_factory = 0, factory_floor = 0;
    for (std::size_t j = first[p]; j < first[p + 1]; ++j) {
      const FloorShare& f = floors[order[j]];
      if (f.factory) factory_floor += f.floor_m2;
      if (f.building >= by_building.size() || by_building[f.building].empty()) continue;
      const double fraction = building_floor_m2[f.building] > 0 ? f.floor_m2 / building_floor_m2[f.building] : 0;
      for (std::size_t k : by_building[f.building]) {
        const double floor = leases[k].leased_m2 * scale[f.building] * fraction;
        const double land = parcel.floor_m2 > 0 ? parcel.area_m2 * floor / parcel.floor_m2 : 0;
        tenants.push_back({p, leases[k].tenant, f.building, land, floor, f.factory ? floor : 0, true});
        let_land += land;
        let_floor += floor;
        if (f.factory) let_factory += floor;
      }
    }
    // The holder's part: the whole parcel less what building tenants count; to land tenants when any.
    const double rest = std::max(0.0, parcel.area_m2 - let_land);
    const std::vector<std::size_t>& land = land_tenants[p];
    if (rest > 1e-9 * parcel.area_m2 && (!land.empty() || parcel.holder)) {
      const double n = land.empty() ? 1.0 : static_cast<double>(land.size());
      const double floor_rest = std::max(0.0, parcel.floor_m2 - let_floor) / n;
      const double factory_rest = std::max(0.0, factory_floor - let_factory) / n;
      if (land.empty())
        out.push_back({p, *parcel.holder, std::nullopt, rest, floor_rest, factory_rest, false});
      for (std::size_t t : land) out.push_back({p, t, std::nullopt, rest / n, floor_rest, factory_rest, true});
    }
    out.insert(out.end(), tenants.begin(), tenants.end());
  }
  return out;
}

}  // namespace parkgis::indicators
