#include "libgis/report/evaluation_rows.h"

#include <algorithm>

#include "libgis/core/errors.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::report {

std::vector<RowMap> read_rows(store::Store& view, const std::string& table, const std::vector<std::string>& wanted,
                              const std::string& order_by, const store::Filter& filter) {
  if (!view.has_table(table))
    throw DataError(view.location() + " has no analysis results (table " + table + "); run 'parkgis analyze --db " +
                    view.location() + "' first");
  const std::vector<std::string> have = view.columns(table);
  std::vector<std::string> cols;
  for (const std::string& c : wanted)
    if (std::find(have.begin(), have.end(), c) != have.end()) cols.push_back(c);
  std::vector<RowMap> out;
  view.read_table(
      table, cols, false, order_by,
      [&](const store::Row& r) {
        RowMap m;
        for (std::size_t i = 0; i < cols.size(); ++i) m[cols[i]] = r.values[i];
        out.push_back(std::move(m));
      },
      filter);
  return out;
}

store::Value value_at(const RowMap& row, const std::string& column) {
  const auto it = row.find(column);
  return it == row.end() ? store::Value{} : it->second;
}

std::string text_at(const RowMap& row, const std::string& column) { return store::value_text(value_at(row, column)); }

std::optional<double> number_at(const RowMap& row, const std::string& column) {
  return store::value_number(value_at(row, column));
}

std::vector<Date> evaluation_dates(store::Store& store, const std::optional<Date>& from, const std::optional<Date>& to) {
  if (from && to && *from > *to)
    throw UsageError("--from " + from->iso() + " is after --to " + to->iso());
  const auto evals = history::list_evaluations(store);
  if (evals.empty())
    throw DataError(store.location() + " has no evaluation yet; run 'parkgis analyze --db " + store.location() +
                    " --as-of DATE' first");
  std::vector<Date> out;
  std::string all;
  for (const auto& e : evals) {
    all += (all.empty() ? "" : ", ") + e.as_of.iso();
    if ((!from || e.as_of >= *from) && (!to || e.as_of <= *to)) out.push_back(e.as_of);
  }
  if (out.empty())
    throw DataError("no evaluation between " + (from ? from->iso() : std::string("the first")) + " and " +
                    (to ? to->iso() : std::string("the last")) + " in " + store.location() + "; evaluations: " + all);
  return out;
}

}  // namespace parkgis::report
