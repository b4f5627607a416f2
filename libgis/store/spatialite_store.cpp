// The SpatiaLite store: a SQLite file with SpatiaLite metadata that ogrinfo, the spatialite CLI and
// QGIS open as it is (geometry_columns with SRIDs, R*Tree spatial indexes).
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "libgis/core/errors.h"
#include "libgis/core/json_text.h"
#include "libgis/store/rtree_bulk.h"
#include "libgis/store/sqlite_db.h"
#include "libgis/store/store.h"
#include "libgis/store/wkb_header.h"

namespace parkgis::store {

namespace fs = std::filesystem;
using detail::Db;
using detail::is_multipolygon_wkb;
using detail::quote_ident;
using detail::Stmt;

namespace {

const char* kMetaTable = "parkgis_meta";
const char* kIssuesTable = "import_issues";

void bind_value(Stmt& st, int p, const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) st.bind_text(p, *s);
  else if (const auto* iv = std::get_if<std::int64_t>(&v)) st.bind_int(p, *iv);
  else if (const auto* d = std::get_if<double>(&v)) st.bind_double(p, *d);
  else st.bind_null(p);
}

const char* sql_type(ColumnType t) {
  switch (t) {
    case ColumnType::text: return "TEXT";
    case ColumnType::integer: return "INTEGER";
    case ColumnType::real: return "DOUBLE";
    case ColumnType::date: return "DATE";  // ISO text; GDAL reads DATE columns as OFTDate
  }
  return "TEXT";
}

std::string sql_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// A JSON array of strings, for json_each().
std::string json_array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + json_quote(values[i]);
  return out + "]";
}

// The file a path names now (device and inode), to tell whether it is still the one a connection opened.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};
std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

// A filter as SQL: the WHERE text with its bound values (identifiers checked against the table, quoted).
struct Where {
  std::string sql;  // "" for every row
  std::vector<const Value*> params;
  std::optional<std::string> in_values;  // a JSON array, read by json_each
  std::vector<double> box;
  // Binds the values from parameter `first` on; returns the next parameter number.
  int bind(Stmt& st, int first) const {
    int p = first;
    for (const Value* v : params) bind_value(st, p++, *v);
    if (in_values) st.bind_text(p++, *in_values);
    for (double b : box) st.bind_double(p++, b);
    return p;
  }
};

class SpatialiteStore : public Store {
 public:
  SpatialiteStore(std::unique_ptr<Db> db, int srid) : m_db(std::move(db)), m_srid(srid), m_file(file_id(m_db->path())) {}
  ~SpatialiteStore() override {
    try {
      rollback();
    } catch (...) {
    }
  }

  std::string location() const override { return m_db->path(); }
  int srid() const override { return m_srid; }

  // IMMEDIATE: the write lock is taken now, so a second writer waits here (busy timeout) instead of
  // failing at COMMIT after all its work. While it is held no import can replace the file (publish()
  // locks the old file first), so the check below stays true until COMMIT.
  void begin() override {
    m_db->exec("BEGIN IMMEDIATE");
    m_in_tx = true;
    if (m_file && file_id(m_db->path()) != m_file) {
      rollback();
      throw DataError("database " + m_db->path() + " was replaced (by 'parkgis import' or another program) after " +
                      "this command opened it; nothing was written; run the command again on the new database");
    }
  }
  void commit() override {
    m_db->exec("COMMIT");
    m_in_tx = false;
  }
  // SQLite may already have rolled the transaction back itself (disk full, I/O error): then there is
  // nothing to undo, and a ROLLBACK would fail with a message that hides the first error.
  void rollback() override {
    if (!m_in_tx) return;
    m_in_tx = false;
    if (!sqlite3_get_autocommit(m_db->get())) m_db->exec("ROLLBACK");
  }

