#pragma once
// Wiring of the land rules (indicators/tenancy.h): which buildings are let at as_of (before the overlay,
// which then lists their floor per parcel), and after it the land each enterprise counts, owned and
// rented, with its figures spread over that land by area.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libgis/analysis/input.h"
#include "libgis/analysis/results.h"
#include "libgis/indicators/tenancy.h"

namespace parkgis::analysis {

struct LeasedBuildings {
  std::vector<char> keep;                                 // per building: named by a lease in force
  std::vector<double> floor_m2;                           // per building (0 when unknown)
  std::vector<char> factory;                              // per building
  std::unordered_map<std::size_t, std::string> ids;       // ids of the kept buildings
  std::vector<std::optional<std::size_t>> lease_building; // per tenancy: its building's index
};

// Call while in.buildings is still loaded.
LeasedBuildings leased_buildings(const Input& in, const Date& as_of);

// One row of tenancy_shares.
struct ShareRow {
  std::size_t parcel = 0, enterprise = 0;
  std::string building_id;  // building tenants only
  double land_m2 = 0, floor_m2 = 0;
  bool tenant = false;
};

// Fills the enterprises' land (owned, rented), each parcel's used land, tenants and share of output and
// tax, and each enterprise's zone (most of its land). Parcels must have their overlay (with parts).
// Returns every share (holder and tenants) of the parcels; tenancy_shares keeps those of rented parcels.
std::vector<ShareRow> attribute_land(const Input& in, const LeasedBuildings& leased, std::vector<ParcelResult>& parcels,
                                     std::vector<EnterpriseResult>& ents,
                                     const std::unordered_map<std::string_view, std::size_t>& ent_index,
                                     const std::unordered_map<std::string_view, std::size_t>& zone_index,
                                     const Date& as_of);

struct FirmCounts {
  long firms = 0, tenant_firms = 0;
};

// 入驻企业: distinct enterprises with a share (land, or a lease in force) in each zone and park, set into
// their sums (after the parks' sums were added up from their zones); returns the dataset's counts.
FirmCounts count_firms(const Input& in, const std::vector<ShareRow>& shares,
                       const std::unordered_map<std::string_view, std::size_t>& zone_index, std::vector<UnitResult>& zones,
                       std::vector<UnitResult>& parks);

}  // namespace parkgis::analysis
