#pragma once
// The options of 'parkgis render' beyond the theme and the view: parcel labels (--labels,
// --label-size). Bad values are usage errors (exit 2) that name the option and the values allowed.

#include "app/cli/args.h"
#include "libgis/render/label_options.h"

namespace parkgis::cli {

// Declares --labels and --label-size on `args` (before parse()).
void declare_label_options(Args& args);
// --labels FIELD (parcel_id, holder, tax_per_mu, grade, none) and --label-size PT (5–24).
render::LabelOptions label_options(const Args& args);

}  // namespace parkgis::cli