  bool has_table(const std::string& name) override {
    Stmt st(*m_db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?");
    st.bind_text(1, name);
    return st.step() && st.column_int(0) > 0;
  }

  // The largest rowid: found in the table's B-tree without a scan, and never below the row count.
  long long row_count_hint(const std::string& table) override {
    if (!has_table(table)) return -1;
    return m_db->query_int("SELECT max(rowid) FROM " + quote_ident(table));
  }

  std::vector<std::string> columns(const std::string& table) override {
    std::vector<std::string> out;
    Stmt st(*m_db, "PRAGMA table_info(" + quote_ident(table) + ")");
    while (st.step()) out.push_back(st.column_text(1));
    return out;
  }

  std::vector<ColumnDef> column_defs(const std::string& table) override {
    std::vector<ColumnDef> out;
    Stmt st(*m_db, "PRAGMA table_info(" + quote_ident(table) + ")");
    while (st.step()) {
      const std::string name = st.column_text(1);
      if (name == "fid" || name == "geom") continue;
      std::string type = st.column_text(2);
      for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ColumnType t = ColumnType::text;
      if (type == "DATE") t = ColumnType::date;
      else if (type == "DOUBLE" || type == "REAL" || type == "FLOAT") t = ColumnType::real;
      else if (type == "INTEGER" || type == "INT" || type == "BIGINT") t = ColumnType::integer;
      out.push_back({name, t});
    }
    return out;
  }

  long update_values(const std::string& table, const std::string& key_column, const Value& key,
                     const std::vector<std::pair<std::string, Value>>& values) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    if (values.empty()) return 0;
    const std::vector<std::string> known = columns(table);
    const auto check = [&](const std::string& c) {
      if (std::find(known.begin(), known.end(), c) == known.end())
        throw DataError("table " + table + " has no column " + c);
    };
    check(key_column);
    std::string sql = "UPDATE " + quote_ident(table) + " SET ";
    for (std::size_t i = 0; i < values.size(); ++i) {
      check(values[i].first);
      sql += (i ? ", " : "") + quote_ident(values[i].first) + " = ?";
    }
    sql += " WHERE " + quote_ident(key_column) + " = ?";
    Stmt st(*m_db, sql);
    int p = 1;
    for (const auto& [column, v] : values) bind_value(st, p++, v);
    bind_value(st, p, key);
    st.step();
    return static_cast<long>(sqlite3_changes(m_db->get()));
  }

  void drop_table(const std::string& name) override {
    if (!has_table(name)) {
      // Left-overs of a table dropped by other tools without SpatiaLite (its R*Tree, its metadata) would
      // stop a new table of that name from getting its index.
      m_db->exec("DROP TABLE IF EXISTS " + quote_ident("idx_" + name + "_geom"));
      Stmt g(*m_db, "DELETE FROM geometry_columns WHERE f_table_name = lower(?)");
      g.bind_text(1, name);
      g.step();
      return;
    }
    bool spatial = false, indexed = false;
    {
      // Finalized before the DROPs: SQLite refuses to drop a table while a statement is pending.
      Stmt g(*m_db, "SELECT count(*), max(spatial_index_enabled) FROM geometry_columns WHERE f_table_name = lower(?)");
      g.bind_text(1, name);
      spatial = g.step() && g.column_int(0) > 0;
      indexed = spatial && g.column_int(1) != 0;
    }
    if (spatial) {
      // DisableSpatialIndex (only when enabled: SpatiaLite prints an error line otherwise) + drop of the
      // idx_ table, then the geometry metadata, then the table.
      if (indexed) m_db->exec("SELECT DisableSpatialIndex(" + sql_literal(name) + ", 'geom')");
      m_db->exec("DROP TABLE IF EXISTS " + quote_ident("idx_" + name + "_geom"));
      m_db->exec("SELECT DiscardGeometryColumn(" + sql_literal(name) + ", 'geom')");
    }
    m_db->exec("DROP TABLE " + quote_ident(name));
  }

  void write_rows(const TableDef& def, const RowSource& rows, const ProgressFn& progress) override {
    drop_table(def.name);
    create_table(def);
    std::vector<std::string> triggers;
    if (def.spatial) triggers = register_geometry(def);
    std::vector<detail::Envelope> boxes;
    const bool boxes_known = insert_rows(def, rows, progress, def.spatial ? &boxes : nullptr);
    if (!def.unique_column.empty())
      m_db->exec("CREATE UNIQUE INDEX " + quote_ident(def.name + "_" + def.unique_column) + " ON " +
                 quote_ident(def.name) + " (" + quote_ident(def.unique_column) + ")");
    for (const std::string& c : def.index_columns)
      m_db->exec("CREATE INDEX " + quote_ident(def.name + "_" + c) + " ON " + quote_ident(def.name) + " (" +
                 quote_ident(c) + ")");
    if (def.spatial) {
      fill_spatial_index(def, boxes_known ? &boxes : nullptr);
      for (const std::string& sql : triggers) m_db->exec(sql);
    }
  }

