#include "app/cli/render_options.h"

#include <cmath>
#include <cstdlib>

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

}  // namespace parkgis::cli
