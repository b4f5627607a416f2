// parkgis run: import + analyze + the park and zone tables, in one command.
#include <filesystem>
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "app/cli/summary.h"
#include "libgis/analysis/analyze.h"
#include "libgis/core/data_paths.h"
#include "libgis/core/errors.h"
#include "libgis/core/free_memory.h"
#include "libgis/core/progress.h"
#include "libgis/core/timing.h"
#include "libgis/importer.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace fs = std::filesystem;

int cmd_run(const std::vector<std::string>& argv, Context& ctx) {
  Args args("run", argv);
  args.value("--db").value("--as-of").value("--config").flag("--quiet").flag("--force");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis run [DATASET] [--db FILE] [--as-of YYYY-MM-DD] [--config FILE] [--force] [--quiet]\n\n"
               "Imports DATASET (default: the bundled datasets/ningde), analyses it and prints the park\n"
               "and zone tables. The database is FILE (default: DATASET's folder name + .sqlite in the\n"
               "current folder). Same as 'parkgis import', 'parkgis analyze' and two 'parkgis report'.\n"
               "  --force     replace FILE even when it is not a parkgis database or is read-only\n";
    return kExitOk;
  }
  if (args.positional().size() > 1) throw UsageError("expected at most one DATASET folder; try 'parkgis run --help'");
  std::string dataset = args.positional().empty() ? sample_dataset_dir().string() : args.positional()[0];
  std::string name = fs::path(dataset).lexically_normal().filename().string();
  if (name.empty()) name = fs::path(dataset).lexically_normal().parent_path().filename().string();
  const DbOption dbo = db_option(args, name + ".sqlite");
  const std::string& db = dbo.display;
  const bool quiet = args.has("--quiet");

  ProgressPrinter printer(ctx.err, ctx.progress, quiet);
  ImportOptions io{dataset, dbo.db, printer.callback()};  // NOLINT: the rest defaulted
  io.schema = dbo.schema;
  io.force = args.has("--force");
  analysis::AnalyzeOptions ao;
  ao.as_of = args.get_date("--as-of");
  ao.config_path = args.get("--config").value_or("");
  ao.progress = printer.callback();
  try {
    PhaseTimer t_import("run: import");
    const ImportResult ir = import_dataset(io);
    t_import.stop();
    printer.finish();
    if (!quiet) print_import_summary(ctx.err, ir, db);
    if (interrupted()) {  // the import was past its point of no return: say what is there, then stop
      ctx.err << "\nparkgis run: interrupted after the import: " << db << " holds the new data, not yet analysed; "
              << "run 'parkgis analyze --db " << db << "'\n";
      return kExitInterrupted;
    }
    release_free_memory();  // the import's memory, before the analysis takes its own
    PhaseTimer t_analyze("run: analyze");
    auto store = dbo.open();
    ao.open_reader = [dbo] { return dbo.open(); };
    analysis::AnalyzeResult ar;
    try {
      ar = analysis::analyze(*store, ao);
    } catch (const Cancelled&) {
      if (!interrupted()) throw;
      printer.finish();
      ctx.err << "\nparkgis run: interrupted during the analysis: " << db << " holds the newly imported data; "
              << "no results were written; run 'parkgis analyze --db " << db << "'\n";
      return kExitInterrupted;
    }
    t_analyze.stop();
    printer.finish();
    if (!quiet) print_analyze_summary(ctx.err, ar);
    note_late_interrupt(ctx.err, "run", "the results were already committed to " + db);
    PhaseTimer t_reports("run: park and zone tables");
    for (report::Level level : {report::Level::park, report::Level::zone}) {
      report::Request req;
      req.level = level;
      req.compact = true;
      ctx.out << "\n";
      report::write(ctx.out, report::build_report(*store, req), report::Format::table);
    }
  } catch (...) {
    printer.finish();
    throw;
  }
  return kExitOk;
}

}  // namespace parkgis::cli
