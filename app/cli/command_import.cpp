// parkgis import: reads a dataset folder into a new SpatiaLite database.
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/history_commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "app/cli/summary.h"
#include "libgis/core/errors.h"
#include "libgis/importer.h"

namespace parkgis::cli {

int cmd_import(const std::vector<std::string>& argv, Context& ctx) {
  Args args("import", argv);
  args.value("--db").value("--valid-from").value("--geometry-tolerance").flag("--update").flag("--quiet").flag("--force").flag("--skip-unreadable");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis import DATASET --db FILE.sqlite [--force] [--skip-unreadable] [--quiet]\n"
               "       parkgis import DATASET --db FILE.sqlite --update [--valid-from DATE] [--geometry-tolerance M2]\n\n"
               "Reads the dataset folder DATASET (parks, zones, parcels, buildings, approvals,\n"
               "enterprises; see docs/dataset-format.md) into a new SpatiaLite database FILE.\n"
               "An existing FILE is replaced only when the import succeeds, and only when it is a\n"
               "parkgis database (its permissions are kept; readers and writers are waited for).\n"
               "Problems in the data are listed on stderr and kept in the table import_issues.\n\n"
               "  --db FILE   database to create or replace\n"
               "  --force     also replace a FILE that is not a parkgis database (another program's\n"
               "              SQLite file, a GeoPackage, any file) or is read-only; never a file of DATASET\n"
               "  --skip-unreadable  import the readable records of a damaged shapefile (each lost record\n"
               "              is listed in import_issues) instead of refusing the dataset\n"
               "  --quiet     print nothing but errors\n"
               "  --update    load DATASET as a later version of the land data of the existing FILE: parcels\n"
               "              and buildings compared by id, added/removed/changed ones kept as versions\n"
               "              (parkgis history), enterprises merged by (enterprise_id, year), tenancies by\n"
               "              tenancy_id; earlier evaluations stay; see docs/history.md\n"
               "  --valid-from DATE  the date the land data are valid from, when dataset.json has no as_of\n"
               "  --geometry-tolerance M2  a shape counts as changed when old and new differ by more than\n"
               "              M2 square metres (symmetric difference; default 1)\n";
    return kExitOk;
  }
  if (args.positional().size() != 1)
    throw UsageError(args.positional().empty() ? "missing DATASET folder; try 'parkgis import --help'"
                                               : "expected one DATASET folder, got " +
                                                     std::to_string(args.positional().size()) + " arguments");
  if (args.has("--update")) return run_update(args, ctx);
  if (args.has("--valid-from") || args.has("--geometry-tolerance"))
    throw UsageError(std::string(args.has("--valid-from") ? "--valid-from" : "--geometry-tolerance") + " goes with --update");
  ImportOptions opt;
  opt.dataset = args.positional()[0];
  const DbOption dbo = db_option(args);
  opt.db_path = dbo.db;
  opt.schema = dbo.schema;
  opt.force = args.has("--force");
  opt.skip_unreadable = args.has("--skip-unreadable");
  const bool quiet = args.has("--quiet");

  ProgressPrinter printer(ctx.err, ctx.progress, quiet);
  opt.progress = printer.callback();
  ImportResult r;
  try {
    r = import_dataset(opt);
  } catch (...) {
    printer.finish();
    throw;
  }
  printer.finish();
  if (!quiet) print_import_summary(ctx.err, r, dbo.display);
  note_late_interrupt(ctx.err, "import", dbo.display + " was already replaced by the new database");
  return kExitOk;
}

}  // namespace parkgis::cli
