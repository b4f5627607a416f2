#pragma once
// Printed map sheets from a database (MapExportRequest with print set): one sheet on A4 or A3 at 1:N
// or fitted, to PDF (QPdfWriter with the paper's QPageLayout) or PNG (the paper at the request's dpi),
// and the atlas: one sheet per zone of a park, as pages of one PDF or as files named by zone id.

#include <string>
#include <vector>

#include "libgis/render/map_export.h"

namespace parkgis::render {

// Throws UsageError (extension, atlas without a park, a PNG file for an atlas), DataError (unknown park
// or zone, a park without zones, files not writable) or Cancelled.
void export_print(const MapExportRequest& req, const CancelFn& cancel = {});

// The zones of a park, by zone id (the atlas's sheets).
std::vector<std::string> zones_of_park(store::Store& store, const std::string& park_id);

// The files an atlas into `folder` writes: folder/<zone id>.<format> (a '/' in an id becomes '_').
std::string atlas_file(const std::string& folder, const std::string& zone_id, const std::string& format);

}  // namespace parkgis::render
