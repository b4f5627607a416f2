#pragma once
// Tables as the store sees them: column definitions and rows of values. Layers read on import and the
// result tables of the analysis are both written through this one shape.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parkgis::store {

enum class ColumnType { text, integer, real, date };  // dates are ISO text (YYYY-MM-DD)

struct ColumnDef {
  std::string name;
  ColumnType type = ColumnType::text;
};

struct TableDef {
  std::string name;
  std::vector<ColumnDef> columns;
  std::string unique_column;  // a column with a UNIQUE index ("" for none)
  bool spatial = false;       // has a MULTIPOLYGON column "geom" in the store's SRID
  std::vector<std::string> index_columns;  // extra (non-unique) indexes

  int column_index(const std::string& column) const;  // -1 when absent
};

using Value = std::variant<std::monostate, std::string, std::int64_t, double>;

struct BBox {
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
};

struct Row {
  std::vector<Value> values;  // one per column, in TableDef order
  std::string wkb;            // ISO WKB MultiPolygon in the store's SRID; empty for no geometry
  // The envelope of wkb when the producer knows it: the store then builds the spatial index from these
  // instead of reading every geometry back. Must be the exact min/max of the coordinates.
  std::optional<BBox> bbox = std::nullopt;
};

// Rows to write, made one at a time: `at(i)` for i = 0 … size-1, called once each and in that order; the
// row returned stays valid until the next call. A writer with many rows (500,000 enterprises) makes each
// row as the store asks for it instead of holding them all. A source whose number of rows is not known
// beforehand (rows still being read on another thread) sets `next` instead of `at`: it gives the rows in
// order and null after the last, and `size` is then an estimate, for progress only.
struct RowSource {
  std::size_t size = 0;
  std::function<const Row&(std::size_t)> at;
  std::function<const Row*()> next = {};
  static RowSource of(const std::vector<Row>& rows) {
    return {rows.size(), [&rows](std::size_t i) -> const Row& { return rows[i]; }};
  }
  // Row i (asked for in order from 0), or null after the last row.
  const Row* pull(std::size_t i) const {
    if (next) return next();
    return i < size ? &at(i) : nullptr;
  }
};

// A row filter the store turns into SQL with quoted identifiers and bound values (never spliced text).
// Rows pass when any group passes; a group passes when all its conditions hold.
struct Condition {
  std::string column;
  std::string op;  // "=", "!=", "<", "<=", ">", ">=", "LIKE", "IS NULL", "IS NOT NULL"
  Value value;     // ignored for IS [NOT] NULL
};

// Rows whose column holds one of the values; any number of values (bound as one parameter).
struct InList {
  std::string column;
  std::vector<std::string> values;
};

struct Filter {
  std::vector<std::vector<Condition>> any;  // OR of ANDs; empty = every row
  std::optional<InList> in;                 // and, when set: the column is one of the values
  std::optional<BBox> bbox;                 // spatial tables: rows whose envelope meets the box
  bool empty() const { return any.empty() && !in && !bbox; }
  // Convenience: column = value.
  static Filter equals(const std::string& column, const std::string& value);
};

inline bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }
std::string value_text(const Value& v);  // "" for null; numbers in shortest round-trip form
// The number a value holds (a real, an integer, or text that is wholly a number); none otherwise.
std::optional<double> value_number(const Value& v);

}  // namespace parkgis::store