  void append_from(const TableDef& def, const RowSource& rows, const std::vector<Value>& leading) override {
    if (!has_table(def.name)) {
      if (leading.empty()) {
        write_rows(def, rows, {});
        return;
      }
      write_table(def, {}, {});  // created empty, with its indexes and triggers; the rows follow
    }
    insert_rows(def, rows, {}, nullptr, leading);
  }

  long copy_rows(const std::string& from, const TableDef& to, const Filter& filter,
                 const std::vector<Value>& leading) override {
    if (!has_table(from)) throw DataError("database " + location() + " has no table " + from);
    if (leading.size() > to.columns.size()) throw std::logic_error("copy_rows: more leading values than columns");
    if (!has_table(to.name)) write_table(to, {}, {});
    const std::vector<std::string> source = columns(from);
    const bool geometry = to.spatial && std::find(source.begin(), source.end(), "geom") != source.end();
    std::string names, select;
    for (std::size_t i = 0; i < to.columns.size(); ++i) {
      const std::string& c = to.columns[i].name;
      names += (i ? ", " : "") + quote_ident(c);
      const bool known = std::find(source.begin(), source.end(), c) != source.end();
      select += (i ? ", " : "") + (i < leading.size() ? std::string("?") : known ? quote_ident(c) : std::string("NULL"));
    }
    if (geometry) {
      names += std::string(to.columns.empty() ? "" : ", ") + "geom";
      select += std::string(to.columns.empty() ? "" : ", ") + "geom";
    }
    const Where where = where_of(from, filter);
    std::string sql = "INSERT INTO " + quote_ident(to.name) + " (" + names + ") SELECT " + select + " FROM " + quote_ident(from);
    if (!where.sql.empty()) sql += " WHERE " + where.sql;
    sql += " ORDER BY fid";
    Stmt st(*m_db, sql);
    int p = 1;
    for (const Value& v : leading) bind_value(st, p++, v);
    where.bind(st, p);
    st.step();
    return static_cast<long>(sqlite3_changes(m_db->get()));
  }

