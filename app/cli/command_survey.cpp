// parkgis survey-pack / survey-merge: the survey round trip (docs/survey.md).
#include <fstream>
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "libgis/core/atomic_file.h"
#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/export/survey.h"
#include "libgis/export/survey_fields.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

int cmd_survey_pack(const std::vector<std::string>& argv, Context& ctx) {
  Args args("survey-pack", argv);
  args.value("--db").value("--as-of").value("--zone").value("--format").value("--encoding").value("-o").flag("--quiet");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis survey-pack --db FILE --zone ID [--format shp|gpkg|geojson|kml] [--encoding GBK|UTF-8]\n"
               "                           [--as-of DATE] [--quiet] -o DIR|FILE.zip\n\n"
               "Writes the survey package of one zone into DIR (created when missing) or FILE.zip:\n"
               "  parcels_check   parcels to check: idle, below control, low-efficiency, or with vacant floor space (check_items\n"
               "                  says which), with the attributes a survey may correct\n"
               "  unsupplied      批而未供 pieces\n"
               "  buildings       the buildings on those parcels\n"
               "  zone            the zone boundary\n"
               "each with the survey columns (survey_status, surveyor, survey_date, note), .qml, .sld and\n"
               ".fields.csv, and a Chinese README.txt for the team. Default: shapefiles in GBK.\n"
               "  --as-of DATE   the evaluation of this date (default: the latest; 'parkgis runs' lists them)\n"
               "Exit codes: 0 ok, 1 data error, 2 usage error.\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis survey-pack --help'");
  exporter::PackRequest req;
  req.zone_id = args.require("--zone");
  req.output = args.require("-o");
  if (auto f = args.get("--format")) req.format = exporter::parse_format(*f);
  req.encoding = args.get("--encoding").value_or("");
  if (!req.encoding.empty()) exporter::parse_encoding(req.encoding);
  auto store = db_option(args).open_as_of(args.get_date("--as-of"));
  const exporter::PackResult r = exporter::survey_pack(*store, req);
  for (const std::string& w : r.warnings) ctx.err << "parkgis survey-pack: warning: " << w << "\n";
  if (!args.has("--quiet")) {
    ctx.err << "parkgis survey-pack: zone " << req.zone_id << " → " << r.path << "\n";
    for (const exporter::PackLayerInfo& l : r.layers)
      ctx.err << "  " << l.file << "  " << l.title_zh << ": " << l.features << "\n";
  }
  return kExitOk;
}

int cmd_survey_merge(const std::vector<std::string>& argv, Context& ctx) {
  Args args("survey-merge", argv);
  args.value("--db").value("--max-shift").value("--max-area-change").value("-o").flag("--dry-run");
  args.parse();
  if (args.help()) {
    std::string statuses;
    for (const std::string& s : exporter::survey_status_values()) statuses += (statuses.empty() ? "" : ", ") + s;
    ctx.out << "usage: parkgis survey-merge --db FILE [--dry-run] [--max-shift M] [--max-area-change PCT] [-o CHANGES.csv]\n"
               "                            RETURNED\n\n"
               "Reads a returned survey file (shp, gpkg, geojson, csv or kml, GBK or UTF-8), or a returned folder\n"
               "or .zip holding several, compares it with the database, prints what changed (feature, field,\n"
               "old, new) and applies it; every applied change is kept in the table survey_log, the latest survey\n"
               "columns per feature in survey_results. Running the same merge again changes nothing.\n\n"
               "Applied: the survey columns (survey_status: " << statuses << "; surveyor, survey_date, note)\n"
               "and the editable attributes: parcels actual_start, stop_date, developed_m2, invested_wan,\n"
               "gov_cause; buildings vacant_area. An empty cell changes nothing.\n"
               "Conflicts, listed and not applied: unknown ids; geometry moved (centroid more than --max-shift,\n"
               "default 1 m, or area changed by more than --max-area-change, default 1 %: then none of that\n"
               "feature's edits are applied); edited read-only fields (computed metrics, imported attributes);\n"
               "values that are not valid (a date, a number, a survey status).\n"
               "After attributes changed, run 'parkgis analyze' again to update the results.\n\n"
               "  --dry-run     show the changes and conflicts, change nothing\n"
               "  -o FILE       also write the changes and conflicts as CSV\n"
               "Exit codes: 0 ok (also with conflicts, which are listed), 1 data error, 2 usage error.\n";
    return kExitOk;
  }
  if (args.positional().size() != 1)
    throw UsageError(args.positional().empty() ? "name the returned file; try 'parkgis survey-merge --help'"
                                               : "give one returned file, folder or .zip, not " +
                                                     std::to_string(args.positional().size()));
  exporter::MergeRequest req;
  req.returned = args.positional()[0];
  req.dry_run = args.has("--dry-run");
  const auto positive = [&](const std::string& opt, double fallback) {
    const auto v = args.get(opt);
    if (!v) return fallback;
    try {
      std::size_t used = 0;
      const double d = std::stod(*v, &used);
      if (used == v->size() && d >= 0) return d;
    } catch (...) {
    }
    throw UsageError(opt + " expects a number ≥ 0, got \"" + *v + "\"");
  };
  req.max_shift_m = positive("--max-shift", 1.0);
  req.max_area_change = positive("--max-area-change", 1.0) / 100.0;
  auto store = db_option(args).open();
  const exporter::MergeResult r = exporter::survey_merge(*store, req);

  for (const std::string& n : r.notes) ctx.err << "parkgis survey-merge: note: " << n << "\n";
  ctx.out << (req.dry_run ? "Changes (dry run, not applied): " : "Changes: ") << r.changes.size() << "\n";
  for (const exporter::Change& c : r.changes)
    ctx.out << "  " << c.layer << " " << c.feature_id << "  " << c.field << ": '" << c.old_value << "' → '" << c.new_value
            << "'\n";
  ctx.out << "Conflicts (not applied): " << r.conflicts.size() << "\n";
  for (const exporter::Conflict& c : r.conflicts)
    ctx.out << "  " << c.layer << " " << (c.feature_id.empty() ? "-" : c.feature_id) << (c.field.empty() ? "" : "  " + c.field)
            << ": " << c.reason << "  [" << c.file << "]\n";
  if (auto out = args.get("-o")) {
    write_file_atomically(*out, [&](std::ostream& f) { f << exporter::merge_csv(r); });
  }
  ctx.err << "parkgis survey-merge: " << r.features << " features read from " << r.files.size() << " file(s); "
          << r.changes.size() << (req.dry_run ? " change(s) found, none applied (--dry-run)" : " change(s) applied") << ", "
          << r.conflicts.size() << " conflict(s)\n";
  if (r.attributes_changed)
    ctx.err << "parkgis survey-merge: attributes of imported layers " << (req.dry_run ? "would change" : "changed")
            << ": run 'parkgis analyze --db " << store->location() << "' to update the results\n";
  return kExitOk;
}

}  // namespace parkgis::cli
