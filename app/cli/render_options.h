#pragma once
// The options of 'parkgis render' beyond the theme and the view: parcel labels (--labels,
// --label-size) and the printed sheet (--paper, --landscape, --scale, --dpi, --subtitle, --parcel,
// --atlas, --format). Bad values are usage errors (exit 2) that name the option and the values allowed.

#include "app/cli/args.h"
#include "libgis/render/label_options.h"
#include "libgis/render/map_export.h"

namespace parkgis::cli {

// Declares --labels and --label-size on `args` (before parse()).
void declare_label_options(Args& args);
// --labels FIELD (parcel_id, holder, tax_per_mu, grade, none) and --label-size PT (5–24).
render::LabelOptions label_options(const Args& args);

// Declares the print options on `args` (before parse()).
void declare_print_options(Args& args);
// Sets req.print (when --paper, --landscape, --scale, --dpi or --atlas is given), req.subtitle,
// req.selection (--parcel ID[,ID…], shown whole when no zone or park is given), req.atlas.
void apply_print_options(const Args& args, render::MapExportRequest& req);

}  // namespace parkgis::cli
