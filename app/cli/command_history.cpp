// parkgis runs, parkgis history, and parkgis import --update: evaluations kept per date and land data
// versions (docs/history.md).
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/history_commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_printer.h"
#include "app/cli/summary.h"
#include "libgis/core/atomic_file.h"
#include "libgis/core/errors.h"
#include "libgis/history/evaluations.h"
#include "libgis/history/land_update.h"
#include "libgis/history/versions.h"
#include "libgis/report/report.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace {

using store::Value;

Value text(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value count(long long n) { return Value{std::int64_t{n}}; }
report::Column col(const char* key, const char* header) { return {key, header, "", -1, false}; }

void write_report(const Args& args, Context& ctx, const report::Report& rep) {
  const report::Format format = report::parse_format(args.get("--format").value_or("table"));
  if (format != report::Format::table && format != report::Format::csv && format != report::Format::json)
    throw UsageError("--format expects table, csv or json, got \"" + *args.get("--format") + "\"");
  if (auto out = args.get("-o")) write_file_atomically(*out, [&](std::ostream& f) { report::write(f, rep, format); });
  else report::write(ctx.out, rep, format);
}

// A few ids of a list, for the summary ("A, B, C and 12 more").
std::string some(const std::vector<std::string>& ids, std::size_t n = 5) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < n; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > n) out += " and " + std::to_string(ids.size() - n) + " more";
  return out;
}

void print_layer_changes(std::ostream& os, const history::LayerChanges& c) {
  os << "  " << c.layer << ": " << c.added.size() << " added, " << c.removed.size() << " removed, " << c.changed.size()
     << " changed\n";
  if (!c.added.empty()) os << "    added: " << some(c.added) << "\n";
  if (!c.removed.empty()) os << "    removed: " << some(c.removed) << "\n";
  if (!c.changed.empty()) os << "    changed: " << some(c.changed) << "\n";
}

}  // namespace

int run_update(const Args& args, Context& ctx) {
  if (args.has("--force")) throw UsageError("--force does not go with --update (an update never replaces a database)");
  history::UpdateOptions opt;
  opt.dataset = args.positional()[0];
  const DbOption db = db_option(args);
  opt.db_path = db.db;
  opt.schema = db.schema;
  opt.valid_from = args.get_date("--valid-from");
  opt.skip_unreadable = args.has("--skip-unreadable");
  if (auto t = args.get("--geometry-tolerance")) {
    try {
      std::size_t used = 0;
      opt.geometry_tolerance_m2 = std::stod(*t, &used);
      if (used != t->size() || !(opt.geometry_tolerance_m2 >= 0)) throw std::invalid_argument(*t);
    } catch (const std::exception&) {
      throw UsageError("--geometry-tolerance expects square metres (a number >= 0), got \"" + *t + "\"");
    }
  }
  const bool quiet = args.has("--quiet");
  ProgressPrinter printer(ctx.err, ctx.progress, quiet);
  opt.progress = printer.callback();
  history::UpdateResult r;
  try {
    r = history::update_dataset(opt);
  } catch (...) {
    printer.finish();
    throw;
  }
  printer.finish();
  if (!quiet) {
    ctx.err << "updated " << db.display << " with the land data of " << r.import.manifest.name << ", valid from "
            << r.valid_from.iso() << " (" << r.date_source << ")\n";
    print_layer_changes(ctx.err, r.parcels);
    print_layer_changes(ctx.err, r.buildings);
    ctx.err << "  enterprises: " << r.enterprises_new << " new rows, " << r.enterprises_replaced
            << " replaced (same enterprise_id and year)\n";
    ctx.err << "  tenancies: " << r.tenancies_new << " new, " << r.tenancies_replaced << " replaced (same tenancy_id)\n";
    print_issues(ctx.err, r.import.issues.all(), 3, "import_issues");
    ctx.err << "earlier evaluations are kept; evaluate the new land data with 'parkgis analyze --db " << db.display
            << " --as-of DATE' (DATE on or after " << r.valid_from.iso() << ")\n";
  }
  note_late_interrupt(ctx.err, "import", "the update was already committed to " + db.display);
  return kExitOk;
}

