// parkgis report: tables of the analysis results, for people (table, md, html) or machines (csv, json).
#include <fstream>
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

int cmd_report(const std::vector<std::string>& argv, Context& ctx) {
  Args args("report", argv);
  args.value("--db").value("--by").value("--park").value("--zone").value("--format").value("-o").flag("--bom").flag("--wide");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis report --db FILE [--by park|zone|parcel|enterprise] [--park ID] [--zone ID]\n"
               "                      [--format table|csv|json|md|html] [-o FILE] [--bom] [--wide]\n\n"
               "Prints the results of 'parkgis analyze' (default: --by park --format table, on stdout).\n"
               "  --by LEVEL     park (with totals), zone (a section per park), parcel (a section per zone),\n"
               "                 enterprise (亩均 grades, best first, a section per park)\n"
               "  --park ID      only this park; --zone ID only this zone\n"
               "  --format F     table (terminal, aligned for Chinese text), csv (UTF-8), json, md, html\n"
               "                 (one self-contained file)\n"
               "  -o FILE        write to FILE instead of stdout\n"
               "  --bom          CSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese right\n"
               "  --wide         table: all columns (default: the main ones)\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis report --help'");
  report::Request req;
  req.level = report::parse_level(args.get("--by").value_or("park"));
  req.park_id = args.get("--park").value_or("");
  req.zone_id = args.get("--zone").value_or("");
  const report::Format format = report::parse_format(args.get("--format").value_or("table"));
  req.compact = format == report::Format::table && !args.has("--wide");
  report::WriteOptions wo;
  wo.csv_bom = args.has("--bom");

  auto store = store::open_spatialite(args.require("--db"));
  const report::Report rep = report::build_report(*store, req);
  if (auto out = args.get("-o")) {
    std::ofstream f(*out, std::ios::binary);
    if (!f) throw DataError("cannot write " + *out + ": check the folder exists and is writable");
    report::write(f, rep, format, wo);
    f.close();
    if (!f) throw DataError("cannot write " + *out + " (disk full?)");
  } else {
    report::write(ctx.out, rep, format, wo);
  }
  return kExitOk;
}

}  // namespace parkgis::cli
