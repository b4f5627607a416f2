#pragma once
// RAII over one libpq connection and its results. Used only by the PostGIS store. Every failure becomes
// a DataError with one clean line (libpq's first line without "ERROR:"/"FATAL:", and what to do); the
// connection is named by its display form, never with a password.

#include <libpq-fe.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkgis::store::detail {

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* r) : m_res(r) {}
  ~PgResult() { PQclear(m_res); }
  PgResult(PgResult&& o) noexcept : m_res(o.m_res) { o.m_res = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept {
    std::swap(m_res, o.m_res);
    return *this;
  }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  PGresult* get() const { return m_res; }
  int rows() const { return PQntuples(m_res); }
  bool is_null(int row, int col) const { return PQgetisnull(m_res, row, col) != 0; }
  std::string_view value(int row, int col) const {
    return {PQgetvalue(m_res, row, col), static_cast<std::size_t>(PQgetlength(m_res, row, col))};
  }
  std::string text(int row, int col) const { return std::string(value(row, col)); }

 private:
  PGresult* m_res = nullptr;
};

using Params = std::vector<std::optional<std::string>>;  // text parameters ($1, $2, ...); none = NULL

class PgConn {
 public:
  // Connects (connect_timeout 10 s unless the conninfo sets one). Throws DataError with the reason in
  // one line: unreachable server, authentication, missing database.
  PgConn(const std::string& conninfo, std::string display);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  PGconn* get() const { return m_conn; }
  const std::string& display() const { return m_display; }

  void exec(const std::string& sql, const Params& params = {});  // a command; throws DataError
  PgResult query(const std::string& sql, const Params& params = {});
  // Streams the rows of a query one at a time (libpq's single-row mode).
  void stream(const std::string& sql, const Params& params, const std::function<void(const PgResult&)>& fn);
  // COPY ... FROM STDIN: `fill` is called with a buffer to append text-format lines to, and returns false
  // when no rows are left; the buffer is sent whenever it holds a few megabytes.
  void copy_in(const std::string& copy_sql, const std::function<bool(std::string&)>& fill);

  // The SQLSTATE of the last failed statement ("" when none), for callers that tell errors apart.
  const std::string& last_sqlstate() const { return m_sqlstate; }

  // Throws DataError: "<what>: <libpq's reason>" in one line.
  [[noreturn]] void fail(const std::string& what, const PGresult* res = nullptr);

 private:
  PgResult check(PGresult* res, const std::string& sql);
  PGconn* m_conn = nullptr;
  std::string m_display;
  std::string m_sqlstate;
};

// libpq's message as one line: the first line, without a leading "ERROR:  " or "FATAL:  ".
std::string one_line(std::string_view message);

// Quotes an identifier ("name" with inner quotes doubled).
std::string pg_ident(std::string_view name);

}  // namespace parkgis::store::detail
