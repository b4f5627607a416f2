#pragma once
// Cross-layer checks run after every layer is read. Each reports to the IssueSink and fixes what it
// can (generated ids, zones found by overlap, floor areas from footprints); nothing is dropped silently.

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "libgis/core/issues.h"
#include "libgis/geom/geos.h"
#include "libgis/import/loaded_layer.h"

namespace parkgis::import {

// Missing ids get "<layer>-fid<N>" (warning missing_id); later features repeating an id are skipped
// (error duplicate_id). For enterprises the key is (enterprise_id, year).
void check_ids(LoadedLayer& layer, IssueSink& issues);

// The same check feature by feature, in source order, for a layer handed over in chunks as it is read.
class IdChecker {
 public:
  explicit IdChecker(const model::LayerSpec& spec);
  void reserve(std::size_t features) { m_first_fid.reserve(features); }
  void check(LoadedFeature& f, IssueSink& issues);

 private:
  const model::LayerSpec& m_spec;
  bool m_by_year;
  int m_id_index, m_year_index;
  std::unordered_map<std::string, long long> m_first_fid;
  std::string m_key;
};

// zones.park_id must name a park (warning unknown_park otherwise).
void check_zone_parks(const LoadedLayer& zones, const LoadedLayer& parks, IssueSink& issues);

// Sets zone_id of parcels or approvals: a known zone_id is kept ("attribute"); an empty one is found
// as the zone with the largest overlap ("overlap"); an unknown one is reported (unknown_zone) and
// then found by overlap; a feature that overlaps no zone is reported (outside_zones) and left
// without zone (""). Returns the source of each feature's zone, parallel to layer.features.
std::vector<std::string> assign_zones(LoadedLayer& layer, const LoadedLayer& zones, geom::Context& ctx,
                                      IssueSink& issues);

// parcels.user_id must name an enterprise when an enterprises table was given (unknown_enterprise).
void check_users(const LoadedLayer& parcels, const LoadedLayer& enterprises, IssueSink& issues);

// The same check in two steps, for when the parcels are written before the enterprises are read:
// user_refs() keeps what check_users needs of the parcels.
struct UserRef {
  std::string parcel_id, label, user_id;
};
std::vector<UserRef> user_refs(const LoadedLayer& parcels);
void check_users(const std::vector<UserRef>& parcels, const LoadedLayer& enterprises, IssueSink& issues);
void check_users(const std::vector<UserRef>& parcels, const std::unordered_set<std::string>& enterprise_ids,
                 IssueSink& issues);

// Fills empty floor_area with footprint × floors; returns the source of each floor area
// ("attribute", "footprint×floors", or "" when neither is known: missing_floor_area).
// Also reports vacant_area larger than floor_area (vacant_exceeds_floor) and negative figures.
std::vector<std::string> fill_floor_areas(LoadedLayer& buildings, geom::Context& ctx, IssueSink& issues);

}  // namespace parkgis::import
