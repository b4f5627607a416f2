// parkgis sites: land-reserve candidate sites (储备候选地块) from the analysis results, written to
// reserve_sites and listed; --fit searches them for a project of a given area and width.
#include <cmath>
#include <optional>
#include <cstdlib>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/report_output.h"
#include "app/cli/db_option.h"
#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/core/units.h"
#include "libgis/report/builder.h"
#include "libgis/reserve/sites.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

namespace {

// The whole text as a finite number, or none.
std::optional<double> number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

double non_negative(const Args& args, const std::string& option, const char* what) {
  const auto text = args.get(option);
  if (!text) return 0;
  const auto v = number(*text);
  if (!v || *v < 0) throw UsageError(option + " must be " + what + ", 0 or more, not '" + *text + "'");
  return *v;
}

indicators::FitQuery parse_fit(const std::string& text) {
  const std::size_t colon = text.find(':');
  const auto area = number(text.substr(0, colon));
  const auto width = colon == std::string::npos ? std::optional<double>(0.0) : number(text.substr(colon + 1));
  if (!area || *area <= 0 || !width || *width < 0 || (colon != std::string::npos && *width <= 0))
    throw UsageError("--fit needs AREA_MU[:WIDTH_M], an area in 亩 greater than 0 and a width in metres greater than 0 "
                     "(e.g. --fit 50:120), not '" + text + "'");
  return {*area, *width};
}

std::pair<double, double> parse_point(const std::string& text) {
  const std::size_t comma = text.find(',');
  const auto x = number(text.substr(0, comma));
  const auto y = comma == std::string::npos ? std::nullopt : number(text.substr(comma + 1));
  if (!x || !y)
    throw UsageError("--near needs X,Y in the database's coordinates (metres), e.g. --near 39560000,2950000, not '" +
                     text + "'");
  return {*x, *y};
}

std::string mu_text(double m2) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << units::m2_to_mu(m2);
  return s.str();
}

}  // namespace

int cmd_sites(const std::vector<std::string>& argv, Context& ctx) {
  Args args("sites", argv);
  args.value("--db").value("--park").value("--zone").value("--include").value("--gap").value("--min-mu")
      .value("--config").value("--fit").value("--near").value("--format").value("-o").flag("--bom").flag("--wide");
  args.parse();
  if (args.help()) {
    ctx.out << "usage: parkgis sites --db FILE|postgresql://... [--schema NAME] [--park ID | --zone ID] [--include KINDS] [--gap M] [--min-mu N]\n"
               "                     [--config FILE] [--format table|csv|json|md|html|xlsx] [-o FILE] [--bom] [--wide]\n"
               "       parkgis sites --db FILE --fit AREA_MU[:WIDTH_M] [--near X,Y | --zone ID] [...]\n\n"
               "Land-reserve candidate sites (储备候选地块): land that can be supplied or taken back, put together\n"
               "where pieces touch or lie within --gap metres of each other in one zone, with area, width,\n"
               "compactness, holders, idle fees, the next legal step of each piece and a ranking score. Written to\n"
               "the table reserve_sites (replaced; QGIS opens it), then listed best first. See docs/reserve.md.\n\n"
               "  --include KINDS  comma list (default unsupplied,reclaim,gov-cause,stalled,below-control):\n"
               "                   unsupplied (批而未供), reclaim (满两年未动工), not-started (未动工满一年),\n"
               "                   gov-cause (政府原因闲置), stalled (中止开发闲置),\n"
               "                   below-control (未达控制指标或疑似低效)\n"
               "  --gap M          pieces within M metres of each other in one zone make one site (default 0:\n"
               "                   pieces that share an edge)\n"
               "  --min-mu N       leave out sites smaller than N 亩 (default 0)\n"
               "  --park ID, --zone ID   only this park / zone\n"
               "  --config FILE    scoring weights (section \"reserve\"; default: the latest analysis's configuration)\n"
               "  --fit AREA_MU[:WIDTH_M]  sites of reserve_sites that take a project of at least AREA_MU 亩 and\n"
               "                   WIDTH_M metres of inscribed width, best score first; with --include, --gap,\n"
               "                   --min-mu or --config the sites are assembled again first\n"
               "  --near X,Y       with --fit: nearest to this point first (database coordinates, metres)\n"
               "  --format F, -o FILE, --bom, --wide   as for 'parkgis report'\n";
    return kExitOk;
  }
  if (!args.positional().empty())
    throw UsageError("unexpected argument '" + args.positional()[0] + "'; try 'parkgis sites --help'");

  reserve::SitesOptions options;
  if (auto kinds = args.get("--include")) options.kinds = reserve::parse_kinds(*kinds);
  options.gap_m = non_negative(args, "--gap", "a distance in metres");
  options.min_mu = non_negative(args, "--min-mu", "an area in 亩");
  options.config_path = args.get("--config").value_or("");
  const std::optional<indicators::FitQuery> fit =
      args.get("--fit") ? std::optional(parse_fit(*args.get("--fit"))) : std::nullopt;
  if (args.has("--near") && !fit) throw UsageError("--near goes with --fit; try 'parkgis sites --help'");
  if (args.has("--near") && args.has("--zone"))
    throw UsageError("--near and --zone do not go together: search near a point or in a zone");
  const std::optional<std::pair<double, double>> near =
      args.get("--near") ? std::optional(parse_point(*args.get("--near"))) : std::nullopt;
  const report::Format format = report_format(args);

  auto store = db_option(args).open();
  const bool assemble = !fit || args.has("--include") || args.has("--gap") || args.has("--min-mu") || args.has("--config");
  if (assemble) {
    if (!fit) {
      options.park_id = args.get("--park").value_or("");
      options.zone_id = args.get("--zone").value_or("");
    }
    const reserve::SitesSummary s = reserve::build_reserve_sites(*store, options);
    ctx.err << "parkgis sites: " << s.sites << " sites (" << mu_text(s.area_m2) << " 亩) from " << s.pieces
            << " pieces of " << reserve::kind_names(options.kinds) << ", gap " << options.gap_m << " m";
    if (s.dropped_small) ctx.err << "; " << s.dropped_small << " smaller than " << options.min_mu << " 亩 left out";
    ctx.err << "; written to reserve_sites (analysis as of " << s.as_of << ")\n";
  }

  report::Request req;
  req.level = report::Level::site;
  req.compact = format == report::Format::table && !args.has("--wide");
  report::Report rep;
  if (fit) {
    reserve::FitRequest fr;
    fr.query = *fit;
    fr.near = near;
    fr.zone_id = args.get("--zone").value_or("");
    std::vector<report::SiteHit> hits;
    for (const reserve::FitAnswer& a : reserve::search_sites(*store, fr)) hits.push_back({a.site_id, a.distance_m});
    req.zone_id = fr.zone_id;
    rep = report::build_site_report(*store, req, &hits);
    std::ostringstream q;
    q << "选址条件：面积不小于 " << fit->area_mu << " 亩";
    if (fit->width_m > 0) q << "，可容纳宽度不小于 " << fit->width_m << " m";
    if (near) q << "，按距 (" << std::fixed << std::setprecision(0) << near->first << ", " << near->second << ") 由近及远";
    if (!fr.zone_id.empty()) q << "，片区 " << fr.zone_id;
    q << "；符合 " << hits.size() << " 处";
    rep.notes.insert(rep.notes.begin(), q.str());
  } else {
    rep = report::build_site_report(*store, req);
  }
  return write_report(args, rep, format, ctx);
}

}  // namespace parkgis::cli
