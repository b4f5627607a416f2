// parkgis trend and parkgis compare: the evaluations kept in a database side by side (docs/history.md).
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/db_option.h"
#include "app/cli/report_output.h"
#include "libgis/core/errors.h"
#include "libgis/report/compare.h"
#include "libgis/report/trend.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace {

const char* const kFormatHelp =
    "  --format F     table (terminal), csv (UTF-8), json, md, html (one self-contained file), xlsx (needs -o)\n"
    "  -o FILE        write to FILE instead of stdout\n"
    "  --bom          CSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese right\n";

void no_positional(const Args& args, const char* command) {
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis " + command + " --help'");
}

}  // namespace

int cmd_trend(const std::vector<std::string>& argv, Context& ctx) {
  Args args("trend", argv);
  args.value("--db").value("--by").value("--park").value("--zone").value("--from").value("--to").value("--format").value("-o").flag("--bom");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis trend --db FILE|postgresql://... [--schema NAME] --by park|zone|enterprise [--park ID | --zone ID] [--from DATE] [--to DATE]\n"
               "                     [--format table|csv|json|md|html|xlsx] [-o FILE] [--bom]\n\n"
               "One row per park, zone or enterprise and evaluation date, from the evaluations kept in the database\n"
               "('parkgis runs' lists them; 'parkgis analyze --as-of DATE' adds one). Nothing is recomputed.\n"
               "  --by LEVEL     park or zone: 闲置土地, 批而未供, 供而未用 (m²), 亩均税收, 亩均产值, 空置闲置率;\n"
               "                 enterprise: 等级, 得分, 名次 and 亩均 figures\n"
               "  --park ID      only this park (zones and enterprises: those in it); --zone ID only this zone\n"
               "  --from DATE    evaluations on or after DATE; --to DATE on or before DATE\n"
            << kFormatHelp
            << "  html adds a line chart per park: 亩均税收, 闲置土地 and 批而未供 by evaluation date\n";
    return kExitOk;
  }
  no_positional(args, "trend");
  report::TrendRequest req;
  req.level = report::parse_trend_level(args.require("--by"));
  req.park_id = args.get("--park").value_or("");
  req.zone_id = args.get("--zone").value_or("");
  req.from = args.get_date("--from");
  req.to = args.get_date("--to");
  const report::Format format = report_format(args);
  req.charts = format == report::Format::html;
  auto store = db_option(args).open();
  return write_report(args, report::build_trend(*store, req), format, ctx);
}

int cmd_compare(const std::vector<std::string>& argv, Context& ctx) {
  Args args("compare", argv);
  args.value("--db").value("--by").value("--park").value("--zone").value("--from").value("--to").value("--format").value("-o").flag("--bom");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis compare --db FILE|postgresql://... [--schema NAME] --from DATE --to DATE [--by parcel|enterprise|zone|park]\n"
               "                       [--park ID | --zone ID] [--format table|csv|json|md|html|xlsx] [-o FILE] [--bom]\n\n"
               "What changed between two evaluations kept in the database (docs/history.md explains each change).\n"
               "  --from DATE    the earlier evaluation; --to DATE the later one ('parkgis runs' lists them)\n"
               "  --by LEVEL     parcel (default): every parcel whose idle status, supply status or grade changed,\n"
               "                 with the change (新增闲置, 已动工, 闲置消除, 已收回, 新供地, 升级, 降级, ...);\n"
               "                 enterprise: those whose grade or place (名次) moved;\n"
               "                 zone, park: each figure at both dates and its change (增减)\n"
               "  --park ID      only this park; --zone ID only this zone\n"
            << kFormatHelp
            << "The changed parcels as a styled map layer: parkgis export --layer changes --from D1 --to D2\n";
    return kExitOk;
  }
  no_positional(args, "compare");
  report::CompareRequest req;
  req.level = report::parse_compare_level(args.get("--by").value_or("parcel"));
  const auto from = args.get_date("--from"), to = args.get_date("--to");
  if (!from || !to) throw UsageError("give both --from DATE and --to DATE (the evaluations to compare; 'parkgis runs' lists them)");
  req.from = *from;
  req.to = *to;
  req.park_id = args.get("--park").value_or("");
  req.zone_id = args.get("--zone").value_or("");
  const report::Format format = report_format(args);
  auto store = db_option(args).open();
  return write_report(args, report::build_compare(*store, req), format, ctx);
}

}  // namespace parkgis::cli