int cmd_runs(const std::vector<std::string>& argv, Context& ctx) {
  Args args("runs", argv);
  args.value("--db").value("--format").value("-o");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis runs --db FILE|postgresql://... [--schema NAME] [--format table|csv|json] [-o FILE]\n\n"
               "Lists the evaluations kept in FILE, one per evaluation date (analyze --as-of DATE adds one or\n"
               "replaces the one of that date): when it was run, the configuration, the parkgis version, the\n"
               "land data version used and the counts. The latest is the one the result tables show;\n"
               "report, export, render and survey-pack take --as-of DATE for the others. docs/history.md\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis runs --help'");
  auto store = db_option(args).open();
  const std::vector<history::Evaluation> evals = history::list_evaluations(*store);
  report::Report rep;
  rep.title = "评价记录 (evaluations)";
  rep.notes.push_back("database " + store->location());
  if (evals.empty()) rep.notes.push_back("no evaluation yet: run 'parkgis analyze --db " + store->location() + "'");
  else if (evals.front().legacy) rep.notes.push_back("made by an earlier parkgis: its one evaluation (kept per date from the next analyze on)");
  rep.columns = {col("as_of", "评价基准日"),      col("latest", "当前"),          col("ran_at", "运行时间"),
                 col("config_source", "配置"),   col("parkgis_version", "版本"), col("land_as_of", "土地数据版本"),
                 col("parcels", "宗地"),          col("zones", "片区"),           col("parks", "园区"),
                 col("enterprises", "企业"),      col("unsupplied_pieces", "批而未供图斑")};
  report::Section sec;
  for (std::size_t i = 0; i < evals.size(); ++i) {
    const history::Evaluation& e = evals[i];
    sec.rows.push_back({Value{e.as_of.iso()}, Value{std::string(i + 1 == evals.size() ? "yes" : "")}, text(e.ran_at),
                        text(e.config_source), text(e.parkgis_version), text(e.land_as_of), count(e.parcels),
                        count(e.zones), count(e.parks), count(e.enterprises), count(e.unsupplied_pieces)});
  }
  rep.sections.push_back(std::move(sec));
  write_report(args, ctx, rep);
  return kExitOk;
}

int cmd_history(const std::vector<std::string>& argv, Context& ctx) {
  Args args("history", argv);
  args.value("--db").value("--parcel").value("--building").value("--format").value("-o").flag("--land");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis history --db FILE|postgresql://... [--schema NAME] (--parcel ID | --building ID | --land) [--format table|csv|json] [-o FILE]\n\n"
               "Shows the versions of one parcel or building: from when to when each was valid, how it began\n"
               "(initial, added, changed, survey), how it ended (changed, removed, survey), the fields that\n"
               "changed, where it came from, its area and (parcels) its holder. --land lists the versions of\n"
               "the land data as a whole: the import, each 'import --update' and each survey merge. An\n"
               "open version is valid to 9999-12-31. docs/history.md\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis history --help'");
  const int given = int(args.has("--parcel")) + int(args.has("--building")) + int(args.has("--land"));
  if (given != 1) throw UsageError("give one of --parcel ID, --building ID or --land; try 'parkgis history --help'");
  auto store = db_option(args).open();
  report::Report rep;
  if (args.has("--land")) {
    rep.title = "土地数据版本 (land data versions)";
    rep.columns = {col("valid_from", "生效日期"),      col("kind", "类型"),        col("source", "来源"),
                   col("loaded_at", "载入时间"),       col("parcels_added", "新增宗地"), col("parcels_changed", "变更宗地"),
                   col("parcels_removed", "灭失宗地"), col("buildings_added", "新增建筑"), col("buildings_changed", "变更建筑"),
                   col("buildings_removed", "灭失建筑")};
    report::Section sec;
    const std::vector<history::LandVersion> versions = history::land_versions(*store);
    if (versions.empty()) rep.notes.push_back("one version: the land data as imported (no update or survey merge yet)");
    for (const history::LandVersion& v : versions)
      sec.rows.push_back({Value{v.valid_from.iso()}, text(v.kind), text(v.source), text(v.loaded_at), count(v.parcels_added),
                          count(v.parcels_changed), count(v.parcels_removed), count(v.buildings_added),
                          count(v.buildings_changed), count(v.buildings_removed)});
    rep.sections.push_back(std::move(sec));
    write_report(args, ctx, rep);
    return kExitOk;
  }
  const bool parcel = args.has("--parcel");
  const std::string layer = parcel ? "parcels" : "buildings";
  const std::string id = *args.get(parcel ? "--parcel" : "--building");
  const std::vector<history::FeatureVersion> versions = history::feature_versions(*store, layer, id);
  if (versions.empty())
    throw DataError(std::string(parcel ? "parcel " : "building ") + id + " is in no version of the land data in " +
                    store->location() + " (check the id; 'parkgis report --by parcel' lists parcels)");
  rep.title = std::string(parcel ? "宗地 " : "建筑 ") + id + " 的版本 (versions)";
  rep.columns = {col("valid_from", "生效日期"), col("valid_to", "失效日期"), col("change", "变化"), col("ended_by", "结束原因"),
                 col("changed_fields", "变更字段"), {"area_m2", "面积", "m²", 1, false}};
  if (parcel) rep.columns.push_back(col("user_id", "土地使用权人"));
  rep.columns.push_back(col("source", "来源"));
  report::Section sec;
  for (const history::FeatureVersion& v : versions) {
    std::vector<Value> row = {text(v.valid_from), text(v.valid_to), text(v.change), text(v.ended_by),
                              text(v.changed_fields), Value{v.area_m2}};
    if (parcel) row.push_back(text(v.holder));
    row.push_back(text(v.source));
    sec.rows.push_back(std::move(row));
  }
  rep.sections.push_back(std::move(sec));
  write_report(args, ctx, rep);
  return kExitOk;
}

}  // namespace parkgis::cli
