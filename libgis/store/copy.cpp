// Copying a parkgis database between stores, through the Store interface only.
#include "libgis/store/copy.h"

#include <algorithm>
#include <cmath>

namespace parkgis::store {

namespace {

const char* kMetaTable = "parkgis_meta";
const char* kIssuesTable = "import_issues";

// Keys each store writes itself when it is created.
bool store_own_key(const std::string& key) { return key == "srid" || key == "format"; }

}  // namespace

bool TableCheck::same() const {
  if (rows_from != rows_to || sums_from.size() != sums_to.size()) return false;
  for (std::size_t i = 0; i < sums_from.size(); ++i) {
    const double a = sums_from[i], b = sums_to[i];
    if (std::isnan(a) && std::isnan(b)) continue;
    if (!(std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)))) return false;
  }
  return true;
}

void copy_tables(Store& from, Store& to, const ProgressFn& progress) {
  const std::vector<std::string> tables = from.table_names();
  to.begin();
  try {
    for (const auto& [key, value] : from.meta())
      if (!store_own_key(key)) to.set_meta(key, value);
    to.write_issues(from.read_issues());
    std::size_t done = 0;
    for (const std::string& name : tables) {
      ++done;
      if (name == kMetaTable || name == kIssuesTable) continue;
      report_progress(progress, "copying " + name, double(done) / double(tables.size() + 1));
      TableDef def{name, from.column_defs(name), "", false, {}};
      const std::vector<std::string> all = from.columns(name);
      def.spatial = std::find(all.begin(), all.end(), "geom") != all.end();
      std::vector<std::string> names;
      for (const ColumnDef& c : def.columns) names.push_back(c.name);
      std::vector<Row> rows;
      from.read_table(name, names, def.spatial, "", [&](const Row& r) { rows.push_back(r); });
      to.write_table(def, rows);
    }
    to.commit();
  } catch (...) {
    to.rollback();
    throw;
  }
  report_progress(progress, "copying", 1.0);
}

std::vector<TableCheck> compare_tables(Store& from, Store& to) {
  std::vector<TableCheck> out;
  for (const std::string& name : from.table_names()) {
    TableCheck c;
    c.table = name;
    if (name == kMetaTable) {  // the dataset's facts, without the keys each store keeps for itself
      const auto count = [](Store& s) {
        long long n = 0;
        for (const auto& [key, value] : s.meta()) n += store_own_key(key) ? 0 : 1;
        return n;
      };
      c.rows_from = count(from);
      c.rows_to = count(to);
      out.push_back(std::move(c));
      continue;
    }
    std::vector<std::string> read;  // every column (a table may have no real one), the real ones summed
    std::vector<std::size_t> summed;
    for (const ColumnDef& d : from.column_defs(name)) {
      if (d.type == ColumnType::real) {
        c.columns.push_back(d.name);
        summed.push_back(read.size());
      }
      read.push_back(d.name);
    }
    const auto tally = [&](Store& s, long long& rows, std::vector<double>& sums) {
      sums.assign(c.columns.size(), 0.0);
      if (!s.has_table(name)) {
        rows = -1;
        return;
      }
      rows = 0;
      s.read_table(name, read, false, "", [&](const Row& r) {
        ++rows;
        for (std::size_t i = 0; i < summed.size(); ++i)
          if (auto v = value_number(r.values[summed[i]])) sums[i] += *v;
      });
    };
    tally(from, c.rows_from, c.sums_from);
    tally(to, c.rows_to, c.sums_to);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace parkgis::store
