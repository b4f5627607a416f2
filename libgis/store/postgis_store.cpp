// The PostGIS store: the same tables and columns as the SpatiaLite store, in one schema of a PostgreSQL
// database with PostGIS. Geometry columns are geometry(MultiPolygon, SRID) (registered in
// geometry_columns by their type modifier) with a GiST index built after the rows; rows go in through
// COPY (text, hex EWKB) and come out in single-row mode (ST_AsBinary, exact envelope).
//
// Many users at once: every parkgis table carries the comment "parkgis". An import builds all its tables
// in one transaction; an analysis replaces its tables in one transaction. Both hold a transaction-level
// advisory lock on the schema exclusively; readers (reports, exports, the viewer) hold it shared for
// their snapshot (until end_reading()), so a reader sees the state before or after a writer, never a mix,
// and a second writer waits (up to PARKGIS_BUSY_TIMEOUT_MS) with a message, then fails clearly.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "libgis/core/errors.h"
#include "libgis/store/location.h"
#include "libgis/store/pg_conn.h"
#include "libgis/store/sqlite_db.h"
#include "libgis/store/store.h"
#include "libgis/store/wkb_header.h"

namespace parkgis::store {

using detail::Params;
using detail::PgConn;
using detail::PgResult;
using detail::pg_ident;

namespace {

const char* kMetaTable = "parkgis_meta";
const char* kIssuesTable = "import_issues";
const char* kTableComment = "parkgis";  // marks the tables parkgis writes (an import replaces these)
const char* kLockClass = "1885826931";   // first key of the schema's advisory lock ("pgks")

const char* sql_type(ColumnType t) {
  switch (t) {
    case ColumnType::text: return "text";
    case ColumnType::integer: return "bigint";
    case ColumnType::real: return "double precision";
    case ColumnType::date: return "date";
  }
  return "text";
}

std::string number_text(double d) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

// A value as COPY text of a column of type t.
void append_copy_value(std::string& out, const Value& v, ColumnType t, const std::string& table) {
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (s->empty() && t != ColumnType::text) {
      out += "\\N";
      return;
    }
    for (char c : *s) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    if (t == ColumnType::integer) {
      if (*d != static_cast<double>(static_cast<std::int64_t>(*d)))
        throw DataError("table " + table + ": " + number_text(*d) + " in a whole-number column");
      out += std::to_string(static_cast<std::int64_t>(*d));
    } else {
      out += number_text(*d);
    }
  } else {
    out += "\\N";
  }
}

std::optional<std::string> param_of(const Value& v) {
  if (is_null(v)) return std::nullopt;
  return value_text(v);
}

// A result value as the SpatiaLite store gives it: integers, reals, else text (dates as ISO text).
Value value_of(const PgResult& r, int row, int col, Oid type) {
  if (r.is_null(row, col)) return {};
  const std::string_view s = r.value(row, col);
  switch (type) {
    case 20: case 21: case 23: {  // int8, int2, int4
      std::int64_t v = 0;
      std::from_chars(s.data(), s.data() + s.size(), v);
      return v;
    }
    case 700: case 701: case 1700: {  // float4, float8, numeric
      double v = 0;
      const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
      if (res.ec != std::errc()) {
        if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (s == "Infinity") return std::numeric_limits<double>::infinity();
        if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
      }
      return v;
    }
    default: return std::string(s);
  }
}

class PostgisStore : public Store {
 public:
  // outer: the store of an import, whose whole life is one transaction that the NewStore commits.
  PostgisStore(std::unique_ptr<PgConn> conn, Location loc, int srid, bool outer)
      : m_conn(std::move(conn)), m_loc(std::move(loc)), m_srid(srid), m_outer(outer) {}
  ~PostgisStore() override {
    try {
      rollback();
      end_reading();
    } catch (...) {
    }
  }

  std::string location() const override { return m_loc.display; }
  int srid() const override { return m_srid; }
  PgConn& conn() { return *m_conn; }
  void set_srid(int srid) { m_srid = srid; }

