// parkgis copy: a parkgis database from one store to another (SpatiaLite file ↔ PostGIS schema),
// checked afterwards by counts and sums.
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/store/copy.h"
#include "libgis/store/location.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

int cmd_copy(const std::vector<std::string>& argv, Context& ctx) {
  Args args("copy", argv);
  args.value("--from").value("--to").value("--from-schema").value("--to-schema").flag("--force").flag("--quiet");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis copy --from DB --to DB [--from-schema NAME] [--to-schema NAME] [--force]\n\n"
               "Copies a parkgis database (imported layers, analysis results, runs, import issues) between a\n"
               "SpatiaLite file and a PostgreSQL/PostGIS schema, either way, and checks the copy: rows per table\n"
               "and the sum of every real column (areas, money) must be equal. DB is a file or a\n"
               "postgresql://user@host:port/dbname URI (or PG:conninfo). The target is replaced as by 'parkgis\n"
               "import': in one step, only when it is a parkgis database or empty (else --force).\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis copy --help'");
  const std::string from_db = args.require("--from"), to_db = args.require("--to");
  const std::string from_schema = args.get("--from-schema").value_or("");
  const std::string to_schema = args.get("--to-schema").value_or("");
  const store::Location from_loc = store::parse_location(from_db, from_schema);
  const store::Location to_loc = store::parse_location(to_db, to_schema);
  if (from_loc.display == to_loc.display) throw UsageError("--from and --to name the same database");

  auto from = store::open_store(from_db, from_schema);
  const store::TargetKind kind = store::inspect_location(to_db, to_schema);
  if (kind != store::TargetKind::none && kind != store::TargetKind::parkgis && !args.has("--force"))
    throw DataError(to_loc.display + " is " + store::target_kind_text(kind) +
                    "; 'parkgis copy' replaces only parkgis databases. Give another --to, or add --force");
  {
    auto created = store::create_store(to_db, from->srid(), to_schema);
    store::copy_tables(*from, created->store());
    created->publish();
  }
  auto to = store::open_store(to_db, to_schema);
  const std::vector<store::TableCheck> checks = store::compare_tables(*from, *to);
  bool all_same = true;
  const bool quiet = args.has("--quiet");
  for (const store::TableCheck& c : checks) {
    all_same = all_same && c.same();
    if (quiet && c.same()) continue;
    std::ostringstream line;
    line << "  " << std::left << std::setw(22) << c.table << std::right << std::setw(9) << c.rows_to << " rows";
    if (!c.columns.empty()) line << ", " << c.columns.size() << " sums";
    line << (c.same() ? "  equal" : "  DIFFERENT");
    if (!c.same()) {
      line << " (rows " << c.rows_from << " → " << c.rows_to;
      for (std::size_t i = 0; i < c.columns.size(); ++i)
        if (c.sums_from[i] != c.sums_to[i])
          line << "; " << c.columns[i] << " " << std::setprecision(17) << c.sums_from[i] << " → " << c.sums_to[i];
      line << ")";
    }
    ctx.err << line.str() << "\n";
  }
  if (!all_same) throw DataError("the copy in " + to_loc.display + " differs from " + from_loc.display + " (see above)");
  if (!quiet)
    ctx.err << "copied " << from_loc.display << " → " << to_loc.display << ": " << checks.size()
            << " tables, counts and sums checked equal\n";
  return kExitOk;
}

}  // namespace parkgis::cli
