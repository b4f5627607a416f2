#pragma once
// Vector reference layers under the parcels (roads, rivers, county boundaries): any OGR source (a
// shapefile, GeoPackage, GeoJSON, …), every layer of it with geometries, reprojected by GDAL/PROJ
// (OGRCoordinateTransformation) into the store's CRS once when loaded, and drawn in grey: polygons as
// their outlines, lines as lines, points as small dots.

#include <QPainter>
#include <QString>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "libgis/render/layer_loader.h"
#include "libgis/render/shape.h"

namespace parkgis::render {

struct ReferenceLayer {
  std::string source;  // anything GDALOpenEx opens as vector data
  bool visible = true;
  friend bool operator==(const ReferenceLayer&, const ReferenceLayer&) = default;
};

// A reference layer in the working CRS: lines and rings one after another in `pts` (part_end[i] is one
// past the last vertex of part i, part_box[i] its envelope), and the points.
struct ReferenceShapes {
  std::vector<Point> pts;
  std::vector<std::uint32_t> part_end;
  std::vector<Extent> part_box;
  std::vector<Point> points;
  Extent box = Extent::null();
};
using ReferenceShapesPtr = std::shared_ptr<const ReferenceShapes>;

// Throws DataError (one line: what, where, what to do) when `source` cannot be opened as vector data,
// has no layer with geometries, or a layer has no coordinate system. Reads no features.
void check_reference(const std::string& source);
// Every feature of every layer with geometries, transformed into EPSG:srid. Throws as check_reference,
// and DataError when a layer cannot be transformed into EPSG:srid.
ReferenceShapesPtr load_reference(const std::string& source, int srid);

// Grey lines and dots, simplified to about a pixel; only the parts in the view.
void draw_reference(QPainter& p, const MapTransform& t, const ReferenceShapes& shapes, const CancelFn& cancel = {});
QColor reference_line_color();

// "roads.shp" (the file's name) for layer lists.
QString reference_name(const std::string& source);

}  // namespace parkgis::render
