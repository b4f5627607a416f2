#pragma once
// RAII over one SQLite connection with SpatiaLite loaded, and prepared statements.
// Used only by the SpatiaLite store. A connection waits for another process's lock up to
// busy_timeout_ms() (PARKGIS_BUSY_TIMEOUT_MS, default 30 s) before SQLite reports it busy.

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace parkgis::store::detail {

class Db {
 public:
  // flags: SQLITE_OPEN_READWRITE [| SQLITE_OPEN_CREATE]. Throws DataError when it cannot open.
  Db(const std::string& path, int flags);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* get() const { return m_db; }
  const std::string& path() const { return m_path; }
  void exec(const std::string& sql);                 // throws DataError with the SQL's error
  std::int64_t query_int(const std::string& sql);    // first column of the first row (0 if none)
  std::string error_message() const;
  // Throws DataError for the connection's last error: busy/locked, disk full and read-only are said
  // in plain words; anything else with SQLite's message and the statement.
  [[noreturn]] void fail(const std::string& sql, const std::string& why) const;
  int error_code() const { return m_db ? sqlite3_errcode(m_db) : SQLITE_CANTOPEN; }

 private:
  sqlite3* m_db = nullptr;
  void* m_spatialite_cache = nullptr;
  std::string m_path;
  // With PARKGIS_SQL_PROFILE=1 in the environment: time per SQL text, printed to stderr on close.
  struct Profile {
    std::map<std::string, std::pair<double, long long>> by_sql;  // seconds, runs
  };
  std::unique_ptr<Profile> m_profile;
};

class Stmt {
 public:
  Stmt(Db& db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  void bind_null(int i);
  void bind_text(int i, std::string_view s);
  void bind_int(int i, std::int64_t v);
  void bind_double(int i, double v);
  void bind_blob(int i, std::string_view bytes);
  // Without a copy: the bytes must stay unchanged until the statement is reset.
  void bind_text_ref(int i, std::string_view s);
  void bind_blob_ref(int i, std::string_view bytes);

  bool step();   // true: a row is available; false: done. Throws on error.
  void reset();  // ready to bind and step again

  int column_type(int i) const { return sqlite3_column_type(m_stmt, i); }
  std::string column_text(int i) const;
  std::int64_t column_int(int i) const { return sqlite3_column_int64(m_stmt, i); }
  double column_double(int i) const { return sqlite3_column_double(m_stmt, i); }
  std::string column_blob(int i) const;

 private:
  Db& m_db;
  sqlite3_stmt* m_stmt = nullptr;
  std::string m_sql;
};

int busy_timeout_ms();
std::string locked_message(const std::string& path);  // "database PATH is locked by ... try again when ..."

// Quotes an identifier for SQL ("name" with inner quotes doubled).
std::string quote_ident(std::string_view name);

}  // namespace parkgis::store::detail