  long delete_rows(const std::string& table, const Filter& filter) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    const Where where = where_of(table, filter);
    Stmt st(*m_db, "DELETE FROM " + quote_ident(table) + (where.sql.empty() ? "" : " WHERE " + where.sql));
    where.bind(st, 1);
    st.step();
    return static_cast<long>(sqlite3_changes(m_db->get()));
  }

  long update_rows(const std::string& table, const Filter& filter,
                   const std::vector<std::pair<std::string, Value>>& values) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    if (values.empty()) return 0;
    const std::vector<std::string> known = columns(table);
    std::string sql = "UPDATE " + quote_ident(table) + " SET ";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (std::find(known.begin(), known.end(), values[i].first) == known.end())
        throw DataError("table " + table + " has no column " + values[i].first);
      sql += (i ? ", " : "") + quote_ident(values[i].first) + " = ?";
    }
    const Where where = where_of(table, filter);
    if (!where.sql.empty()) sql += " WHERE " + where.sql;
    Stmt st(*m_db, sql);
    int p = 1;
    for (const auto& [column, v] : values) bind_value(st, p++, v);
    where.bind(st, p);
    st.step();
    return static_cast<long>(sqlite3_changes(m_db->get()));
  }

  void add_column(const std::string& table, const ColumnDef& column) override {
    if (!has_table(table)) throw DataError("database " + location() + " has no table " + table);
    m_db->exec("ALTER TABLE " + quote_ident(table) + " ADD COLUMN " + quote_ident(column.name) + " " + sql_type(column.type));
  }

 private:
  Where where_of(const std::string& table, const Filter& filter) {
    Where w;
    std::vector<std::string> known;
    const auto check = [&](const std::string& column) {
      if (known.empty()) known = columns(table);
      if (std::find(known.begin(), known.end(), column) == known.end())
        throw DataError("table " + table + " has no column " + column);
    };
    if (!filter.any.empty()) {
      std::string groups;
      for (const auto& group : filter.any) {
        std::string conj;
        for (const Condition& c : group) {
          check(c.column);
          static const std::vector<std::string> ops = {"=", "!=", "<", "<=", ">", ">=", "LIKE", "IS NULL", "IS NOT NULL"};
          if (std::find(ops.begin(), ops.end(), c.op) == ops.end()) throw DataError("unsupported operator " + c.op);
          conj += (conj.empty() ? "" : " AND ") + quote_ident(c.column) + " " + c.op;
          if (c.op != "IS NULL" && c.op != "IS NOT NULL") {
            conj += " ?";
            w.params.push_back(&c.value);
          }
        }
        groups += (groups.empty() ? "(" : " OR (") + conj + ")";
      }
      w.sql = "(" + groups + ")";
    }
    if (filter.in) {
      check(filter.in->column);
      w.sql += std::string(w.sql.empty() ? "" : " AND ") + quote_ident(filter.in->column) +
               " IN (SELECT value FROM json_each(?))";
      w.in_values = json_array(filter.in->values);
    }
    if (filter.bbox) {
      // The R*Tree directly: envelopes that meet the box (single-precision boxes, so slightly generous).
      w.sql += std::string(w.sql.empty() ? "" : " AND ") + "fid IN (SELECT pkid FROM " +
               quote_ident("idx_" + table + "_geom") + " WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?)";
      w.box = {filter.bbox->minx, filter.bbox->maxx, filter.bbox->miny, filter.bbox->maxy};
    }
    return w;
  }

  void create_table(const TableDef& def) {
    // The geometry column starts as a plain BLOB: rows go in without SpatiaLite's per-row check
    // triggers, and register_geometry() makes it a SpatiaLite geometry column afterwards.
    std::string create = "CREATE TABLE " + quote_ident(def.name) + " (fid INTEGER PRIMARY KEY";
    for (const ColumnDef& c : def.columns) create += ", " + quote_ident(c.name) + " " + sql_type(c.type);
    if (def.spatial) create += ", geom MULTIPOLYGON";
    create += ")";
    m_db->exec(create);
  }

  // Registers the (still empty) geometry column in geometry_columns and creates its R*Tree and
  // SpatiaLite's triggers, then takes the triggers off until the rows are in: they would check each
  // geometry and grow the R*Tree one row at a time. Returns the triggers' SQL for write_table to put
  // back once fill_spatial_index() has packed the R*Tree.
  std::vector<std::string> register_geometry(const TableDef& def) {
    const std::int64_t ok = m_db->query_int("SELECT RecoverGeometryColumn(" + sql_literal(def.name) + ", 'geom', " +
                                            std::to_string(m_srid) + ", 'MULTIPOLYGON', 'XY')");
    if (ok != 1)
      throw DataError("database " + location() + ": the geometry column of " + def.name + " could not be registered");
    if (m_db->query_int("SELECT CreateSpatialIndex(" + sql_literal(def.name) + ", 'geom')") != 1)
      throw DataError("database " + location() + ": the spatial index of " + def.name + " could not be created");
    std::vector<std::string> names, sqls;
    {
      Stmt st(*m_db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?");
      st.bind_text(1, def.name);
      while (st.step()) {
        names.push_back(st.column_text(0));
        sqls.push_back(st.column_text(1));
      }
    }
    for (const std::string& n : names) m_db->exec("DROP TRIGGER " + quote_ident(n));
    return sqls;
  }

  // Packs the R*Tree of a freshly written table: from the rows' own envelopes when every row brought
  // one, else from the envelopes SpatiaLite keeps in each geometry (one pass over the table).
  void fill_spatial_index(const TableDef& def, std::vector<detail::Envelope>* known) {
    if (known) {
      detail::bulk_load_rtree(*m_db, "idx_" + def.name + "_geom", std::move(*known));
      return;
    }
    std::vector<detail::Envelope> boxes;
    Stmt st(*m_db, "SELECT fid, MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM " +
                       quote_ident(def.name) + " WHERE MbrMinX(geom) IS NOT NULL");
    while (st.step())
      boxes.push_back({st.column_int(0), st.column_double(1), st.column_double(2), st.column_double(3), st.column_double(4)});
    detail::bulk_load_rtree(*m_db, "idx_" + def.name + "_geom", std::move(boxes));
  }

  // Inserts the rows. With `boxes`, also collects (row id, envelope) of each geometry and returns
  // whether every geometry came with its envelope.
  bool insert_rows(const TableDef& def, const RowSource& rows, const ProgressFn& progress,
                   std::vector<detail::Envelope>* boxes, const std::vector<Value>& leading = {}) {
    bool all_boxes = boxes != nullptr;
    if (boxes) boxes->reserve(rows.size);

    std::string insert = "INSERT INTO " + quote_ident(def.name) + " (";
    std::string params;
    for (std::size_t i = 0; i < def.columns.size(); ++i) {
      insert += (i ? ", " : "") + quote_ident(def.columns[i].name);
      params += i ? ", ?" : "?";
    }
    if (def.spatial) {
      insert += std::string(def.columns.empty() ? "" : ", ") + "geom";
      params += std::string(def.columns.empty() ? "" : ", ") + "GeomFromWKB(?, " + std::to_string(m_srid) + ")";
    }
    insert += ") VALUES (" + params + ")";
    Stmt st(*m_db, insert);
    const std::size_t n = std::max<std::size_t>(rows.size, 1);
    const std::size_t step = n / 50 + 1;
    for (std::size_t r = 0;; ++r) {
      const Row* next = rows.pull(r);
      if (!next) break;
      const Row& row = *next;
      if (leading.size() + row.values.size() != def.columns.size())
        throw std::logic_error("table " + def.name + ": a row has " + std::to_string(leading.size() + row.values.size()) +
                               " values for " + std::to_string(def.columns.size()) + " columns");
      int p = 1;
      for (std::size_t i = 0; i < def.columns.size(); ++i, ++p) {
        const Value& v = i < leading.size() ? leading[i] : row.values[i - leading.size()];  // sizes checked above; a reference, not a copy (bound without copying)
        if (const auto* s = std::get_if<std::string>(&v)) st.bind_text_ref(p, *s);
        else if (const auto* iv = std::get_if<std::int64_t>(&v)) st.bind_int(p, *iv);
        else if (const auto* d = std::get_if<double>(&v)) st.bind_double(p, *d);
        else st.bind_null(p);
      }
      if (def.spatial) {
        if (row.wkb.empty()) st.bind_null(p);
        else if (!is_multipolygon_wkb(row.wkb))
          throw std::logic_error("table " + def.name + ": row " + std::to_string(r) + " has a geometry that is not a MULTIPOLYGON");
        else st.bind_blob_ref(p, row.wkb);
      }
      st.step();
      st.reset();
      if (all_boxes && !row.wkb.empty()) {
        if (row.bbox)
          boxes->push_back({sqlite3_last_insert_rowid(m_db->get()), row.bbox->minx, row.bbox->maxx, row.bbox->miny,
                            row.bbox->maxy});
        else
          all_boxes = false;
      }
      if (progress && r % step == 0) report_progress(progress, "writing " + def.name, std::min(1.0, double(r) / double(n)));
    }
    return all_boxes;
  }

 public:

  void read_table(const std::string& table, const std::vector<std::string>& cols, bool with_geometry,
                  const std::string& order_by, const std::function<void(const Row&)>& fn,
                  const Filter& filter) override {
    if (!has_table(table))
      throw DataError("database " + location() + " has no table " + table +
                      " (was it made by an older parkgis, or has 'parkgis analyze' not been run?)");
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + quote_ident(cols[i]);
    // The envelope comes from the header of SpatiaLite's geometry blob (no geometry is parsed for it).
    if (with_geometry)
      sql += std::string(cols.empty() ? "" : ", ") + "AsBinary(geom), MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom)";
    if (cols.empty() && !with_geometry) sql += "fid";
    sql += " FROM " + quote_ident(table);
    const Where where = where_of(table, filter);
    if (!where.sql.empty()) sql += " WHERE " + where.sql;
    if (!order_by.empty()) sql += " ORDER BY " + quote_ident(order_by);
    Stmt st(*m_db, sql);
    where.bind(st, 1);
    Row row;
    while (st.step()) {
      row.values.assign(cols.size(), Value{});
      for (std::size_t i = 0; i < cols.size(); ++i) {
        const int c = static_cast<int>(i);
        switch (st.column_type(c)) {
          case SQLITE_INTEGER: row.values[i] = st.column_int(c); break;
          case SQLITE_FLOAT: row.values[i] = st.column_double(c); break;
          case SQLITE_NULL: break;
          default: row.values[i] = st.column_text(c); break;
        }
      }
      row.wkb = with_geometry ? st.column_blob(static_cast<int>(cols.size())) : std::string();
      row.bbox.reset();
      if (with_geometry && st.column_type(static_cast<int>(cols.size()) + 1) != SQLITE_NULL) {
        const int c = static_cast<int>(cols.size()) + 1;
        row.bbox = BBox{st.column_double(c), st.column_double(c + 1), st.column_double(c + 2), st.column_double(c + 3)};
      }
      fn(row);
    }
  }

  void write_issues(const std::vector<Issue>& issues) override {
    m_db->exec(std::string("DROP TABLE IF EXISTS ") + kIssuesTable);
    m_db->exec(std::string("CREATE TABLE ") + kIssuesTable +
               " (fid INTEGER PRIMARY KEY, severity TEXT NOT NULL, code TEXT NOT NULL, layer TEXT, "
               "feature_id TEXT, message TEXT NOT NULL)");
    Stmt st(*m_db, std::string("INSERT INTO ") + kIssuesTable +
                       " (severity, code, layer, feature_id, message) VALUES (?, ?, ?, ?, ?)");
    for (const Issue& i : issues) {
      st.bind_text(1, severity_name(i.severity));
      st.bind_text(2, i.code);
      st.bind_text(3, i.layer);
      st.bind_text(4, i.feature_id);
      st.bind_text(5, i.message);
      st.step();
      st.reset();
    }
  }

  std::vector<Issue> read_issues() override {
    std::vector<Issue> out;
    if (!has_table(kIssuesTable)) return out;
    Stmt st(*m_db, std::string("SELECT severity, code, layer, feature_id, message FROM ") + kIssuesTable +
                       " ORDER BY fid");
    while (st.step()) {
      const std::string sev = st.column_text(0);
      const Severity s = sev == "error" ? Severity::error : sev == "info" ? Severity::info : Severity::warning;
      out.push_back(Issue{s, st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4)});
    }
    return out;
  }

  std::map<std::string, std::string> meta() override {
    std::map<std::string, std::string> out;
    Stmt st(*m_db, std::string("SELECT key, value FROM ") + kMetaTable);
    while (st.step()) out[st.column_text(0)] = st.column_text(1);
    return out;
  }

  void set_meta(const std::string& key, const std::string& value) override {
    Stmt st(*m_db, std::string("INSERT OR REPLACE INTO ") + kMetaTable + " (key, value) VALUES (?, ?)");
    st.bind_text(1, key);
    st.bind_text(2, value);
    st.step();
  }

  std::vector<std::string> table_names() override {
    // parkgis's tables all have a fid key (SpatiaLite's own and its R*Trees have none), besides the meta table.
    std::vector<std::string> out;
    Stmt st(*m_db, std::string("SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND ") +
                       "m.name NOT LIKE 'idx\\_%' ESCAPE '\\' AND (m.name = '" + kMetaTable + "' OR EXISTS " +
                       "(SELECT 1 FROM pragma_table_info(m.name) AS p WHERE p.name = 'fid')) ORDER BY m.name");
    while (st.step()) out.push_back(st.column_text(0));
    return out;
  }

  Db& db() { return *m_db; }
  void release() { m_db.reset(); }

 private:
  std::unique_ptr<Db> m_db;
  int m_srid;
  std::optional<FileId> m_file;  // the file opened, when it could be identified
  bool m_in_tx = false;
};

