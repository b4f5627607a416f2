#include "libgis/analysis/land.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "libgis/indicators/overlay.h"

namespace parkgis::analysis {

LeasedBuildings leased_buildings(const Input& in, const Date& as_of) {
  LeasedBuildings out;
  const std::size_t n = in.buildings.size();
  out.keep.assign(n, 0);
  out.floor_m2.resize(n);
  out.factory.resize(n);
  std::unordered_map<std::string_view, std::size_t> index;  // only when there are leases
  if (!in.tenancies.empty()) index.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const BuildingRec& b = in.buildings[k];
    if (!in.tenancies.empty()) index.emplace(b.id, k);
    out.floor_m2[k] = b.floor_area.value_or(0);
    out.factory[k] = indicators::is_factory_use(b.use);
  }
  out.lease_building.resize(in.tenancies.size());
  for (std::size_t t = 0; t < in.tenancies.size(); ++t) {
    const TenancyRec& l = in.tenancies[t];
    const auto it = l.building_id.empty() ? index.end() : index.find(l.building_id);
    if (it == index.end()) continue;
    out.lease_building[t] = it->second;
    if (indicators::lease_in_force({0, it->second, std::nullopt, 0, l.start, l.end}, as_of)) {
      out.keep[it->second] = 1;
      out.ids.emplace(it->second, l.building_id);
    }
  }
  return out;
}

std::vector<ShareRow> attribute_land(const Input& in, const LeasedBuildings& leased, std::vector<ParcelResult>& parcels,
                                     std::vector<EnterpriseResult>& ents,
                                     const std::unordered_map<std::string_view, std::size_t>& ent_index,
                                     const std::unordered_map<std::string_view, std::size_t>& zone_index,
                                     const Date& as_of) {
  // Inputs of the rule: parcels (held at as_of, holder, floor), building floor per parcel, leases.
  std::vector<indicators::LandParcel> land(parcels.size());
  std::vector<indicators::FloorShare> floors;
  std::unordered_map<std::string_view, std::size_t> parcel_index;
  parcel_index.reserve(parcels.size());
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    ParcelResult& r = parcels[i];
    const auto& supply = in.parcels[i].idle.supply_date;
    r.held = !supply || *supply <= as_of;
    land[i] = {r.area_m2, r.enterprise >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(r.enterprise)) : std::nullopt,
               r.held, r.overlay.floor_m2};
    for (const indicators::BuildingPart& part : r.overlay.parts)
      floors.push_back({i, part.building, part.floor_m2, leased.factory[part.building] != 0});
    parcel_index.emplace(in.parcels[i].id, i);
  }
  std::vector<indicators::Lease> leases;
  for (std::size_t t = 0; t < in.tenancies.size(); ++t) {
    const TenancyRec& l = in.tenancies[t];
    const auto tenant = ent_index.find(l.enterprise_id);
    if (tenant == ent_index.end()) continue;  // reported by the import
    if (leased.lease_building[t]) {
      leases.push_back({tenant->second, leased.lease_building[t], std::nullopt, l.leased_m2.value_or(0), l.start, l.end});
    } else if (l.building_id.empty()) {
      if (const auto p = parcel_index.find(l.parcel_id); p != parcel_index.end())
        leases.push_back({tenant->second, std::nullopt, p->second, 0, l.start, l.end});
    }
  }
  const std::vector<indicators::LandShare> shares = indicators::allocate_land(land, floors, leased.floor_m2, leases, as_of);

  // Enterprises: land owned and rented.
  for (const indicators::LandShare& s : shares) {
    EnterpriseResult& e = ents[s.enterprise];
    e.land_m2 += s.land_m2;
    (s.tenant ? e.leased_land_m2 : e.owned_land_m2) += s.land_m2;
    if (s.building) e.leased_floor_m2 += s.floor_m2;
  }
  for (const ParcelResult& r : parcels)
    if (r.held && r.enterprise >= 0) ents[static_cast<std::size_t>(r.enterprise)].parcels += 1;

  // Parcels: each enterprise's figures spread over all its land by area; tenants and their part.
  std::vector<char> land_tenant(parcels.size(), 0);
  for (std::size_t k = 0; k < shares.size(); ++k) {
    const indicators::LandShare& s = shares[k];
    ParcelResult& r = parcels[s.parcel];
    const EnterpriseResult& e = ents[s.enterprise];
    const double share = e.land_m2 > 0 ? s.land_m2 / e.land_m2 : 0;
    if (e.output_wan) r.output_wan = r.output_wan.value_or(0) + *e.output_wan * share;
    if (e.tax_wan) r.tax_wan = r.tax_wan.value_or(0) + *e.tax_wan * share;
    if (!s.tenant) continue;
    bool seen = false;  // the same tenant earlier on this parcel (shares of a parcel are contiguous)
    for (std::size_t j = k; j-- > 0 && shares[j].parcel == s.parcel && !seen;)
      seen = shares[j].tenant && shares[j].enterprise == s.enterprise;
    if (!seen) r.tenants += 1;
    r.leased_land_m2 += s.land_m2;
    if (e.tax_wan) r.tenant_tax_wan += *e.tax_wan * share;
    if (s.building) {
      r.leased_floor_m2 += s.floor_m2;
      r.factory_leased_m2 += s.factory_floor_m2;
    } else {
      land_tenant[s.parcel] = 1;
    }
  }
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    ParcelResult& r = parcels[i];
    const bool holder = !in.parcels[i].user_id.empty() || land_tenant[i];
    r.used_m2 = !r.held ? 0 : holder ? r.area_m2 : r.leased_land_m2;
    // 入驻: factory floor let, or used by its holder (neither let nor vacant).
    const double factory = r.overlay.factory_floor_m2;
    const double own_use = r.held && holder ? std::max(0.0, factory - r.factory_leased_m2 - r.overlay.factory_vacant_m2) : 0;
    r.factory_occupied_m2 = std::min(factory, r.factory_leased_m2 + own_use);
  }

  // Each enterprise's zone: the one holding most of its land (a tie: the zone id first in byte order).
  std::vector<std::tuple<std::size_t, std::string_view, double>> by_zone;  // enterprise, zone, land
  by_zone.reserve(shares.size());
  for (const indicators::LandShare& s : shares) by_zone.emplace_back(s.enterprise, in.parcels[s.parcel].zone_id, s.land_m2);
  std::stable_sort(by_zone.begin(), by_zone.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  for (std::size_t j = 0; j < by_zone.size();) {
    const std::size_t e = std::get<0>(by_zone[j]);
    double best = -1;
    std::string_view best_zone;
    while (j < by_zone.size() && std::get<0>(by_zone[j]) == e) {
      const std::string_view zone = std::get<1>(by_zone[j]);
      double m2 = 0;
      for (; j < by_zone.size() && std::get<0>(by_zone[j]) == e && std::get<1>(by_zone[j]) == zone; ++j)
        m2 += std::get<2>(by_zone[j]);
      if (m2 > best) {
        best = m2;
        best_zone = zone;
      }
    }
    ents[e].zone_id = best_zone;
    if (auto z = zone_index.find(best_zone); z != zone_index.end()) ents[e].park_id = in.zones[z->second].park_id;
  }

  std::vector<ShareRow> rows;
  rows.reserve(shares.size());
  for (const indicators::LandShare& s : shares)
    rows.push_back({s.parcel, s.enterprise, s.building ? leased.ids.at(*s.building) : std::string(), s.land_m2, s.floor_m2,
                    s.tenant});
  return rows;
}

