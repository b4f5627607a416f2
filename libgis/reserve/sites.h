#pragma once
// parkgis sites: land-reserve candidate sites assembled from the analysis result tables (parcel_metrics,
// unsupplied_land; never recomputed) with indicators/reserve_sites, written to the spatial table
// reserve_sites (+ reserve_site_pieces, reserve_sites_params) in one transaction; and the site search
// (--fit) over that table. docs/reserve.md.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "libgis/indicators/reserve_sites.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::reserve {

struct SitesOptions {
  std::vector<indicators::ReserveKind> kinds = indicators::default_reserve_kinds();
  double gap_m = 0;           // pieces this close (m) in one zone make one site
  double min_mu = 0;          // smaller sites are dropped
  std::string park_id, zone_id;  // only this park / zone ("" = all)
  std::string config_path;    // "" = the configuration of the latest analysis run
};

struct SitesSummary {
  std::size_t pieces = 0, sites = 0, dropped_small = 0;
  double area_m2 = 0;
  std::string as_of, config_source;
};

// Reads the result tables, assembles and ranks the sites and replaces reserve_sites, reserve_site_pieces
// and reserve_sites_params in one transaction. Throws DataError when the database has not been analysed
// or the park/zone is unknown.
SitesSummary build_reserve_sites(store::Store& store, const SitesOptions& options);

struct FitRequest {
  indicators::FitQuery query;
  std::optional<std::pair<double, double>> near;  // x, y in the database's CRS (m)
  std::string zone_id;                             // only this zone ("" = all)
};

struct FitAnswer {
  std::string site_id;
  std::optional<double> distance_m;
};

// The sites of reserve_sites that take the project, ranked (indicators::rank_fits). Throws DataError when
// reserve_sites does not exist ('parkgis sites' first) or the zone is unknown.
std::vector<FitAnswer> search_sites(store::Store& store, const FitRequest& request);

// "unsupplied,reclaim" → kinds; throws UsageError naming an unknown kind and listing the valid ones.
std::vector<indicators::ReserveKind> parse_kinds(const std::string& list);
std::string kind_names(const std::vector<indicators::ReserveKind>& kinds);  // "unsupplied,reclaim"

}  // namespace parkgis::reserve