  std::string qualified(const std::string& table) const { return pg_ident(m_loc.schema) + "." + pg_ident(table); }

  // --- Transactions ---------------------------------------------------------------------------------
  void begin() override {
    if (m_outer) {
      m_conn->exec("SAVEPOINT parkgis_write");
      m_in_tx = true;
      return;
    }
    end_reading();
    m_conn->exec("BEGIN");
    m_in_tx = true;
    try {
      lock_exclusive("another analysis or import");
      if (!m_import_id.empty() && current_import_id() != m_import_id)
        throw DataError("schema " + m_loc.schema + " of " + m_loc.display + " was replaced by 'parkgis import' after " +
                        "this command read it; nothing was written; run the command again on the new data");
    } catch (...) {
      rollback();
      throw;
    }
  }
  void commit() override {
    if (!m_in_tx) return;
    m_conn->exec(m_outer ? "RELEASE SAVEPOINT parkgis_write" : "COMMIT");
    m_in_tx = false;
  }
  void rollback() override {
    if (!m_in_tx) return;
    m_in_tx = false;
    if (m_outer) {
      m_conn->exec("ROLLBACK TO SAVEPOINT parkgis_write");
      m_conn->exec("RELEASE SAVEPOINT parkgis_write");
    } else if (PQtransactionStatus(m_conn->get()) != PQTRANS_IDLE) {
      m_conn->exec("ROLLBACK");
    }
  }

  // Takes the schema's advisory lock exclusively for this transaction: at once, or after a message and a
  // wait of at most the busy timeout.
  void lock_exclusive(const std::string& other) {
    const Params key = {kLockClass, m_loc.schema};
    if (m_conn->query("SELECT pg_try_advisory_xact_lock($1::int, hashtext($2))", key).value(0, 0) == "t") return;
    const bool writer = m_conn->query(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND mode = 'ExclusiveLock' AND "
        "classid = $1::bigint::oid AND objid = (hashtext($2)::bigint & 4294967295)::oid AND objsubid = 2", key)
        .value(0, 0) != "0";
    std::fprintf(stderr, "%s\n",
                 (writer ? "waiting for " + other + " of schema " + m_loc.schema + "…"
                         : "waiting for the readers of schema " + m_loc.schema + " (reports, exports, viewers) to finish…")
                     .c_str());
    std::fflush(stderr);
    wait_for_lock("SELECT pg_advisory_xact_lock($1::int, hashtext($2))", key, true);
  }

  void wait_for_lock(const std::string& sql, const Params& key, bool in_tx) {
    const int ms = detail::busy_timeout_ms();
    m_conn->exec(std::string(in_tx ? "SET LOCAL" : "SET") + " lock_timeout = " + std::to_string(std::max(ms, 1)));
    try {
      m_conn->exec(sql, key);
    } catch (const DataError&) {
      if (m_conn->last_sqlstate() != "55P03") throw;
      if (!in_tx) m_conn->exec("SET lock_timeout = 0");
      throw DataError("schema " + m_loc.schema + " of " + m_loc.display +
                      " is in use by another parkgis command (import, analysis, or readers while one writes) and " +
                      "stayed so for " + std::to_string(ms / 1000) + " s (PARKGIS_BUSY_TIMEOUT_MS); nothing was " +
                      "written; try again when it has finished");
    }
    if (!in_tx) m_conn->exec("SET lock_timeout = 0");
  }

  // A read snapshot: the schema's lock shared (imports and analyses wait), then one repeatable-read
  // transaction.
  void start_reading() {
    if (m_outer || m_in_tx || m_reading) return;
    const Params key = {kLockClass, m_loc.schema};
    if (m_conn->query("SELECT pg_try_advisory_lock_shared($1::int, hashtext($2))", key).value(0, 0) != "t") {
      std::fprintf(stderr, "waiting for an import or analysis of schema %s to finish…\n", m_loc.schema.c_str());
      std::fflush(stderr);
      wait_for_lock("SELECT pg_advisory_lock_shared($1::int, hashtext($2))", key, false);
    }
    m_reading = true;
    m_conn->exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (m_import_id.empty()) m_import_id = current_import_id();
  }

