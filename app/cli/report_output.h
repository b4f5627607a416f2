#pragma once
// How a report command writes its report: --format (a binary format needs -o), -o FILE (atomically) or
// stdout, --bom. Shared by report, sites, trend and compare.

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "libgis/report/report.h"

namespace parkgis::cli {

// The --format asked for (default table). Throws UsageError for a binary format without -o.
report::Format report_format(const Args& args);

// Writes rep in `format` to -o FILE (temp file, then rename) or to ctx.out; --bom starts CSV with a BOM.
int write_report(const Args& args, const report::Report& rep, report::Format format, Context& ctx);

}  // namespace parkgis::cli
