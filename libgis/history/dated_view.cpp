#include "libgis/history/dated_view.h"

#include <algorithm>

#include "libgis/history/versions.h"

namespace parkgis::history {

namespace {

using store::ColumnDef;
using store::Filter;
using store::Row;
using store::TableDef;
using store::Value;

// Every group of the reader's filter gets the location's conditions too (a filter with no group: one
// group of them alone).
Filter combined(const Filter& reader, const Filter& where) {
  if (where.any.empty()) return reader;
  Filter f = reader;
  if (f.any.empty()) {
    f.any = where.any;
    return f;
  }
  std::vector<std::vector<store::Condition>> groups;
  for (const auto& mine : where.any)
    for (const auto& theirs : reader.any) {
      std::vector<store::Condition> g = theirs;
      g.insert(g.end(), mine.begin(), mine.end());
      groups.push_back(std::move(g));
    }
  f.any = std::move(groups);
  return f;
}

class DatedView : public store::Store {
 public:
  DatedView(store::Store& base, DatedMapping mapping, std::unique_ptr<store::Store> owned = nullptr)
      : m_owned(std::move(owned)), m_base(base), m_map(std::move(mapping)) {}

  std::string location() const override { return m_base.location(); }
  int srid() const override { return m_base.srid(); }
  void begin() override { m_base.begin(); }
  void commit() override { m_base.commit(); }
  void rollback() override { m_base.rollback(); }
  void write_rows(const TableDef& def, const store::RowSource& rows, const ProgressFn& progress) override {
    m_base.write_rows(def, rows, progress);
  }
  void append_from(const TableDef& def, const store::RowSource& rows, const std::vector<Value>& leading) override {
    m_base.append_from(def, rows, leading);
  }
  long copy_rows(const std::string& from, const TableDef& to, const Filter& filter, const std::vector<Value>& leading) override {
    return m_base.copy_rows(from, to, filter, leading);
  }
  long delete_rows(const std::string& table, const Filter& filter) override { return m_base.delete_rows(table, filter); }
  long update_rows(const std::string& table, const Filter& filter,
                   const std::vector<std::pair<std::string, Value>>& values) override {
    return m_base.update_rows(table, filter, values);
  }
  void add_column(const std::string& table, const ColumnDef& column) override { m_base.add_column(table, column); }
  void drop_table(const std::string& name) override { m_base.drop_table(name); }
  long update_values(const std::string& table, const std::string& key_column, const Value& key,
                     const std::vector<std::pair<std::string, Value>>& values) override {
    return m_base.update_values(table, key_column, key, values);
  }
  void write_issues(const std::vector<Issue>& issues) override { m_base.write_issues(issues); }
  std::vector<Issue> read_issues() override { return m_base.read_issues(); }
  std::map<std::string, std::string> meta() override { return m_base.meta(); }
  void set_meta(const std::string& key, const std::string& value) override { m_base.set_meta(key, value); }
  std::vector<std::string> table_names() override { return m_base.table_names(); }
  void end_reading() override { m_base.end_reading(); }

  bool has_table(const std::string& name) override { return m_base.has_table(where(name).table); }

  std::vector<std::string> columns(const std::string& table) override {
    const Location loc = where(table);
    std::vector<std::string> out = m_base.columns(loc.table);
    std::erase_if(out, [&](const std::string& c) { return hidden(loc, c); });
    return out;
  }

  std::vector<ColumnDef> column_defs(const std::string& table) override {
    const Location loc = where(table);
    std::vector<ColumnDef> out = m_base.column_defs(loc.table);
    std::erase_if(out, [&](const ColumnDef& c) { return hidden(loc, c.name); });
    return out;
  }

  // Only for a table read whole: an archive or version table holds every date's rows, far more than one
  // date's, and reserving for all of them would cost more memory than it saves.
  long long row_count_hint(const std::string& table) override {
    const Location loc = where(table);
    return loc.filter.empty() ? m_base.row_count_hint(loc.table) : -1;
  }
  void read_table(const std::string& table, const std::vector<std::string>& columns, bool with_geometry,
                  const std::string& order_by, const std::function<void(const Row&)>& fn, const Filter& filter) override {
    const Location loc = where(table);
    m_base.read_table(loc.table, columns, with_geometry, order_by, fn, combined(filter, loc.filter));
  }

 private:
  // A copy: readers may read another table from inside a read_table callback.
  Location where(const std::string& table) const {
    if (auto it = m_map.tables.find(table); it != m_map.tables.end()) return it->second;
    return Location{table, {}, {}};
  }
  static bool hidden(const Location& loc, const std::string& column) {
    return std::find(loc.hidden.begin(), loc.hidden.end(), column) != loc.hidden.end();
  }

  std::unique_ptr<store::Store> m_owned;
  store::Store& m_base;
  DatedMapping m_map;
};

void add_land(store::Store& base, const Date& date, DatedMapping& m) {
  for (const char* layer : {"parcels", "buildings"}) {
    Location loc = land_location(base, layer, date);
    if (loc.table != layer) m.tables[layer] = std::move(loc);
  }
}

DatedMapping evaluation_mapping(store::Store& base, const std::optional<Date>& requested) {
  DatedMapping m;
  m.as_of = choose_evaluation(base, requested);
  if (!m.as_of) return m;
  for (const std::string& t : result_tables()) {
    Location loc = locate(base, t, *m.as_of);
    if (loc.table != t) m.tables[t] = std::move(loc);
  }
  // runs: the runs of this date, so that "the last run" readers look for is this evaluation's.
  m.tables["runs"] = Location{"runs", Filter::equals("as_of", m.as_of->iso()), {}};
  add_land(base, *m.as_of, m);
  return m;
}

}  // namespace

std::unique_ptr<store::Store> dated_view(store::Store& base, DatedMapping mapping) {
  return std::make_unique<DatedView>(base, std::move(mapping));
}

std::unique_ptr<store::Store> evaluation_view(store::Store& base, const std::optional<Date>& requested) {
  return std::make_unique<DatedView>(base, evaluation_mapping(base, requested));
}

std::unique_ptr<store::Store> open_evaluation(const std::string& db, const std::optional<Date>& requested,
                                              const std::string& schema) {
  std::unique_ptr<store::Store> base = store::open_store(db, schema);
  store::Store& ref = *base;
  DatedMapping m = evaluation_mapping(ref, requested);
  return std::make_unique<DatedView>(ref, std::move(m), std::move(base));
}

std::unique_ptr<store::Store> land_view(store::Store& base, const Date& date) {
  DatedMapping m;
  add_land(base, date, m);
  return std::make_unique<DatedView>(base, std::move(m));
}

}  // namespace parkgis::history