  void end_reading() override {
    if (!m_reading) return;
    m_reading = false;
    if (PQtransactionStatus(m_conn->get()) != PQTRANS_IDLE) m_conn->exec("COMMIT");
    m_conn->exec("SELECT pg_advisory_unlock_shared($1::int, hashtext($2))", {kLockClass, m_loc.schema});
  }

  std::string current_import_id() {
    PgResult r = m_conn->query("SELECT value FROM " + qualified(kMetaTable) + " WHERE key = 'import_id'");
    return r.rows() ? r.text(0, 0) : std::string("none");
  }

  // --- Tables ---------------------------------------------------------------------------------------
  bool has_table(const std::string& name) override {
    start_reading();
    return m_conn->query("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", {m_loc.schema, name}).rows() > 0;
  }

  // (name, type) of the columns, in order.
  std::vector<std::pair<std::string, std::string>> column_types(const std::string& table) {
    start_reading();
    PgResult r = m_conn->query(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        {m_loc.schema, table});
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.text(i, 1));
    return out;
  }

  std::vector<std::string> columns(const std::string& table) override {
    std::vector<std::string> out;
    for (auto& [name, type] : column_types(table)) out.push_back(name);
    return out;
  }

  static ColumnType type_of(const std::string& t) {
    if (t == "date") return ColumnType::date;
    if (t == "double precision" || t == "real" || t.rfind("numeric", 0) == 0) return ColumnType::real;
    if (t == "bigint" || t == "integer" || t == "smallint") return ColumnType::integer;
    return ColumnType::text;
  }

  std::vector<ColumnDef> column_defs(const std::string& table) override {
    std::vector<ColumnDef> out;
    for (auto& [name, type] : column_types(table))
      if (name != "fid" && name != "geom") out.push_back({name, type_of(type)});
    return out;
  }

  void check_column(const std::string& table, const std::vector<std::string>& known, const std::string& c) {
    if (std::find(known.begin(), known.end(), c) == known.end()) throw DataError("table " + table + " has no column " + c);
  }