// A full disk or an unwritable folder where `path` is written, in words ("" when neither).
std::string disk_problem(const std::string& path) {
  const fs::path folder = fs::absolute(path).parent_path();
  if (::access(folder.c_str(), W_OK) != 0) return "the folder " + folder.string() + " is not writable";
  struct statvfs st {};
  if (::statvfs(folder.c_str(), &st) == 0 && std::uint64_t(st.f_bavail) * st.f_frsize < (4u << 20))
    return "the disk is full (" + std::to_string(std::uint64_t(st.f_bavail) * st.f_frsize / 1024) +
           " KiB free in " + folder.string() + "); free some space and run the command again (the database is left as it was)";
  return "";
}

// Removes PATH.tmp-PID files left by imports whose process no longer exists (killed with -9, power cut).
void remove_stale_temporaries(const fs::path& target) {
  std::error_code ec;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + ".tmp-";
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    if (pid <= 0 || pid == getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // that process still runs
    fs::remove(entry.path(), ec);
  }
}

// Takes an exclusive lock on the database being replaced: SQLite first rolls a hot journal left by a
// killed writer back into that old file (where it belongs), then waits for its readers and writers.
// Held while the new file is renamed over it, so no writer of the old file can leave a journal (or
// start a transaction) that a later open would replay into the new one.
class OldDatabaseLock {
 public:
  explicit OldDatabaseLock(const std::string& path) {
    m_db = std::make_unique<Db>(path, SQLITE_OPEN_READWRITE);
    // A database in WAL mode (another program's, replaced with --force) is checkpointed and its -wal
    // and -shm files removed before it goes.
    m_db->exec("PRAGMA journal_mode = DELETE");
    m_db->exec("BEGIN EXCLUSIVE");
    m_db->query_int("SELECT count(*) FROM sqlite_master");  // reads: the lock is really held
  }
  ~OldDatabaseLock() {
    try {
      m_db->exec("ROLLBACK");
    } catch (...) {
    }
  }

