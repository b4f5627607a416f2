// parkgis analyze: computes the result tables into the database.
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "libgis/core/timing.h"
#include "app/cli/summary.h"
#include "libgis/analysis/analyze.h"
#include "libgis/core/errors.h"
#include "libgis/indicators/config.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

int cmd_analyze(const std::vector<std::string>& argv, Context& ctx) {
  Args args("analyze", argv);
  args.value("--db").value("--as-of").value("--config").flag("--print-config").flag("--quiet");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis analyze --db FILE|postgresql://... [--schema NAME] [--as-of YYYY-MM-DD] [--config FILE] [--quiet]\n"
               "       parkgis analyze --print-config\n\n"
               "Computes idle land, approved-but-unsupplied land, per-mu yield and grading, vacancy and\n"
               "intensity measures into the result tables of FILE (parcel_metrics, zone_metrics,\n"
               "park_metrics, unsupplied_land, approval_metrics, enterprise_metrics), replacing earlier\n"
               "results in one transaction, and records the run in the table runs. See docs/indicators.md.\n\n"
               "  --as-of DATE     evaluation date (default: the dataset's as_of, else today)\n"
               "  --config FILE    weights, cut-offs and thresholds (default: built in; see --print-config)\n"
               "  --print-config   print the built-in configuration as JSON and exit\n";
    return kExitOk;
  }
  if (args.has("--print-config")) {
    ctx.out << indicators::default_config_json();
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis analyze --help'");
  analysis::AnalyzeOptions opt;
  opt.as_of = args.get_date("--as-of");
  opt.config_path = args.get("--config").value_or("");
  const bool quiet = args.has("--quiet");
  const DbOption dbo = db_option(args);
  const std::string& db = dbo.display;
  auto store = dbo.open();
  opt.open_reader = [dbo] { return dbo.open(); };
  ProgressPrinter printer(ctx.err, ctx.progress, quiet);
  opt.progress = printer.callback();
  analysis::AnalyzeResult r;
  PhaseTimer t_all("analyze: the whole analysis, until its memory is freed");
  try {
    r = analysis::analyze(*store, opt);
  } catch (...) {
    printer.finish();
    throw;
  }
  t_all.stop();
  printer.finish();
  if (!quiet) print_analyze_summary(ctx.err, r);
  note_late_interrupt(ctx.err, "analyze", "the results were already committed to " + db);
  return kExitOk;
}

}  // namespace parkgis::cli