  long update_values(const std::string& table, const std::string& key_column, const Value& key,
                     const std::vector<std::pair<std::string, Value>>& values) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    if (values.empty()) return 0;
    const std::vector<std::string> known = columns(table);
    check_column(table, known, key_column);
    std::string sql = "UPDATE " + qualified(table) + " SET ";
    Params params;
    for (std::size_t i = 0; i < values.size(); ++i) {
      check_column(table, known, values[i].first);
      params.push_back(param_of(values[i].second));
      sql += (i ? ", " : "") + pg_ident(values[i].first) + " = $" + std::to_string(params.size());
    }
    params.push_back(param_of(key));
    sql += " WHERE " + pg_ident(key_column) + " = $" + std::to_string(params.size());
    PgResult r = m_conn->query(sql, params);
    return std::strtol(PQcmdTuples(r.get()), nullptr, 10);
  }

  void drop_table(const std::string& name) override {
    m_conn->exec("DROP TABLE IF EXISTS " + qualified(name));
  }

  void write_rows(const TableDef& def, const RowSource& rows, const ProgressFn& progress) override {
    drop_table(def.name);
    std::string create = "CREATE TABLE " + qualified(def.name) + " (fid serial PRIMARY KEY";
    for (const ColumnDef& c : def.columns) create += ", " + pg_ident(c.name) + " " + sql_type(c.type);
    if (def.spatial) create += ", geom geometry(MultiPolygon, " + std::to_string(m_srid) + ")";
    create += ")";
    m_conn->exec(create);
    m_conn->exec("COMMENT ON TABLE " + qualified(def.name) + " IS '" + kTableComment + "'");
    copy_in(def, rows, progress);
    const std::string short_name = def.name.substr(0, 40);  // index names: within PostgreSQL's 63 bytes
    if (!def.unique_column.empty())
      m_conn->exec("CREATE UNIQUE INDEX " + pg_ident(short_name + "_" + def.unique_column) + " ON " +
                   qualified(def.name) + " (" + pg_ident(def.unique_column) + ")");
    for (const std::string& c : def.index_columns)
      m_conn->exec("CREATE INDEX " + pg_ident(short_name + "_" + c) + " ON " + qualified(def.name) + " (" + pg_ident(c) + ")");
    if (def.spatial) {
      m_conn->exec("CREATE INDEX " + pg_ident(short_name + "_geom") + " ON " + qualified(def.name) + " USING gist (geom)");
      m_conn->exec("ANALYZE " + qualified(def.name));
    }
  }

  void append_from(const TableDef& def, const RowSource& rows, const std::vector<Value>& leading) override {
    if (!has_table(def.name)) {
      if (leading.empty()) {
        write_rows(def, rows, {});
        return;
      }
      write_table(def, {}, {});  // created empty, with its indexes; the rows follow
    }
    copy_in(def, rows, {}, leading);
  }

  long copy_rows(const std::string& from, const TableDef& to, const Filter& filter,
                 const std::vector<Value>& leading) override {
    if (!has_table(from)) throw DataError("database " + location() + " has no table " + from);
    if (leading.size() > to.columns.size()) throw std::logic_error("copy_rows: more leading values than columns");
    if (!has_table(to.name)) write_table(to, {}, {});
    const std::vector<std::string> source = columns(from);
    const auto known = [&](const std::string& c) { return std::find(source.begin(), source.end(), c) != source.end(); };
    const bool geometry = to.spatial && known("geom");
    Params params;
    std::string names, select;
    for (std::size_t i = 0; i < to.columns.size(); ++i) {
      const ColumnDef& c = to.columns[i];
      names += (i ? ", " : "") + pg_ident(c.name);
      std::string value;
      if (i < leading.size()) {
        params.push_back(param_of(leading[i]));
        value = "$" + std::to_string(params.size()) + "::" + sql_type(c.type);
      } else {
        value = known(c.name) ? pg_ident(c.name) : std::string("NULL");
      }
      select += (i ? ", " : "") + value;
    }
    if (geometry) {
      names += std::string(to.columns.empty() ? "" : ", ") + "geom";
      select += std::string(to.columns.empty() ? "" : ", ") + "geom";
    }
    std::string sql = "INSERT INTO " + qualified(to.name) + " (" + names + ") SELECT " + select + " FROM " + qualified(from);
    const std::string where = where_of(from, filter, params);
    if (!where.empty()) sql += " WHERE " + where;
    sql += " ORDER BY fid";
    return changed_rows(m_conn->query(sql, params));
  }

  long delete_rows(const std::string& table, const Filter& filter) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    Params params;
    const std::string where = where_of(table, filter, params);
    return changed_rows(m_conn->query("DELETE FROM " + qualified(table) + (where.empty() ? "" : " WHERE " + where), params));
  }

  long update_rows(const std::string& table, const Filter& filter,
                   const std::vector<std::pair<std::string, Value>>& values) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    if (values.empty()) return 0;
    const std::vector<std::string> known = columns(table);
    std::string sql = "UPDATE " + qualified(table) + " SET ";
    Params params;
    for (std::size_t i = 0; i < values.size(); ++i) {
      check_column(table, known, values[i].first);
      params.push_back(param_of(values[i].second));
      sql += (i ? ", " : "") + pg_ident(values[i].first) + " = $" + std::to_string(params.size());
    }
    const std::string where = where_of(table, filter, params);
    if (!where.empty()) sql += " WHERE " + where;
    return changed_rows(m_conn->query(sql, params));
  }

  void add_column(const std::string& table, const ColumnDef& column) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    m_conn->exec("ALTER TABLE " + qualified(table) + " ADD COLUMN " + pg_ident(column.name) + " " + sql_type(column.type));
  }

  static long changed_rows(const PgResult& r) { return std::strtol(PQcmdTuples(r.get()), nullptr, 10); }

  // Adds the rows through one COPY; `leading` as in append_rows().
  void copy_in(const TableDef& def, const RowSource& rows, const ProgressFn& progress,
               const std::vector<Value>& leading = {}) {
    std::string copy = "COPY " + qualified(def.name) + " (";
    for (std::size_t i = 0; i < def.columns.size(); ++i) copy += (i ? ", " : "") + pg_ident(def.columns[i].name);
    if (def.spatial) copy += std::string(def.columns.empty() ? "" : ", ") + "geom";
    copy += ") FROM STDIN";
    if (def.columns.empty() && !def.spatial) {
      for (std::size_t r = 0; rows.pull(r); ++r) m_conn->exec("INSERT INTO " + qualified(def.name) + " DEFAULT VALUES");
      return;
    }
    const std::size_t n = std::max<std::size_t>(rows.size, 1);
    const std::size_t step = n / 50 + 1;
    std::size_t r = 0;
    m_conn->copy_in(copy, [&](std::string& out) {
      const Row* next = rows.pull(r);
      if (!next) return false;
      const Row& row = *next;
      if (leading.size() + row.values.size() != def.columns.size())
        throw std::logic_error("table " + def.name + ": a row has " + std::to_string(leading.size() + row.values.size()) +
                               " values for " + std::to_string(def.columns.size()) + " columns");
      for (std::size_t i = 0; i < def.columns.size(); ++i) {
        if (i) out += '\t';
        const Value& v = i < leading.size() ? leading[i] : row.values[i - leading.size()];
        append_copy_value(out, v, def.columns[i].type, def.name);
      }
      if (def.spatial) {
        if (!def.columns.empty()) out += '\t';
        if (row.wkb.empty()) out += "\\N";
        else if (!detail::is_multipolygon_wkb(row.wkb))
          throw std::logic_error("table " + def.name + ": row " + std::to_string(r) + " has a geometry that is not a MULTIPOLYGON");
        else detail::append_ewkb_hex(out, row.wkb, m_srid);
      }
      out += '\n';
      if (progress && r % step == 0) report_progress(progress, "writing " + def.name, std::min(1.0, double(r) / double(n)));
      ++r;
      return true;
    });
  }

  // The WHERE condition of `filter` on `table` ("" for every row), its values appended to `params` (so
  // numbered after those already there). Same semantics as the SpatiaLite store: text compared bytewise,
  // LIKE without case for ASCII, the bbox on the geometry's envelope. Throws DataError for an unknown
  // column or operator.
  std::string where_of(const std::string& table, const Filter& filter, Params& params) {
    if (filter.any.empty() && !filter.in && !filter.bbox) return "";
    const auto types = column_types(table);
    const auto type_of_column = [&](const std::string& c) -> const std::string* {
      for (const auto& [name, type] : types)
        if (name == c) return &type;
      return nullptr;
    };
    std::vector<std::string> known;
    for (const auto& t : types) known.push_back(t.first);
    std::string where;
    if (!filter.any.empty()) {
      std::string groups;
      for (const auto& group : filter.any) {
        std::string conj;
        for (const Condition& c : group) {
          check_column(table, known, c.column);
          static const std::vector<std::string> ops = {"=", "!=", "<", "<=", ">", ">=", "LIKE", "IS NULL", "IS NOT NULL"};
          if (std::find(ops.begin(), ops.end(), c.op) == ops.end()) throw DataError("unsupported operator " + c.op);
          const std::string* type = type_of_column(c.column);
          const bool text = type && type_of(*type) == ColumnType::text;
          // As SQLite compares: text bytewise (COLLATE "C"), LIKE without case for ASCII (ILIKE).
          const std::string column = pg_ident(c.column) + (text ? " COLLATE \"C\"" : "");
          if (c.op == "IS NULL" || c.op == "IS NOT NULL") {
            conj += (conj.empty() ? "" : " AND ") + pg_ident(c.column) + " " + c.op;
            continue;
          }
          params.push_back(param_of(c.value));
          const std::string p = "$" + std::to_string(params.size());
          if (c.op == "LIKE") conj += (conj.empty() ? "" : " AND ") + pg_ident(c.column) + "::text ILIKE " + p;
          else conj += (conj.empty() ? "" : " AND ") + column + " " + (c.op == "!=" ? "<>" : c.op) + " " + p;
        }
        groups += (groups.empty() ? "(" : " OR (") + conj + ")";
      }
      where = "(" + groups + ")";
    }
    if (filter.in) {
      check_column(table, known, filter.in->column);
      std::string array = "{";
      for (std::size_t i = 0; i < filter.in->values.size(); ++i) {
        array += i ? ",\"" : "\"";
        for (char ch : filter.in->values[i]) {
          if (ch == '"' || ch == '\\') array += '\\';
          array += ch;
        }
        array += '"';
      }
      params.push_back(array + "}");
      where += std::string(where.empty() ? "" : " AND ") + pg_ident(filter.in->column) + "::text = ANY ($" +
               std::to_string(params.size()) + "::text[])";
    }
    if (filter.bbox) {
      for (double b : {filter.bbox->minx, filter.bbox->miny, filter.bbox->maxx, filter.bbox->maxy})
        params.push_back(number_text(b));
      const std::size_t k = params.size();
      where += std::string(where.empty() ? "" : " AND ") + "geom && ST_MakeEnvelope($" + std::to_string(k - 3) + ", $" +
               std::to_string(k - 2) + ", $" + std::to_string(k - 1) + ", $" + std::to_string(k) + ", " +
               std::to_string(m_srid) + ")";
    }
    return where;
  }

  void read_table(const std::string& table, const std::vector<std::string>& cols, bool with_geometry,
                  const std::string& order_by, const std::function<void(const Row&)>& fn,
                  const Filter& filter) override {
    if (!has_table(table))
      throw DataError("database " + location() + " has no table " + table +
                      " (was it made by an older parkgis, or has 'parkgis analyze' not been run?)");
    const auto types = column_types(table);
    const auto type_of_column = [&](const std::string& c) -> const std::string* {
      for (const auto& [name, type] : types)
        if (name == c) return &type;
      return nullptr;
    };
    std::vector<std::string> known;
    for (const auto& t : types) known.push_back(t.first);
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < cols.size(); ++i) {
      check_column(table, known, cols[i]);
      sql += (i ? ", " : "") + pg_ident(cols[i]);
    }
    if (with_geometry)
      sql += std::string(cols.empty() ? "" : ", ") +
             "ST_AsBinary(geom, 'NDR'), ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)";
    if (cols.empty() && !with_geometry) sql += "fid";
    sql += " FROM " + qualified(table);
    Params params;
    const std::string where = where_of(table, filter, params);
    if (!where.empty()) sql += " WHERE " + where;
    // Storage order is the order of fid, as SQLite's rowid; text sorts bytewise as in SQLite.
    if (!order_by.empty()) {
      check_column(table, known, order_by);
      const std::string* type = type_of_column(order_by);
      sql += " ORDER BY " + pg_ident(order_by) + (type && type_of(*type) == ColumnType::text ? " COLLATE \"C\"" : "") + ", fid";
    } else {
      sql += " ORDER BY fid";
    }
    Row row;
    const int ncols = static_cast<int>(cols.size());
    std::vector<Oid> oids;
    m_conn->stream(sql, params, [&](const PgResult& r) {
      if (oids.empty())
        for (int i = 0; i < ncols; ++i) oids.push_back(PQftype(r.get(), i));
      row.values.assign(cols.size(), Value{});
      for (int i = 0; i < ncols; ++i) row.values[static_cast<std::size_t>(i)] = value_of(r, 0, i, oids[static_cast<std::size_t>(i)]);
      row.wkb.clear();
      row.bbox.reset();
      if (with_geometry && !r.is_null(0, ncols)) {
        row.wkb = detail::bytea_from_hex(r.value(0, ncols));
        const auto d = [&](int c) { return std::get<double>(value_of(r, 0, c, 701)); };
        row.bbox = BBox{d(ncols + 1), d(ncols + 2), d(ncols + 3), d(ncols + 4)};
      }
      fn(row);
    });
  }

  // --- Issues, meta, table list ---------------------------------------------------------------------
  void write_issues(const std::vector<Issue>& issues) override {
    TableDef def{kIssuesTable,
                 {{"severity", ColumnType::text}, {"code", ColumnType::text}, {"layer", ColumnType::text},
                  {"feature_id", ColumnType::text}, {"message", ColumnType::text}},
                 "", false, {}};
    std::vector<Row> rows;
    rows.reserve(issues.size());
    for (const Issue& i : issues)
      rows.push_back(Row{{std::string(severity_name(i.severity)), i.code, i.layer, i.feature_id, i.message}, {}, std::nullopt});
    write_table(def, rows, {});
  }

  std::vector<Issue> read_issues() override {
    std::vector<Issue> out;
    if (!has_table(kIssuesTable)) return out;
    read_table(kIssuesTable, {"severity", "code", "layer", "feature_id", "message"}, false, "", [&](const Row& r) {
      const std::string sev = value_text(r.values[0]);
      const Severity s = sev == "error" ? Severity::error : sev == "info" ? Severity::info : Severity::warning;
      out.push_back(Issue{s, value_text(r.values[1]), value_text(r.values[2]), value_text(r.values[3]), value_text(r.values[4])});
    }, Filter{});
    return out;
  }

  std::map<std::string, std::string> meta() override {
    start_reading();
    std::map<std::string, std::string> out;
    PgResult r = m_conn->query("SELECT key, value FROM " + qualified(kMetaTable));
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.text(i, 1);
    out.erase("import_id");  // the store's own mark of an import, not a fact of the dataset
    return out;
  }

  void set_meta(const std::string& key, const std::string& value) override {
    m_conn->exec("INSERT INTO " + qualified(kMetaTable) + " (key, value) VALUES ($1, $2) "
                 "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", {key, value});
  }

  std::vector<std::string> table_names() override {
    start_reading();
    std::vector<std::string> out;
    PgResult r = m_conn->query(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND "
        "c.relkind = 'r' AND obj_description(c.oid, 'pg_class') = $2 ORDER BY c.relname COLLATE \"C\"",
        {m_loc.schema, kTableComment});
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  }

 private:
  std::unique_ptr<PgConn> m_conn;
  Location m_loc;
  int m_srid;
  bool m_outer;
  bool m_in_tx = false;
  bool m_reading = false;
  std::string m_import_id;  // the import whose tables this store read (checked before writing)
};

