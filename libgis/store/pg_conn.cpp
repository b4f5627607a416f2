// libpq connection and results for the PostGIS store.
#include "libgis/store/pg_conn.h"

#include <cstring>
#include <memory>

#include "libgis/core/errors.h"

namespace parkgis::store::detail {

namespace {

bool has_option(const std::string& conninfo, const char* keyword) {
  char* error = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &error);
  PQfreemem(error);
  bool found = false;
  for (PQconninfoOption* o = opts; o && o->keyword; ++o)
    if (std::strcmp(o->keyword, keyword) == 0 && o->val && *o->val) found = true;
  PQconninfoFree(opts);
  return found;
}

// What a user can do about a failed connection, from libpq's reason.
std::string connection_hint(const std::string& why) {
  if (why.find("password authentication failed") != std::string::npos ||
      why.find("no password supplied") != std::string::npos)
    return "; check the user and its password in ~/.pgpass (or PGPASSFILE, or a service file)";
  if (why.find("Connection refused") != std::string::npos || why.find("timeout expired") != std::string::npos ||
      why.find("could not translate host name") != std::string::npos ||
      why.find("No such file or directory") != std::string::npos)
    return "; is the server running, and are the host and port right?";
  if (why.find("does not exist") != std::string::npos) return "; ask the server's administrator to create it (docs/deploy.md)";
  return "";
}

}  // namespace

std::string one_line(std::string_view message) {
  std::string s(message.substr(0, message.find('\n')));
  for (const char* prefix : {"ERROR:  ", "FATAL:  ", "ERROR: ", "FATAL: "})
    for (std::size_t at = s.find(prefix); at != std::string::npos; at = s.find(prefix)) s.erase(at, std::strlen(prefix));
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string pg_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

PgConn::PgConn(const std::string& conninfo, std::string display) : m_display(std::move(display)) {
  // Keywords and values: the given conninfo (or URI) expanded, plus defaults it does not set.
  std::vector<const char*> keys = {"dbname", "fallback_application_name"};
  std::vector<const char*> values = {conninfo.c_str(), "parkgis"};
  if (!has_option(conninfo, "connect_timeout")) {
    keys.push_back("connect_timeout");
    values.push_back("10");
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  m_conn = PQconnectdbParams(keys.data(), values.data(), 1);
  if (!m_conn) throw DataError("cannot connect to " + m_display + ": out of memory");
  if (PQstatus(m_conn) != CONNECTION_OK) {
    const std::string why = one_line(PQerrorMessage(m_conn));
    PQfinish(m_conn);
    m_conn = nullptr;
    throw DataError("cannot connect to PostgreSQL " + m_display + ": " + why + connection_hint(why));
  }
  PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);  // NOTICEs (IF EXISTS, ...) are not for users
  exec("SET datestyle = ISO; SET extra_float_digits = 3; SET client_encoding = 'UTF8'");
}

PgConn::~PgConn() {
  if (m_conn) PQfinish(m_conn);
}

void PgConn::fail(const std::string& what, const PGresult* res) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  m_sqlstate = state ? state : "";
  const std::string why = one_line(res ? PQresultErrorMessage(res) : PQerrorMessage(m_conn));
  if (PQstatus(m_conn) == CONNECTION_BAD)
    throw DataError("the connection to PostgreSQL " + m_display + " was lost (" + why + "); nothing more was written");
  throw DataError(what + ": " + why);
}

PgResult PgConn::check(PGresult* raw, const std::string& sql) {
  PgResult res(raw);
  const ExecStatusType st = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_SINGLE_TUPLE) return res;
  std::string first = sql.substr(0, sql.find_first_of(" \n"));
  fail("PostgreSQL " + m_display + " refused " + first, raw);
}

namespace {
// Pointers into the parameters for PQexecParams (all text, types inferred by the server).
std::vector<const char*> param_pointers(const Params& params) {
  std::vector<const char*> p;
  p.reserve(params.size());
  for (const auto& v : params) p.push_back(v ? v->c_str() : nullptr);
  return p;
}
}  // namespace

void PgConn::exec(const std::string& sql, const Params& params) { query(sql, params); }

PgResult PgConn::query(const std::string& sql, const Params& params) {
  m_sqlstate.clear();
  if (params.empty()) return check(PQexec(m_conn, sql.c_str()), sql);
  const std::vector<const char*> p = param_pointers(params);
  return check(PQexecParams(m_conn, sql.c_str(), static_cast<int>(p.size()), nullptr, p.data(), nullptr, nullptr, 0), sql);
}

void PgConn::stream(const std::string& sql, const Params& params, const std::function<void(const PgResult&)>& fn) {
  m_sqlstate.clear();
  const std::vector<const char*> p = param_pointers(params);
  if (!PQsendQueryParams(m_conn, sql.c_str(), static_cast<int>(p.size()), nullptr, p.data(), nullptr, nullptr, 0))
    fail("PostgreSQL " + m_display + " could not take a query");
  PQsetSingleRowMode(m_conn);
  std::exception_ptr failure;
  PgResult error;
  while (PGresult* raw = PQgetResult(m_conn)) {
    PgResult res(raw);
    const ExecStatusType st = PQresultStatus(raw);
    if (st == PGRES_SINGLE_TUPLE) {
      if (failure) continue;  // drain the rest after a failure in fn
      try {
        fn(res);
      } catch (...) {
        failure = std::current_exception();
      }
    } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      error = std::move(res);
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (error.get()) fail("PostgreSQL " + m_display + " could not read", error.get());
}

void PgConn::copy_in(const std::string& copy_sql, const std::function<bool(std::string&)>& fill) {
  PgResult start = PgResult(PQexec(m_conn, copy_sql.c_str()));
  if (PQresultStatus(start.get()) != PGRES_COPY_IN) fail("PostgreSQL " + m_display + " refused COPY", start.get());
  std::string buffer;
  buffer.reserve(8u << 20);
  bool more = true;
  std::exception_ptr failure;
  while (more) {
    try {
      while (more && buffer.size() < (4u << 20)) more = fill(buffer);
    } catch (...) {
      failure = std::current_exception();
      break;
    }
    if (!buffer.empty() && PQputCopyData(m_conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
      fail("PostgreSQL " + m_display + " did not take the rows");
    buffer.clear();
  }
  PQputCopyEnd(m_conn, failure ? "cancelled by parkgis" : nullptr);
  PGresult* last = nullptr;
  PgResult error;
  while (PGresult* raw = PQgetResult(m_conn)) {
    PgResult res(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !error.get()) error = std::move(res);
    last = raw;
  }
  (void)last;
  if (failure) std::rethrow_exception(failure);
  if (error.get()) fail("PostgreSQL " + m_display + " refused the rows", error.get());
}

}  // namespace parkgis::store::detail
