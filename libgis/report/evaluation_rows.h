#pragma once
// Rows of the result tables of the evaluations kept in a database, for reports that set evaluations side
// by side (trend, compare). Each evaluation is read through its dated view (history/dated_view.h), so
// archives stay hidden; nothing is computed.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/store/table.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

using RowMap = std::map<std::string, store::Value>;  // column -> value

// The rows of `table` in `view` ordered by `order_by`, with only the columns of `wanted` that the table
// has (an evaluation written by an earlier parkgis may lack a newer column: it reads as null).
std::vector<RowMap> read_rows(store::Store& view, const std::string& table, const std::vector<std::string>& wanted,
                              const std::string& order_by, const store::Filter& filter = {});

std::string text_at(const RowMap& row, const std::string& column);              // "" for null or missing
std::optional<double> number_at(const RowMap& row, const std::string& column);  // none for null or missing
store::Value value_at(const RowMap& row, const std::string& column);             // null when missing

// The dates of the evaluations in [from, to] (either open), earliest first. Throws DataError when the
// database has none there (the message lists the dates it has), UsageError when from is after to.
std::vector<Date> evaluation_dates(store::Store& store, const std::optional<Date>& from, const std::optional<Date>& to);

}  // namespace parkgis::report
