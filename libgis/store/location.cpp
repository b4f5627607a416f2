// Parsing of --db: a SpatiaLite path or a PostgreSQL connection, and its password-free display form.
#include "libgis/store/location.h"

#include <libpq-fe.h>

#include <memory>
#include <string_view>

#include "libgis/core/errors.h"

namespace parkgis::store {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_uri(std::string_view db) { return starts_with(db, "postgresql://") || starts_with(db, "postgres://"); }

// What libpq is given: the URI as it is, or the conninfo after "PG:".
std::string conninfo_of(const std::string& db) { return is_uri(db) ? db : db.substr(3); }

struct OptionsDeleter {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Options = std::unique_ptr<PQconninfoOption, OptionsDeleter>;

// libpq's parse of a conninfo string or URI; throws UsageError with libpq's reason.
Options parse_conninfo(const std::string& db) {
  char* error = nullptr;
  Options opts(PQconninfoParse(conninfo_of(db).c_str(), &error));
  if (!opts) {
    std::string why = error ? error : "out of memory";
    PQfreemem(error);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw UsageError("--db " + display_location(db) + " is not a PostgreSQL connection libpq can read: " + why);
  }
  return opts;
}

// A conninfo value, quoted when it needs to be (spaces, quotes, backslashes, empty).
std::string conninfo_value(const std::string& v) {
  if (!v.empty() && v.find_first_of(" '\\") == std::string::npos) return v;
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The URI with the password of its user part and any password= parameter taken out.
std::string uri_without_password(const std::string& uri) {
  const std::size_t scheme_end = uri.find("://") + 3;
  std::string out = uri;
  const std::size_t authority_end = out.find_first_of("/?", scheme_end);
  const std::size_t at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
  if (at != std::string::npos && at >= scheme_end) {
    const std::size_t colon = out.find(':', scheme_end);
    if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  const std::size_t query = out.find('?');
  if (query == std::string::npos) return out;
  std::string params = out.substr(query + 1), kept;
  std::size_t start = 0;
  while (start <= params.size()) {
    std::size_t end = params.find('&', start);
    if (end == std::string::npos) end = params.size();
    const std::string p = params.substr(start, end - start);
    if (!p.empty() && !starts_with(p, "password=")) kept += (kept.empty() ? "" : "&") + p;
    start = end + 1;
  }
  return out.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

}  // namespace

bool is_postgres_location(const std::string& db) { return is_uri(db) || starts_with(db, "PG:"); }

std::string display_location(const std::string& db) {
  if (!is_postgres_location(db)) return db;
  if (is_uri(db)) return uri_without_password(db);
  char* error = nullptr;
  Options opts(PQconninfoParse(conninfo_of(db).c_str(), &error));
  PQfreemem(error);
  if (!opts) return "PG:(a connection string libpq cannot read)";
  std::string out;
  for (const PQconninfoOption* o = opts.get(); o->keyword; ++o) {
    if (!o->val || std::string_view(o->keyword) == "password") continue;
    out += (out.empty() ? "" : " ") + std::string(o->keyword) + "=" + conninfo_value(o->val);
  }
  return "PG:" + out;
}

Location parse_location(const std::string& db, const std::string& schema) {
  // The display form of a non-default schema, "CONNECTION --schema NAME", names the same database (the
  // viewer keeps one string per database).
  if (schema.empty() && is_postgres_location(db)) {
    if (const std::size_t at = db.rfind(" --schema "); at != std::string::npos)
      return parse_location(db.substr(0, at), db.substr(at + 10));
  }
  Location loc;
  if (db.empty()) throw UsageError("--db is empty; give a database file or a postgresql:// connection");
  if (!is_postgres_location(db)) {
    if (!schema.empty())
      throw UsageError("--schema applies to PostgreSQL databases only; " + db +
                       " is a SpatiaLite file (one dataset per file)");
    loc.path = db;
    loc.display = db;
    return loc;
  }
  parse_conninfo(db);  // checks the syntax now, with libpq's reason
  loc.postgres = true;
  loc.conninfo = conninfo_of(db);
  loc.schema = schema.empty() ? kDefaultSchema : schema;
  if (loc.schema.size() > 63)
    throw UsageError("--schema " + loc.schema + " is longer than PostgreSQL's 63-byte names");
  loc.display = display_location(db);
  if (loc.schema != kDefaultSchema) loc.display += " --schema " + loc.schema;
  return loc;
}

}  // namespace parkgis::store
