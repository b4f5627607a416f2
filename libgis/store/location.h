#pragma once
// Where a database is: what `--db` (and `--schema`) name. A path is a SpatiaLite file; a libpq URI
// (postgresql://user@host:port/dbname, postgres://...) or "PG:" followed by a conninfo string (as GDAL
// writes it, e.g. PG:"host=db dbname=parks") is a PostgreSQL/PostGIS database. Passwords belong in
// ~/.pgpass, PGPASSFILE or a service file; one written into the location is used but never shown:
// `display` is the form for every message, log and meta value.

#include <string>

namespace parkgis::store {

struct Location {
  bool postgres = false;
  std::string path;      // SpatiaLite: the file
  std::string conninfo;  // PostgreSQL: what libpq is given (may hold a password: never print it)
  std::string schema;    // PostgreSQL: the schema holding the tables ("public" by default)
  std::string display;   // the path, or the connection without its password (+ " --schema NAME" unless public)
};

inline constexpr const char* kDefaultSchema = "public";

// True when `db` names a PostgreSQL database (a postgresql:// or postgres:// URI, or PG:conninfo).
bool is_postgres_location(const std::string& db);

// Parses --db and --schema (a PostgreSQL --db may also end in " --schema NAME", as `display` writes it). Throws UsageError for a connection string libpq cannot parse, a schema name
// that is empty or longer than PostgreSQL allows, or a --schema given with a SpatiaLite file.
Location parse_location(const std::string& db, const std::string& schema = "");

// The connection without its password (URI or conninfo form as given); a path is returned as it is.
std::string display_location(const std::string& db);

}  // namespace parkgis::store
