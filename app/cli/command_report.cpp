// parkgis report: tables of the analysis results, for people (table, md, html) or machines (csv, json).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/change_dates.h"
#include "app/cli/report_output.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/gui_scope.h"
#include "libgis/core/atomic_file.h"
#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/render/map_export.h"
#include "libgis/report/builder.h"
#include "libgis/report/workbook.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace {

// Draws one map per section (its park or zone; one map of every park for a report without sections)
// with the map renderer and embeds them as PNG images.
void add_maps(report::Report& rep, const DbOption& db, const std::string& theme, const report::Request& req,
              const std::optional<Date>& as_of, const std::optional<render::ChangeSpan>& changes) {
  GuiScope gui;
  const std::filesystem::path tmp =
      std::filesystem::temp_directory_path() / ("parkgis_report_map_" + std::to_string(getpid()) + ".png");
  const auto draw = [&](const std::string& park, const std::string& zone) {
    render::MapExportRequest m;
    m.db_path = db.db;
    m.schema = db.schema;
    m.as_of = as_of;
    m.changes = changes;
    m.theme_id = theme;
    m.park_id = park;
    m.zone_id = zone;
    m.width = 1200;
    m.height = 850;
    m.out_path = tmp.string();
    render::export_map(m);
    std::ifstream in(tmp, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(tmp);
    return bytes.str();
  };
  bool any = false;
  for (const report::Section& s : rep.sections) {
    if (s.key.rfind("park:", 0) == 0) rep.images.push_back({s.title, s.title, draw(s.key.substr(5), "")});
    else if (s.key.rfind("zone:", 0) == 0) rep.images.push_back({s.title, s.title, draw("", s.key.substr(5))});
    else continue;
    any = true;
  }
  if (!any) rep.images.push_back({"", rep.title, draw(req.park_id, req.zone_id)});
}

// --workbook: every report in one Excel file.
int write_workbook(const Args& args) {
  for (const char* other : {"--by", "--maps", "--bom", "--wide"})
    if (args.has(other)) throw UsageError(std::string(other) + " does not go with --workbook (it holds every report)");
  if (args.get("--format").value_or("xlsx") != "xlsx") throw UsageError("--workbook writes xlsx; leave out --format");
  const auto out = args.get("-o");
  if (!out) throw UsageError("--workbook writes a binary file: give -o FILE.xlsx");
  report::Request scope;
  scope.park_id = args.get("--park").value_or("");
  scope.zone_id = args.get("--zone").value_or("");
  auto store = db_option(args).open_as_of(args.get_date("--as-of"));
  const std::vector<report::Sheet> sheets = report::build_workbook(*store, scope);
  write_file_atomically(*out, [&](std::ostream& f) { report::write_workbook(f, sheets); });
  return kExitOk;
}

}  // namespace

int cmd_report(const std::vector<std::string>& argv, Context& ctx) {
  Args args("report", argv);
  args.value("--db").value("--as-of").value("--by").value("--park").value("--zone").value("--format").value("-o").value("--maps").value("--from").value("--to").flag("--bom").flag("--wide").flag("--workbook");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis report --db FILE [--by park|zone|parcel|enterprise|approval] [--park ID] [--zone ID]\n"
               "                      [--format table|csv|json|md|html|xlsx] [-o FILE] [--bom] [--wide] [--as-of DATE]\n"
               "       parkgis report --db FILE --workbook [--park ID] [--zone ID] [--as-of DATE] -o FILE.xlsx\n\n"
               "Prints the results of 'parkgis analyze' (default: --by park --format table, on stdout).\n"
               "  --by LEVEL     park (with totals), zone (a section per park), parcel (a section per zone),\n"
               "                 enterprise (亩均 grades, best first, a section per park),\n"
               "                 approval (approval batches 批次: age, supplied, 批而未供, a section per park)\n"
               "  --park ID      only this park; --zone ID only this zone\n"
               "  --as-of DATE   the evaluation of this date (default: the latest; 'parkgis runs' lists them)\n"
               "  --format F     table (terminal, aligned for Chinese text), csv (UTF-8), json, md, html\n"
               "                 (one self-contained file), xlsx (Excel, needs -o; numbers with formats)\n"
               "  -o FILE        write to FILE instead of stdout\n"
               "  --bom          CSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese right\n"
               "  --wide         table: all columns (default: the main ones)\n"
               "  --workbook     one Excel workbook, a sheet per report: 园区, 片区, 宗地, 企业, 闲置土地,\n"
               "                 批而未供, 批次 (needs -o FILE.xlsx)\n"
               "  --maps THEME   html: a map of each section (park or zone) coloured by THEME (idle,\n"
               "                 unsupplied, tax-per-mu, output-per-mu, vacancy, grade, supply), embedded;\n"
               "                 changes with --from DATE --to DATE: the parcels that changed between the\n"
               "                 evaluations of those dates ('parkgis runs' lists them)\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis report --help'");
  if (args.has("--workbook")) return write_workbook(args);
  report::Request req;
  req.level = report::parse_level(args.get("--by").value_or("park"));
  req.park_id = args.get("--park").value_or("");
  req.zone_id = args.get("--zone").value_or("");
  const report::Format format = report_format(args);
  req.compact = format == report::Format::table && !args.has("--wide");

  const DbOption db = db_option(args);
  const std::optional<Date> as_of = args.get_date("--as-of");
  auto store = db.open_as_of(as_of);
  report::Report rep = report::build_report(*store, req);
  if (auto theme = args.get("--maps")) {
    if (format != report::Format::html) throw UsageError("--maps goes with --format html");
    const std::optional<render::ChangeSpan> changes = change_dates(args, *theme, db.display);
    if (changes) render::require_two_evaluations(*store);
    store->end_reading();  // the maps read through their own connections
    add_maps(rep, db, *theme, req, as_of, changes);
  } else if (args.has("--from") || args.has("--to")) {
    throw UsageError("--from and --to go with --maps changes");
  }
  return write_report(args, rep, format, ctx);
}

}  // namespace parkgis::cli
