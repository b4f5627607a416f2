#pragma once
// Excel workbooks (.xlsx, through libxlsxwriter) of one or more reports, a sheet each. Numbers are
// stored as numbers with a number format taken from the report's column metadata (decimals, percent),
// headers carry their units, the header row is frozen and the columns are as wide as their contents
// (CJK characters count double). The first rows hold the title and the evaluation note, the other
// notes follow the table.

#include <iosfwd>
#include <string>
#include <vector>

#include "libgis/report/report.h"

namespace parkgis::report {

struct Sheet {
  std::string name;  // made valid for Excel by sheet_name()
  Report report;
};

// Writes the workbook's bytes to `os`. Throws DataError when libxlsxwriter cannot write it.
void write_workbook(std::ostream& os, const std::vector<Sheet>& sheets);

// A valid, unique Excel sheet name from `wanted`: the characters []:*?/\ become "_", apostrophes at
// either end are dropped, the name is cut to 31 characters (never inside a character) and, when it is
// already in `taken` (Excel compares without case), ends with " (2)", " (3)", ...; "Sheet" when empty.
std::string sheet_name(const std::string& wanted, const std::vector<std::string>& taken);

// The sheet name of a single report: its title after the last " — " (e.g. "园区汇总").
std::string sheet_name_of(const Report& report);

// Excel number format of a column ("0.0", "0.00%", "0", "@" for text, "General"), from decimals,
// percent and whether the column holds numbers.
std::string number_format(const Column& column, bool numeric);

}  // namespace parkgis::report
