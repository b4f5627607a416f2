// The store factories: a SpatiaLite file or a PostGIS schema, from what --db and --schema name.
#include "libgis/store/location.h"
#include "libgis/store/store.h"

namespace parkgis::store {

std::unique_ptr<Store> open_store(const std::string& db, const std::string& schema) {
  const Location loc = parse_location(db, schema);
  return loc.postgres ? open_postgis(loc) : open_spatialite(loc.path);
}

std::unique_ptr<NewStore> create_store(const std::string& db, int srid, const std::string& schema) {
  const Location loc = parse_location(db, schema);
  return loc.postgres ? create_postgis(loc, srid) : create_spatialite(loc.path, srid);
}

TargetKind inspect_location(const std::string& db, const std::string& schema) {
  const Location loc = parse_location(db, schema);
  return loc.postgres ? inspect_postgis(loc) : inspect_target(loc.path);
}

}  // namespace parkgis::store
