#include "libgis/store/sqlite_db.h"

#include <spatialite.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "libgis/core/errors.h"

namespace parkgis::store::detail {

Db::Db(const std::string& path, int flags) : m_path(path) {
  // A connection is used by one thread at a time (each thread opens its own): SQLite's per-call mutex
  // is not needed (it was a tenth of the time spent reading a million enterprise rows).
  if (!(flags & SQLITE_OPEN_FULLMUTEX)) flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    const std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    m_db = nullptr;
    throw DataError("cannot open database " + path + ": " + why);
  }
  sqlite3_busy_timeout(m_db, busy_timeout_ms());
  m_spatialite_cache = spatialite_alloc_connection();
  spatialite_init_ex(m_db, m_spatialite_cache, 0);
  if (const char* env = std::getenv("PARKGIS_SQL_PROFILE"); env && *env && *env != '0') {
    m_profile = std::make_unique<Profile>();
    sqlite3_trace_v2(
        m_db, SQLITE_TRACE_PROFILE,
        [](unsigned, void* ctx, void* stmt, void* ns) -> int {
          auto* profile = static_cast<Profile*>(ctx);
          const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
          auto& entry = profile->by_sql[sql ? std::string(sql).substr(0, 160) : "?"];
          entry.first += double(*static_cast<sqlite3_int64*>(ns)) / 1e9;
          ++entry.second;
          return 0;
        },
        m_profile.get());
  }
}

int busy_timeout_ms() {
  if (const char* env = std::getenv("PARKGIS_BUSY_TIMEOUT_MS"); env && *env) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end && *end == 0 && v >= 0) return static_cast<int>(std::min(v, 3600L * 1000));
  }
  return 30000;
}

std::string locked_message(const std::string& path) {
  return "database " + path + " is locked by another program or parkgis command (reading or writing) " +
         "and stayed locked for " + std::to_string(busy_timeout_ms() / 1000) + " s; try again when it has finished";
}

Db::~Db() {
  if (m_profile) {
    std::vector<std::pair<std::string, std::pair<double, long long>>> rows(m_profile->by_sql.begin(),
                                                                            m_profile->by_sql.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::fprintf(stderr, "SQL profile of %s (seconds, runs, statement):\n", m_path.c_str());
    for (std::size_t i = 0; i < rows.size() && i < 25; ++i)
      std::fprintf(stderr, "%8.3f %9lld  %s\n", rows[i].second.first, rows[i].second.second, rows[i].first.c_str());
  }
  if (m_db) sqlite3_close_v2(m_db);
  if (m_spatialite_cache) spatialite_cleanup_ex(m_spatialite_cache);
}

std::string Db::error_message() const { return m_db ? sqlite3_errmsg(m_db) : ""; }

void Db::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string why = err ? err : error_message();
    sqlite3_free(err);
    fail(sql, why);
  }
}

void Db::fail(const std::string& sql, const std::string& why) const {
  const int code = error_code() & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    throw DataError(locked_message(m_path));
  if (code == SQLITE_FULL)
    throw DataError("database " + m_path + ": the disk is full; free some space and run the command again "
                    "(the database is left as it was)");
  if (code == SQLITE_READONLY)
    throw DataError("database " + m_path + " is read-only (file or folder permissions); nothing was written");
  throw DataError("database " + m_path + ": " + why + " (in: " + sql.substr(0, 120) + ")");
}

std::int64_t Db::query_int(const std::string& sql) {
  Stmt st(*this, sql);
  return st.step() ? st.column_int(0) : 0;
}

Stmt::Stmt(Db& db, const std::string& sql) : m_db(db), m_sql(sql) {
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
    db.fail(sql, db.error_message());
}

Stmt::~Stmt() { sqlite3_finalize(m_stmt); }

void Stmt::bind_null(int i) { sqlite3_bind_null(m_stmt, i); }
void Stmt::bind_text(int i, std::string_view s) {
  sqlite3_bind_text(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void Stmt::bind_int(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
void Stmt::bind_double(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
void Stmt::bind_blob(int i, std::string_view b) {
  sqlite3_bind_blob(m_stmt, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
}

void Stmt::bind_text_ref(int i, std::string_view s) {
  sqlite3_bind_text(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}
void Stmt::bind_blob_ref(int i, std::string_view b) {
  sqlite3_bind_blob(m_stmt, i, b.data(), static_cast<int>(b.size()), SQLITE_STATIC);
}

bool Stmt::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  m_db.fail(m_sql, m_db.error_message());
}

void Stmt::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::string Stmt::column_text(int i) const {
  const auto* p = sqlite3_column_text(m_stmt, i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
           : std::string();
}

std::string Stmt::column_blob(int i) const {
  const void* p = sqlite3_column_blob(m_stmt, i);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
           : std::string();
}

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace parkgis::store::detail
