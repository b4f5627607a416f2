// parkgis export: one layer of the database as shapefile (GBK or UTF-8), GeoPackage, GeoJSON, CSV or
// KML, with QGIS .qml and OGC .sld styles and a fields.csv beside it.
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/export/export.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace {

int parse_epsg(const std::string& text) {
  std::string t = text;
  for (const char* prefix : {"EPSG:", "epsg:"})
    if (t.rfind(prefix, 0) == 0) t = t.substr(5);
  std::size_t used = 0;
  int code = 0;
  try {
    code = std::stoi(t, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != t.size() || code <= 0)
    throw UsageError("--crs expects EPSG:N (e.g. EPSG:4490, EPSG:4326), got \"" + text + "\"");
  return code;
}

}  // namespace

int cmd_export(const std::vector<std::string>& argv, Context& ctx) {
  Args args("export", argv);
  args.value("--db").value("--as-of").value("--layer").value("--park").value("--zone").value("--where").value("--format")
      .value("--encoding").value("--crs").value("--theme").value("--from").value("--to").value("-o").flag("--survey").flag("--quiet");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis export --db FILE --layer LAYER [--park ID] [--zone ID] [--where EXPR]\n"
               "                      [--format shp|gpkg|geojson|csv|kml] [--encoding GBK|UTF-8] [--crs EPSG:N]\n"
               "                      [--survey] [--theme ID] [--as-of DATE] [--quiet] -o PATH\n\n"
               "Writes one layer of the database with its styles: PATH plus PATH's base name with .qml (QGIS),\n"
               ".sld (OGC SLD 1.0) and .fields.csv (short name, full name, Chinese label, unit of every field).\n"
               "An existing output is replaced only when the whole export succeeded.\n\n"
               "  --layer LAYER   " << exporter::export_layer_ids() << "\n"
               "                  idle: idle parcels (every idle status); unsupplied: 批而未供 pieces;\n"
               "                  parcels: all parcel metrics; buildings; vacant-buildings (vacant_area > 0);\n"
               "                  below-control: parcels with below_control = 1 (未达控制指标);\n"
               "                  low-efficiency: parcels with low_efficiency = 1 (疑似低效); zones, parks: their metrics;\n"
               "                  issues: the import issues (no geometry);\n"
               "                  changes: parcels changed between --from DATE and --to DATE (parkgis compare)\n"
               "  --park ID, --zone ID   only this park / zone (buildings: those that overlap it)\n"
               "  --where EXPR    column op value [AND|OR ...]; op: = != <> < <= > >= LIKE, IS [NOT] NULL;\n"
               "                  values: numbers or 'text'. Example: --where \"area_mu >= 10 AND grade = 'D'\"\n"
               "  --format F      default: from PATH's extension, else shp\n"
               "  --encoding E    shapefile and CSV text: GBK (shapefile default: CP936 bytes, DBF language\n"
               "                  byte 0x4D and .cpg 936) or UTF-8 (.cpg UTF-8; the CSV default)\n"
               "  --crs EPSG:N    reproject (default: the database's CRS; KML is always EPSG:4326)\n"
               "  --survey        add the survey columns survey_status, surveyor, survey_date, note (and the\n"
               "                  attributes a survey may correct, see 'parkgis survey-merge --help')\n"
               "  --theme ID      colour by this theme of styles/ (default: idle for idle, unsupplied for\n"
               "                  unsupplied, grade for parcels, tax-per-mu for low-efficiency, zones, parks)\n"
               "  --as-of DATE    the evaluation of this date and the land data valid then (default: the\n"
               "                  latest evaluation; 'parkgis runs' lists them)\n\n"
               "Shapefile field names are at most 10 bytes: long names are shortened by a fixed rule\n"
               "(docs/cli.md); fields.csv gives the full names. Text the encoding cannot hold is an error that\n"
               "lists the features (nothing is written). Exit codes: 0 ok, 1 data error, 2 usage error.\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis export --help'");
  exporter::ExportRequest req;
  req.layer = args.require("--layer");
  exporter::find_export_layer(req.layer);  // checks the id before the database is opened
  req.selection.park_id = args.get("--park").value_or("");
  req.selection.zone_id = args.get("--zone").value_or("");
  req.selection.where = args.get("--where").value_or("");
  if (args.has("--where") && req.selection.where.empty()) throw UsageError("--where needs an expression");
  if (auto f = args.get("--format")) req.format = exporter::parse_format(*f);
  req.encoding = args.get("--encoding").value_or("");
  if (!req.encoding.empty()) exporter::parse_encoding(req.encoding);
  if (auto c = args.get("--crs")) req.epsg = parse_epsg(*c);
  req.survey = args.has("--survey");
  req.theme = args.get("--theme").value_or("");
  req.output = args.require("-o");
  req.from = args.get_date("--from");
  req.to = args.get_date("--to");
  if (req.layer == "changes" && args.has("--as-of")) throw UsageError("--as-of does not go with --layer changes; give --from and --to");

  auto store = db_option(args).open_as_of(args.get_date("--as-of"));
  const exporter::ExportResult r = exporter::export_layer(*store, req);
  for (const std::string& w : r.warnings) ctx.err << "parkgis export: warning: " << w << "\n";
  if (!args.has("--quiet")) {
    ctx.err << "parkgis export: " << r.layer << ": " << r.features << " features → " << r.path;
    if (r.epsg) ctx.err << " (EPSG:" << r.epsg;
    else ctx.err << " (no geometry";
    ctx.err << ", " << (r.encoding == "CP936" ? "GBK" : r.encoding);
    if (!r.theme.empty()) ctx.err << ", theme " << r.theme;
    ctx.err << ")\n";
    for (std::size_t i = 1; i < r.files.size(); ++i) ctx.err << "  " << r.files[i] << "\n";
  }
  return kExitOk;
}

}  // namespace parkgis::cli