// Connects and checks that the database has PostGIS.
std::unique_ptr<PgConn> connect(const Location& loc) {
  auto conn = std::make_unique<PgConn>(loc.conninfo, loc.display);
  if (conn->query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").rows() == 0)
    throw DataError("database " + loc.display + " has no PostGIS (the extension postgis is not installed in it); " +
                    "its owner can add it with CREATE EXTENSION postgis (docs/deploy.md)");
  return conn;
}

bool schema_exists(PgConn& conn, const std::string& schema) {
  return conn.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema}).rows() > 0;
}

class PostgisNewStore : public NewStore {
 public:
  PostgisNewStore(const Location& loc, int srid) {
    auto conn = connect(loc);
    if (conn->query("SELECT 1 FROM spatial_ref_sys WHERE srid = $1", {std::to_string(srid)}).rows() == 0)
      throw DataError("PostGIS in " + loc.display + " does not know EPSG:" + std::to_string(srid) +
                      " (no row in spatial_ref_sys)");
    const std::string user = conn->query("SELECT current_user").text(0, 0);
    const bool exists = schema_exists(*conn, loc.schema);
    if (!exists) {
      if (conn->query("SELECT has_database_privilege(current_database(), 'CREATE')").value(0, 0) != "t")
        throw DataError("schema " + loc.schema + " does not exist in " + loc.display + " and user " + user +
                        " may not create it; ask the database owner to create it for you (docs/deploy.md)");
    } else if (conn->query("SELECT has_schema_privilege($1, 'CREATE')", {loc.schema}).value(0, 0) != "t") {
      const std::string owner =
          conn->query("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1", {loc.schema}).text(0, 0);
      throw DataError("user " + user + " may not create tables in schema " + loc.schema + " (owned by " + owner +
                      ") of " + loc.display + "; import as its owner or ask for CREATE on it (docs/deploy.md); " +
                      "nothing was written");
    }
    conn->exec("BEGIN");
    // (IF NOT EXISTS would still ask for CREATE on the database.)
    if (!exists) conn->exec("CREATE SCHEMA " + pg_ident(loc.schema));
    m_store = std::make_unique<PostgisStore>(std::move(conn), loc, srid, true);
    PgConn& c = m_store->conn();
    m_store->lock_exclusive("another import or analysis");
    // The old parkgis tables go (in this transaction: readers still see them until publish()).
    PgResult old = c.query(
        "SELECT c.relname, pg_has_role(c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') = $2",
        {loc.schema, kTableComment});
    for (int i = 0; i < old.rows(); ++i)
      if (old.value(i, 1) != "t")
        throw DataError("table " + loc.schema + "." + old.text(i, 0) + " of " + loc.display + " belongs to another role; " +
                        "user " + user + " cannot replace it; import as the role that owns the parkgis tables (docs/deploy.md)");
    for (int i = 0; i < old.rows(); ++i) m_store->drop_table(old.text(i, 0));
    m_store->write_table({kMetaTable, {{"key", ColumnType::text}, {"value", ColumnType::text}}, "key", false, {}}, {}, {});
    m_store->set_meta("srid", std::to_string(srid));
    m_store->set_meta("format", "parkgis-postgis-1");
    m_store->set_meta("import_id", c.query("SELECT txid_current()::text || '-' || extract(epoch from now())::text").text(0, 0));
  }

