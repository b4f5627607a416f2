#pragma once
// Human-readable summaries printed by the commands on stderr.

#include <iosfwd>
#include <string>

#include "libgis/core/issues.h"
#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"

namespace parkgis::cli {

void print_analyze_summary(std::ostream& os, const analysis::AnalyzeResult& r);
void print_import_summary(std::ostream& os, const ImportResult& r, const std::string& db_path);

// Issue counts by layer and code, then up to `examples` messages per code.
void print_issues(std::ostream& os, const std::vector<Issue>& issues, std::size_t examples, const std::string& table);

}  // namespace parkgis::cli
