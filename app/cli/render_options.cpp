#include "app/cli/render_options.h"

#include <cmath>
#include <cstdlib>
#include <memory>

#include "libgis/core/errors.h"

namespace parkgis::cli {

namespace {

// A decimal number in [min, max], else a usage error naming the option.
double number_option(const std::string& name, const std::string& text, double min, double max, const std::string& unit) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v) || v < min || v > max) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", min, max);
    throw UsageError(name + " expects a number of " + unit + " from " + range + ", got \"" + text + "\"");
  }
  return v;
}

}  // namespace

void declare_label_options(Args& args) { args.value("--labels").value("--label-size"); }

render::LabelOptions label_options(const Args& args) {
  render::LabelOptions o;
  if (auto f = args.get("--labels")) {
    const auto field = render::parse_parcel_label(*f);
    if (!field) throw UsageError("--labels expects one of " + render::parcel_label_keys() + ", got \"" + *f + "\"");
    o.parcel = *field;
  }
  if (auto s = args.get("--label-size"))
    o.size_pt = number_option("--label-size", *s, render::kMinLabelPt, render::kMaxLabelPt, "points");
  return o;
}

void declare_print_options(Args& args) {
  args.value("--basemap").value("--basemap-opacity").value("--attribution").value("--reference");
  args.value("--paper").flag("--landscape").value("--scale").value("--dpi").value("--subtitle").value("--parcel")
      .value("--atlas").value("--format");
}

void apply_print_options(const Args& args, render::MapExportRequest& req) {
  // Several basemaps are drawn in the order given (the first at the bottom); one --basemap-opacity goes
  // for all of them, or one per --basemap in the same order.
  const std::vector<std::string> basemaps = args.get_all("--basemap"), opacities = args.get_all("--basemap-opacity");
  if (basemaps.empty() && !opacities.empty()) throw UsageError("--basemap-opacity needs --basemap FILE");
  if (opacities.size() > 1 && opacities.size() != basemaps.size())
    throw UsageError("give one --basemap-opacity for all basemaps or one per --basemap (" + std::to_string(basemaps.size()) +
                     " basemaps, " + std::to_string(opacities.size()) + " opacities)");
  for (std::size_t i = 0; i < basemaps.size(); ++i) {
    render::Basemap basemap{basemaps[i]};
    if (!opacities.empty())
      basemap.opacity = number_option("--basemap-opacity", opacities[opacities.size() == 1 ? 0 : i], 0, 1, "(opacity)");
    render::check_basemap(basemap.source);  // DataError (exit 1) with GDAL's reason
    req.basemaps.push_back(basemap);
  }
  for (const std::string& source : args.get_all("--reference")) {
    render::check_reference(source);  // DataError (exit 1): cannot open, no geometries, no CRS
    req.references.push_back({source});
  }
  if (auto a = args.get("--attribution")) req.attribution = QString::fromStdString(*a);
  if (auto s = args.get("--subtitle")) req.subtitle = QString::fromStdString(*s);
  if (auto ids = args.get("--parcel")) {
    render::IdSet set;
    std::size_t start = 0;
    while (start <= ids->size()) {
      const std::size_t comma = std::min(ids->find(',', start), ids->size());
      const std::string id = ids->substr(start, comma - start);
      if (!id.empty()) set.insert(id);
      start = comma + 1;
    }
    if (set.empty()) throw UsageError("--parcel expects parcel ids separated by commas, got \"" + *ids + "\"");
    req.selection = std::make_shared<const render::IdSet>(std::move(set));
    req.fit_selection = true;
  }
  const bool printed = args.has("--paper") || args.has("--landscape") || args.has("--scale") || args.has("--dpi") ||
                       args.has("--atlas");
  if (args.has("--format") && !args.has("--atlas")) throw UsageError("--format is for an atlas written to a folder (--atlas zone -o DIR/)");
  if (!printed) return;
  if (args.has("--size")) throw UsageError("give --size (a sheet in pixels) or --paper/--scale/--dpi (a printed sheet), not both");
  render::PrintLayout layout;
  if (auto p = args.get("--paper")) {
    const auto paper = render::parse_paper(*p);
    if (!paper) throw UsageError("--paper expects A4 or A3, got \"" + *p + "\"");
    layout.paper = *paper;
  }
  layout.landscape = args.has("--landscape");
  if (auto s = args.get("--scale")) {
    const auto n = render::parse_scale(*s);
    if (!n)
      throw UsageError("--scale expects 1:N with N from 200 to 500000 (e.g. 1:2000, 1:10000), or leave it out to fit "
                       "the park or zone to the sheet; got \"" + *s + "\"");
    layout.scale = *n;
  }
  if (auto d = args.get("--dpi"))
    layout.dpi = static_cast<int>(number_option("--dpi", *d, render::kMinDpi, render::kMaxDpi, "dots per inch"));
  req.print = layout;
  if (auto a = args.get("--atlas")) {
    if (*a != "zone") throw UsageError("--atlas expects zone (one sheet per zone of --park), got \"" + *a + "\"");
    if (!args.has("--park")) throw UsageError("--atlas zone needs --park ID: the park whose zones get a sheet each");
    req.atlas = true;
    req.atlas_format = args.get("--format").value_or("pdf");
  }
}

}  // namespace parkgis::cli