 private:
  std::unique_ptr<Db> m_db;
};

class SpatialiteNewStore : public NewStore {
 public:
  SpatialiteNewStore(const std::string& path, int srid) : m_path(path) {
    const fs::path target(path);
    if (fs::is_directory(target))
      throw DataError(path + " is a folder; give the database a file name, e.g. " + (target / "parkgis.sqlite").string());
    if (target.has_parent_path() && !fs::is_directory(target.parent_path()))
      throw DataError("cannot create " + path + ": folder " + target.parent_path().string() + " does not exist");
    m_tmp = path + ".tmp-" + std::to_string(getpid());
    remove_stale_temporaries(target);
    fs::remove(m_tmp);
    try {
      create(srid);
    } catch (...) {
      m_store.reset();
      std::error_code ec;
      fs::remove(m_tmp, ec);
      throw;
    }
  }

  void create(int srid) {
    // Less room than the smallest database needs: say so now (SpatiaLite would print its own errors).
    if (const std::string disk = disk_problem(m_tmp); !disk.empty()) throw DataError("cannot create " + m_path + ": " + disk);
    auto db = std::make_unique<Db>(m_tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    // The file is private until publish() renames it, so a crash loses nothing: no journal is needed.
    // 16 KiB pages (SQLite's default is 4 KiB): fewer, larger writes for tables of a province; measured
    // at 200,000 parcels: import 6.7 → 6.1 s, analyze 6.7 → 6.4 s, and a 2 % smaller file.
    db->exec("PRAGMA page_size = 16384");
    db->exec("PRAGMA journal_mode = OFF");
    db->exec("PRAGMA synchronous = OFF");
    db->exec("PRAGMA cache_size = -262144");  // 256 MiB
    if (db->query_int("SELECT InitSpatialMetadata(1, 'NONE')") != 1) {
      // With journal_mode OFF a failed write leaves the file unusable, and SpatiaLite prints its own
      // lines: say what happened instead of the "malformed" that follows.
      if (const std::string disk = disk_problem(m_tmp); !disk.empty()) throw DataError("cannot create " + m_path + ": " + disk);
      throw DataError("cannot create " + m_path + ": SpatiaLite could not initialise its metadata");
    }
    if (db->query_int("SELECT InsertEpsgSrid(" + std::to_string(srid) + ")") != 1 &&
        db->query_int("SELECT count(*) FROM spatial_ref_sys WHERE srid = " + std::to_string(srid)) == 0)
      throw DataError("SpatiaLite does not know EPSG:" + std::to_string(srid));
    db->exec(std::string("CREATE TABLE ") + kMetaTable + " (key TEXT PRIMARY KEY, value TEXT)");
    m_store = std::make_unique<SpatialiteStore>(std::move(db), srid);
    m_store->set_meta("srid", std::to_string(srid));
    m_store->set_meta("format", "parkgis-spatialite-1");
  }

  ~SpatialiteNewStore() override {
    if (!m_published) {
      m_store.reset();
      std::error_code ec;
      fs::remove(m_tmp, ec);
    }
  }

  Store& store() override { return *m_store; }

  void publish() override {
    m_store->db().exec("PRAGMA synchronous = FULL");
    // Statistics for the query planner from a sample of each index (SQLite's analysis_limit): as good
    // for planning here as a full scan, which would read the whole file again.
    m_store->db().exec("PRAGMA analysis_limit = 2000");
    m_store->db().exec("ANALYZE");
    m_store.reset();  // closes the file
    std::unique_ptr<OldDatabaseLock> old_lock;
    const TargetKind old = inspect_target(m_path);
    if (old == TargetKind::parkgis || old == TargetKind::geopackage || old == TargetKind::other_sqlite)
      old_lock = std::make_unique<OldDatabaseLock>(m_path);
    struct stat st {};
    if (old != TargetKind::none && ::stat(m_path.c_str(), &st) == 0)
      ::chmod(m_tmp.c_str(), st.st_mode & 07777);  // the new file keeps the old one's permissions
    std::error_code ec;
    fs::rename(m_tmp, m_path, ec);
    if (ec) throw DataError("cannot move " + m_tmp + " to " + m_path + ": " + ec.message());
    m_published = true;
  }

 private:
  std::string m_path, m_tmp;
  std::unique_ptr<SpatialiteStore> m_store;
  bool m_published = false;
};

}  // namespace

