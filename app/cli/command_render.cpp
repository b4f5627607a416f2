// parkgis render: a map sheet (title, themed map, legend, scale bar, north arrow, date) to PNG or PDF,
// drawn by the viewer's renderer without a window.
#include <QGuiApplication>
#include <cstdlib>
#include <memory>
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/change_dates.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "app/cli/gui_scope.h"
#include "app/cli/render_options.h"
#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/store/store.h"
#include "libgis/render/map_export.h"
#include "libgis/render/map_style.h"

namespace parkgis::cli {

namespace {

// The size option: "1600x1130".
void parse_size(const std::string& text, int& w, int& h) {
  const auto x = text.find_first_of("xX");
  try {
    if (x == std::string::npos) throw std::invalid_argument("no x");
    std::size_t used = 0;
    w = std::stoi(text.substr(0, x), &used);
    if (used != x) throw std::invalid_argument("width");
    h = std::stoi(text.substr(x + 1), &used);
    if (used != text.size() - x - 1) throw std::invalid_argument("height");
  } catch (const std::exception&) {
    throw UsageError("--size expects WIDTHxHEIGHT in pixels, like 1600x1130, got \"" + text + "\"");
  }
}


}  // namespace

int cmd_render(const std::vector<std::string>& argv, Context& ctx) {
  Args args("render", argv);
  args.value("--db").value("--theme").value("--zone").value("--park").value("--size").value("--title").value("--lang")
      .value("--date").value("--as-of").value("--from").value("--to").value("-o");
  declare_label_options(args);
  declare_print_options(args);
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis render --db FILE --theme THEME [--zone ID | --park ID] [--size WxH]\n"
               "                      [--title TEXT] [--lang zh|en] [--date YYYY-MM-DD] [--as-of DATE]\n"
               "                      [--labels FIELD] [--label-size PT] -o MAP.png|MAP.pdf\n"
               "       parkgis render --db FILE --theme changes --from DATE --to DATE [...] -o MAP.png|MAP.pdf\n"
               "       parkgis render --db FILE --theme THEME [--zone ID | --park ID] [--parcel ID[,ID...]]\n"
               "                      --paper A4|A3 [--landscape] [--scale 1:N] [--dpi N] [--subtitle TEXT] ...\n"
               "                      -o SHEET.pdf|SHEET.png\n"
               "       parkgis render --db FILE --theme THEME --park ID --atlas zone [--paper ...] [--format pdf|png]\n"
               "                      -o DIR/ | -o ATLAS.pdf\n\n"
               "Draws a map sheet of the analysis results: title, the parcels coloured by THEME, park and\n"
               "zone boundaries and names, legend, scale bar, north arrow and the date. Needs no display.\n"
               "  --theme THEME  idle, unsupplied, tax-per-mu, output-per-mu, vacancy, grade, supply, sites\n"
               "                 (sites: the land-reserve sites of 'parkgis sites', by score), changes\n"
               "                 (the parcels that changed between the evaluations of --from and --to:\n"
               "                 新增闲置, 已动工, 已收回, ...; the land as of --to)\n"
               "                 (styles/*.json)\n"
               "  --zone ID      the map shows this zone (--park ID: this park); default: every park\n"
               "  --size WxH     pixels (PNG) or 1/96 inch (PDF); default 1600x1130\n"
               "  --title TEXT   default: the dataset's name and the theme\n"
               "  --lang zh|en   language of the legend and notes (default zh)\n"
               "  --date DATE    the date printed as made (default today)\n"
               "  --as-of DATE   the evaluation of this date (default: the latest; 'parkgis runs' lists them)\n"
               "  --from DATE --to DATE  the two evaluations the theme changes compares (earlier, later)\n"
               "  --labels FIELD what parcels are labelled with where the label fits inside them: parcel_id\n"
               "                 (default), holder (权利人), tax_per_mu (亩均税收, 万元/亩), grade (等级), none\n"
               "  --label-size PT  size of the parcel labels in points, 5 to 24 (default 8)\n"
               "  --basemap SRC  a raster under the map through GDAL: a GeoTIFF or orthophoto in any CRS, an\n"
               "                 MBTiles file, or xyz:URL with {z}/{x}/{y} (tiles cached on disk); repeatable:\n"
               "                 drawn in the order given, the first at the bottom\n"
               "  --basemap-opacity X  0 to 1 (default 1); once for every basemap, or once per --basemap in order\n"
               "  --attribution T  source text at the footer's right (default: the basemaps' file names)\n"
               "  --reference SRC  a vector layer drawn in grey over the basemaps, under the parcels: any OGR\n"
               "                 source (shapefile, GeoPackage, GeoJSON) in any CRS; repeatable\n"
               "Printed sheets (instead of --size):\n"
               "  --paper A4|A3  paper size (default A4; portrait unless --landscape)\n"
               "  --scale 1:N    map scale, N from 200 to 500000 (default: the zone, park or parcels fit the frame)\n"
               "  --dpi N        PNG resolution, 72 to 600 (default 150; PDF is vector)\n"
               "  --subtitle T   default: the zone or park shown\n"
               "  --parcel IDS   highlight these parcels (comma-separated) with a legend entry; shown whole\n"
               "                 when no --zone or --park is given\n"
               "  --atlas zone   one sheet per zone of --park: -o DIR/ writes DIR/ZONE_ID.pdf (--format png:\n"
               "                 .png), -o FILE.pdf writes one page per zone\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis render --help'");
  if (args.has("--zone") && args.has("--park")) throw UsageError("give --zone or --park, not both");
  render::MapExportRequest req;
  const DbOption dbo = db_option(args);
  req.db_path = dbo.db;
  req.schema = dbo.schema;
  req.theme_id = args.require("--theme");
  req.out_path = args.require("-o");
  req.zone_id = args.get("--zone").value_or("");
  req.park_id = args.get("--park").value_or("");
  if (auto s = args.get("--size")) parse_size(*s, req.width, req.height);
  req.title = QString::fromStdString(args.get("--title").value_or(""));
  const std::string lang = args.get("--lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw UsageError("--lang expects zh or en, got \"" + lang + "\"");
  req.lang = lang == "zh" ? render::Lang::zh : render::Lang::en;
  req.date = args.get("--date").value_or("");
  req.as_of = args.get_date("--as-of");
  req.changes = change_dates(args, req.theme_id, dbo.display);
  if (req.changes && req.as_of)
    throw UsageError("--as-of does not go with the theme changes: its map shows the land and evaluation of --to");
  req.labels = label_options(args);
  apply_print_options(args, req);

  {  // every theme colours analysis results: a map without them would be uncoloured
    auto store = dbo.open_as_of(req.as_of);  // an unknown date is a usage error here
    if (req.changes) render::require_two_evaluations(*store);
    if (!store->has_table("parcel_metrics"))
      throw DataError(dbo.display + " has no analysis results (table parcel_metrics); run 'parkgis analyze --db " +
                      dbo.display + "' first");
    if (req.theme_id == "sites" && !store->has_table("reserve_sites"))
      throw DataError(dbo.display + " has no land-reserve sites (table reserve_sites); run 'parkgis sites --db " +
                      dbo.display + "' first");
  }
  GuiScope gui;
  if (!render::cjk_font_available())
    ctx.err << "parkgis render: warning: font Noto Sans CJK SC is not installed (scripts/setup.sh installs "
               "fonts-noto-cjk); Chinese text may show as boxes\n";
  render::export_map(req);
  ctx.err << "wrote " << req.out_path << "\n";
  return kExitOk;
}

}  // namespace parkgis::cli
