#pragma once
// The sheets of 'parkgis report --workbook': every report of the database in one Excel workbook, a
// sheet each (园区, 片区, 宗地, 企业, 闲置土地, 批而未供, 批次). The 闲置土地 and 批而未供 sheets are
// views of the parcel and approval reports (their rows that are suspected idle or still hold land not
// supplied); nothing is computed here.

#include <functional>
#include <string>
#include <vector>

#include "libgis/report/builder.h"
#include "libgis/report/xlsx_writer.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

// All columns of every level (a new report level gets its sheet here). `scope` restricts every sheet to one park or zone (its level and compact
// are ignored). Throws DataError like build_report.
std::vector<Sheet> build_workbook(store::Store& store, const Request& scope);

// The rows of `report` for which keep(row) holds (totals dropped: they summed every row), and only the
// columns named in `keys` (all when empty), in the report's order. Sections left empty are dropped.
Report select(const Report& report, const std::vector<std::string>& keys,
              const std::function<bool(const Report&, const std::vector<store::Value>&)>& keep);

}  // namespace parkgis::report