TargetKind inspect_target(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return TargetKind::none;
  if (!fs::is_regular_file(status)) return TargetKind::not_file;
  char header[100] = {};
  std::ifstream f(path, std::ios::binary);
  f.read(header, sizeof header);
  if (f.gcount() < static_cast<std::streamsize>(sizeof header) || std::memcmp(header, "SQLite format 3", 16) != 0)
    return TargetKind::not_sqlite;
  const auto byte = [&](int i) { return static_cast<unsigned char>(header[i]); };
  const std::uint32_t app_id = (std::uint32_t(byte(68)) << 24) | (std::uint32_t(byte(69)) << 16) |
                               (std::uint32_t(byte(70)) << 8) | std::uint32_t(byte(71));
  if (app_id == 0x47504B47u || app_id == 0x47503130u || app_id == 0x47503131u)  // "GPKG", "GP10", "GP11"
    return TargetKind::geopackage;
  // Read-write (without create): a hot journal left by a killed writer is rolled back into this file,
  // where it belongs; a read-only connection could not read past it.
  sqlite3* db = nullptr;
  TargetKind kind = TargetKind::other_sqlite;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, detail::busy_timeout_ms());
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + kMetaTable + "'";
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0) kind = TargetKind::parkgis;
    sqlite3_finalize(st);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
      sqlite3_close(db);
      throw DataError(detail::locked_message(path));
    }
  }
  sqlite3_close(db);
  return kind;
}

