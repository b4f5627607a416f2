#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <string>
#include <ostream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/man_page.h"
#include "libgis/core/data_paths.h"
#include "libgis/core/errors.h"
#include "libgis/core/progress.h"

namespace parkgis::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"run", "import, analyze and print the park and zone tables (default: the bundled Ningde data)", cmd_run},
      {"import", "read a dataset folder into a parkgis SpatiaLite database or PostGIS schema", cmd_import},
      {"analyze", "compute idle land, 批而未供, 亩均 yield and grading, vacancy into the database", cmd_analyze},
      {"report", "park, zone, parcel, enterprise and 批次 tables as text, CSV, JSON, Markdown, HTML or Excel", cmd_report},
      {"export", "write a layer as shapefile (GBK or UTF-8), GeoPackage, GeoJSON, CSV or KML, with QGIS/SLD styles", cmd_export},
      {"sites", "land-reserve candidate sites (储备候选地块), ranked; --fit finds room for a project", cmd_sites},
      {"survey-pack", "a styled survey package of one zone for field teams", cmd_survey_pack},
      {"survey-merge", "apply a returned survey file, listing changes and conflicts", cmd_survey_merge},
      {"render", "a map sheet (theme, legend, scale bar, north arrow) as PNG or PDF, without a window", cmd_render},
      {"generate", "write a synthetic dataset of any size (tests, benchmarks)", cmd_generate},
      {"runs", "the evaluations kept in a database (one per date) and the runs of analyze", cmd_runs},
      {"history", "the versions of a parcel or building, or of the land data (import, updates, surveys)", cmd_history},
      {"trend", "parks, zones or enterprises over the evaluations kept (one row per date; HTML with charts)", cmd_trend},
      {"compare", "what changed between two evaluations: parcels, enterprises, zone and park figures", cmd_compare},
      {"copy", "copy a database between SpatiaLite and PostgreSQL/PostGIS, checked by counts and sums", cmd_copy},
  };
  return list;
}

namespace {

void print_usage(std::ostream& os) {
  os << "parkgis " << PARKGIS_VERSION << " - land analysis for industrial parks\n\n"
     << "usage: parkgis <command> [options]\n\ncommands:\n";
  std::size_t width = 0;  // the longest command name, then two spaces before the summaries
  for (const Command& c : commands()) width = std::max(width, std::string(c.name).size());
  for (const Command& c : commands()) {
    std::string name = c.name;
    name.resize(width + 2, ' ');
    os << "  " << name << c.summary << "\n";
  }
  os << "\n'parkgis <command> --help' describes a command. Exit codes: 0 ok, 1 data error, 2 usage error.\n";
}

// Results written to standard output (a redirected report on a full disk, a closed pipe) must have
// reached it: a command whose output was cut is not a success.
int check_output(const char* name, Context& ctx) {
  errno = 0;
  ctx.out.flush();
  if (ctx.out) return kExitOk;
  const int e = errno;
  ctx.err << "parkgis " << name << ": error: cannot write the results to standard output"
          << (e ? std::string(": ") + std::strerror(e) : std::string()) << (e == ENOSPC ? " (the disk is full)" : "")
          << "; the output is incomplete\n";
  return kExitDataError;
}

}  // namespace

int run(const std::vector<std::string>& argv, Context& ctx) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
    print_usage(argv.empty() ? ctx.err : ctx.out);
    return argv.empty() ? kExitUsage : kExitOk;
  }
  if (argv[0] == "--version") {
    ctx.out << "parkgis " << PARKGIS_VERSION << "\ndata: " << data_dir().string() << "\n";
    return kExitOk;
  }
  if (argv[0] == "--man") {
    write_man_page(ctx.out);
    return kExitOk;
  }
  for (const Command& c : commands()) {
    if (argv[0] != c.name) continue;
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    try {
      const int rc = c.run(rest, ctx);
      return rc == kExitOk ? check_output(c.name, ctx) : rc;
    } catch (const UsageError& e) {
      ctx.err << "parkgis " << c.name << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const DataError& e) {
      ctx.err << "parkgis " << c.name << ": error: " << e.what() << "\n";
      return kExitDataError;
    } catch (const Cancelled& e) {
      if (interrupted()) {
        ctx.err << "\nparkgis " << c.name << ": interrupted; nothing was written (an unfinished database is removed, "
                << "an existing one is left as it was)\n";
        return kExitInterrupted;
      }
      ctx.err << "parkgis " << c.name << ": " << e.what() << "\n";
      return kExitDataError;
    } catch (const std::exception& e) {
      ctx.err << "parkgis " << c.name << ": unexpected error: " << e.what()
              << "\n(this is a bug in parkgis; please report it with the command line you used)\n";
      return kExitDataError;
    }
  }
  ctx.err << "parkgis: unknown command '" << argv[0] << "'; try 'parkgis --help'\n";
  return kExitUsage;
}

}  // namespace parkgis::cli
