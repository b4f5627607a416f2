#pragma once
// The store: where imported layers and analysis results live. One small interface with two
// implementations, SpatiaLite (a file) and PostGIS (a schema of a PostgreSQL database); only store
// implementations write SQL. open_store()/create_store() pick one from what --db names (location.h).

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "libgis/core/issues.h"
#include "libgis/core/progress.h"
#include "libgis/store/table.h"

namespace parkgis::store {

class Store {
 public:
  virtual ~Store() = default;

  virtual std::string location() const = 0;  // file path or connection without password, for messages
  virtual int srid() const = 0;              // the working CRS (EPSG code)

  // Writes happen inside a transaction: begin(), writes, commit() (or rollback()). A store destroyed
  // with an open transaction rolls it back.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;  // undoes the open transaction, if any

  // Creates (or replaces) a table and fills it; spatial tables get a spatial index after the rows.
  virtual void write_rows(const TableDef& def, const RowSource& rows, const ProgressFn& progress) = 0;
  void write_table(const TableDef& def, const std::vector<Row>& rows, const ProgressFn& progress = {}) {
    write_rows(def, RowSource::of(rows), progress);
  }
  // Adds rows to a table, creating it first when it does not exist (history tables such as runs).
  // `leading`: values of def's first columns, the same for every row; each row then holds the rest
  // (an archive table's as_of before the columns of the table it archives).
  virtual void append_from(const TableDef& def, const RowSource& rows, const std::vector<Value>& leading) = 0;
  void append_rows(const TableDef& def, const std::vector<Row>& rows, const std::vector<Value>& leading = {}) {
    append_from(def, RowSource::of(rows), leading);
  }
  // Copies the rows of `from` that pass the filter into `to` (created from `to` when missing), column
  // by name: `to`'s first leading.size() columns take the leading values, the others the column of the
  // same name in `from` (null when `from` has none), and the geometry when both are spatial. Returns
  // how many rows were copied.
  virtual long copy_rows(const std::string& from, const TableDef& to, const Filter& filter,
                         const std::vector<Value>& leading) = 0;
  // Deletes the rows that pass the filter (every row for an empty filter); returns how many.
  virtual long delete_rows(const std::string& table, const Filter& filter) = 0;
  // Sets columns of the rows that pass the filter; returns how many rows matched.
  virtual long update_rows(const std::string& table, const Filter& filter,
                           const std::vector<std::pair<std::string, Value>>& values) = 0;
  // Adds a (nullable) column to an existing table.
  virtual void add_column(const std::string& table, const ColumnDef& column) = 0;
  virtual void drop_table(const std::string& name) = 0;
  virtual bool has_table(const std::string& name) = 0;
  // Column names of a table, in order (empty when the table does not exist).
  virtual std::vector<std::string> columns(const std::string& table) = 0;
  // Columns with their declared types (DATE -> date, DOUBLE/REAL -> real, INTEGER -> integer, else
  // text), in order; the geometry column "geom" and the key "fid" are left out.
  virtual std::vector<ColumnDef> column_defs(const std::string& table) = 0;
  // Sets columns of the rows whose key_column equals key; returns how many rows matched. Identifiers are
  // checked against the table and quoted, values bound. Throws DataError for an unknown table or column.
  virtual long update_values(const std::string& table, const std::string& key_column, const Value& key,
                             const std::vector<std::pair<std::string, Value>>& values) = 0;

  // How many rows a table holds, or about as many (at least as many as read_table gives); -1 when the
  // store cannot tell cheaply. For reserving memory before a large read.
  virtual long long row_count_hint(const std::string& /*table*/) { return -1; }
  // Reads selected columns (and, when with_geometry, the geometry as WKB with its envelope in
  // Row::bbox) of the rows that pass the filter, in the order of order_by (a column name; "" =
  // storage order). Throws DataError when the table or a column does not exist, or an operator is
  // not one of Condition's.
  virtual void read_table(const std::string& table, const std::vector<std::string>& columns,
                          bool with_geometry, const std::string& order_by,
                          const std::function<void(const Row&)>& fn, const Filter& filter = {}) = 0;

  virtual void write_issues(const std::vector<Issue>& issues) = 0;  // replaces import_issues
  virtual std::vector<Issue> read_issues() = 0;

  virtual std::map<std::string, std::string> meta() = 0;  // dataset facts: name, srid, as_of, ...
  virtual void set_meta(const std::string& key, const std::string& value) = 0;

  // The tables parkgis keeps here (layers, results, runs, parkgis_meta, import_issues), by name.
  virtual std::vector<std::string> table_names() = 0;

  // PostGIS: reads outside a write transaction see one state of the schema (one snapshot, and imports
  // and analyses wait for it) until end_reading() — so a report or a map never mixes old and new
  // results. Long-lived readers (the viewer) call it after each piece of work; a command's store ends
  // it when destroyed. SpatiaLite: nothing to end (each statement reads the file as it is then).
  virtual void end_reading() {}
};

// What lies at a path that a new database would replace (from the file's header and tables; a hot journal
// left there by a killed writer is rolled back into that file, as any SQLite open does).
enum class TargetKind {
  none,          // nothing there: a new file
  parkgis,       // a parkgis database: replaced by import
  geopackage,    // an SQLite file with the GeoPackage application id
  other_sqlite,  // another program's SQLite database
  not_sqlite,    // any other file (a shapefile, a text file, ...)
  not_file,      // a folder or a special file
  other_tables,  // a PostgreSQL schema holding tables parkgis did not write
};
TargetKind inspect_target(const std::string& path);
const char* target_kind_text(TargetKind kind);  // "a GeoPackage", "not an SQLite file", ...

// Opens an existing parkgis SpatiaLite database. Throws DataError when the file is missing or is not
// a parkgis database.
std::unique_ptr<Store> open_spatialite(const std::string& path);

// A new database built beside `path` and moved into place by publish(): until then an existing file
// at `path` is untouched, and if the object is destroyed without publish() the partial file is removed.
class NewStore {
 public:
  virtual ~NewStore() = default;
  virtual Store& store() = 0;
  // Closes and renames over `path` (atomic on one filesystem). An existing database at `path` is first
  // locked exclusively (waiting for its readers and writers; a hot journal left by a killed writer is
  // rolled back into it, never into the new file) and the new file takes its permissions.
  virtual void publish() = 0;
};

std::unique_ptr<NewStore> create_spatialite(const std::string& path, int srid);

struct Location;
// PostGIS (postgis_store.cpp): a schema of a PostgreSQL database with the PostGIS extension. The new
// store's tables are built inside one transaction that publish() commits; until then readers see the
// old tables, and a store destroyed without publish() rolls everything back.
std::unique_ptr<Store> open_postgis(const Location& location);
std::unique_ptr<NewStore> create_postgis(const Location& location, int srid);
// none (no schema, or an empty one), parkgis, or other_tables; throws DataError when the server cannot
// be reached or the database has no PostGIS.
TargetKind inspect_postgis(const Location& location);

// What --db (and --schema) name: a SpatiaLite file or a PostGIS schema. Throws UsageError for a schema
// given with a file, DataError as the store's open or create does.
std::unique_ptr<Store> open_store(const std::string& db, const std::string& schema = "");
std::unique_ptr<NewStore> create_store(const std::string& db, int srid, const std::string& schema = "");
TargetKind inspect_location(const std::string& db, const std::string& schema = "");

}  // namespace parkgis::store