const char* target_kind_text(TargetKind kind) {
  switch (kind) {
    case TargetKind::none: return "not there";
    case TargetKind::parkgis: return "a parkgis database";
    case TargetKind::geopackage: return "a GeoPackage";
    case TargetKind::other_sqlite: return "an SQLite database of another program";
    case TargetKind::not_sqlite: return "not an SQLite file";
    case TargetKind::not_file: return "a folder or special file";
    case TargetKind::other_tables: return "a schema holding tables of other programs";
  }
  return "?";
}

std::unique_ptr<Store> open_spatialite(const std::string& path) {
  if (!fs::exists(path))
    throw DataError("database " + path + " does not exist; create it with 'parkgis import DATASET --db " + path + "'");
  const TargetKind kind = inspect_target(path);
  if (kind == TargetKind::not_file)
    throw DataError(path + " is a folder, not a database; give the database file, e.g. " +
                    (fs::path(path) / "parkgis.sqlite").string());
  if (kind == TargetKind::not_sqlite)
    throw DataError(path + " is not a parkgis database (not an SQLite file); create one with 'parkgis import DATASET --db FILE'");
  auto db = std::make_unique<Db>(path, SQLITE_OPEN_READWRITE);
  const std::int64_t has_meta =
      db->query_int(std::string("SELECT count(*) FROM sqlite_master WHERE name='") + kMetaTable + "'");
  if (has_meta == 0)
    throw DataError(path + " is not a parkgis database (it has no " + kMetaTable +
                    " table); create one with 'parkgis import DATASET --db FILE'");
  // 32 MiB of page cache per connection: analyze reads each table once through two connections and
  // writes its result tables in one transaction, and a 256 MiB cache only raised its peak memory at
  // 200,000 parcels (2.10 → 1.79 GB with 16 MiB, no slower; the import's new database keeps 256 MiB,
  // which there was faster).
  db->exec("PRAGMA cache_size = -32768");
  const std::int64_t srid = db->query_int(std::string("SELECT CAST(value AS INTEGER) FROM ") + kMetaTable +
                                          " WHERE key='srid'");
  return std::make_unique<SpatialiteStore>(std::move(db), static_cast<int>(srid));
}

std::unique_ptr<NewStore> create_spatialite(const std::string& path, int srid) {
  return std::make_unique<SpatialiteNewStore>(path, srid);
}

}  // namespace parkgis::store