FirmCounts count_firms(const Input& in, const std::vector<ShareRow>& shares,
                       const std::unordered_map<std::string_view, std::size_t>& zone_index, std::vector<UnitResult>& zones,
                       std::vector<UnitResult>& parks) {
  std::unordered_map<std::string_view, std::size_t> park_index;
  for (std::size_t k = 0; k < parks.size(); ++k) park_index.emplace(parks[k].id, k);
  // (unit, enterprise) pairs; a tenant anywhere in the unit is a tenant firm of it.
  std::set<std::pair<std::size_t, std::size_t>> zone_firms, zone_tenants, park_firms, park_tenants;
  std::set<std::size_t> all, all_tenants;
  for (const ShareRow& s : shares) {
    const auto z = zone_index.find(in.parcels[s.parcel].zone_id);
    if (z == zone_index.end()) continue;
    zone_firms.emplace(z->second, s.enterprise);
    if (s.tenant) zone_tenants.emplace(z->second, s.enterprise);
    const auto p = park_index.find(zones[z->second].park_id);
    if (p == park_index.end()) continue;
    park_firms.emplace(p->second, s.enterprise);
    if (s.tenant) park_tenants.emplace(p->second, s.enterprise);
    all.insert(s.enterprise);  // the dataset's totals are those of its parks
    if (s.tenant) all_tenants.insert(s.enterprise);
  }
  for (UnitResult& z : zones) z.sums.firms = z.sums.tenant_firms = 0;
  for (UnitResult& p : parks) p.sums.firms = p.sums.tenant_firms = 0;
  for (const auto& [z, e] : zone_firms) zones[z].sums.firms += 1;
  for (const auto& [z, e] : zone_tenants) zones[z].sums.tenant_firms += 1;
  for (const auto& [p, e] : park_firms) parks[p].sums.firms += 1;
  for (const auto& [p, e] : park_tenants) parks[p].sums.tenant_firms += 1;
  return {static_cast<long>(all.size()), static_cast<long>(all_tenants.size())};
}

}  // namespace parkgis::analysis