  ~PostgisNewStore() override {
    if (!m_published && m_store) {
      try {
        m_store->conn().exec("ROLLBACK");
      } catch (...) {
      }
    }
  }

  Store& store() override { return *m_store; }

  void publish() override {
    m_store->conn().exec("COMMIT");
    m_published = true;
  }

 private:
  std::unique_ptr<PostgisStore> m_store;
  bool m_published = false;
};

}  // namespace

std::unique_ptr<Store> open_postgis(const Location& loc) {
  auto conn = connect(loc);
  const std::string create_hint = "create one with 'parkgis import DATASET --db " + loc.display + "'";
  if (!schema_exists(*conn, loc.schema))
    throw DataError("database " + loc.display + " has no schema " + loc.schema + "; " + create_hint);
  if (conn->query("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", {loc.schema, kMetaTable}).rows() == 0)
    throw DataError("schema " + loc.schema + " of " + loc.display + " holds no parkgis database (no " + kMetaTable +
                    " table); " + create_hint);
  auto store = std::make_unique<PostgisStore>(std::move(conn), loc, 0, false);
  const std::string srid = store->meta()["srid"];
  store->set_srid(std::atoi(srid.c_str()));
  return store;
}

std::unique_ptr<NewStore> create_postgis(const Location& loc, int srid) {
  return std::make_unique<PostgisNewStore>(loc, srid);
}

TargetKind inspect_postgis(const Location& loc) {
  auto conn = connect(loc);
  PgResult r = conn->query(
      "SELECT count(*), count(*) FILTER (WHERE obj_description(c.oid, 'pg_class') IS DISTINCT FROM $2), "
      "count(*) FILTER (WHERE c.relname = $3) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f') "
      "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')",  // PostGIS's own
      {loc.schema, kTableComment, kMetaTable});
  if (r.value(0, 0) == "0") return TargetKind::none;
  if (r.value(0, 1) != "0") return TargetKind::other_tables;
  return r.value(0, 2) != "0" ? TargetKind::parkgis : TargetKind::none;
}

}  // namespace parkgis::store
