#include "libgis/render/reference_layer.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>
#include <cmath>
#include <filesystem>
#include <mutex>

#include "libgis/core/errors.h"
#include "libgis/core/progress.h"

namespace parkgis::render {

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

Dataset open_vector(const std::string& source) {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
  CPLErrorReset();
  Dataset ds(static_cast<GDALDataset*>(GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    for (char& c : why)
      if (c == '\n' || c == '\r') c = ' ';
    std::error_code ec;
    if (why.empty() && !std::filesystem::exists(source, ec)) why = "no such file";
    throw DataError("cannot open reference layer " + source + " as vector data" + (why.empty() ? "" : " (" + why + ")") +
                    "; give a shapefile, GeoPackage, GeoJSON or other file OGR reads");
  }
  return ds;
}

// The layers with geometries; throws when there is none or one has no coordinate system.
std::vector<OGRLayer*> geometry_layers(GDALDataset& ds, const std::string& source) {
  std::vector<OGRLayer*> out;
  for (OGRLayer* layer : ds.GetLayers()) {
    if (layer->GetGeomType() == wkbNone) continue;
    if (!layer->GetSpatialRef())
      throw DataError("reference layer " + source + " (layer " + layer->GetName() +
                      ") has no coordinate system; add its .prj (shapefile) or give a file that names its CRS");
    out.push_back(layer);
  }
  if (out.empty()) throw DataError("reference layer " + source + " has no layer with geometries");
  return out;
}

void add_curve(const OGRSimpleCurve& c, ReferenceShapes& out) {
  const int n = c.getNumPoints();
  if (n < 2) return;
  Extent box = Extent::null();
  for (int i = 0; i < n; ++i) {
    out.pts.push_back({c.getX(i), c.getY(i)});
    box.include(c.getX(i), c.getY(i));
  }
  out.part_end.push_back(static_cast<std::uint32_t>(out.pts.size()));
  out.part_box.push_back(box);
  out.box.include(box);
}

void add_geometry(const OGRGeometry& g, ReferenceShapes& out) {
  if (g.IsEmpty()) return;
  if (g.hasCurveGeometry()) {  // arcs: their linear approximation
    const std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
    if (linear && !linear->hasCurveGeometry()) add_geometry(*linear, out);
    return;
  }
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
      const OGRPoint* pt = g.toPoint();
      out.points.push_back({pt->getX(), pt->getY()});
      out.box.include(pt->getX(), pt->getY());
      break;
    }
    case wkbLineString:
    case wkbLinearRing: add_curve(*g.toSimpleCurve(), out); break;
    case wkbPolygon:
      for (const OGRLinearRing* ring : *g.toPolygon()) add_curve(*ring, out);
      break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *g.toGeometryCollection()) add_geometry(*part, out);
      break;
    default: break;  // TINs, polyhedral surfaces: not reference data
  }
}

}  // namespace

void check_reference(const std::string& source) {
  const Dataset ds = open_vector(source);
  geometry_layers(*ds, source);
}

ReferenceShapesPtr load_reference(const std::string& source, int srid) {
  const Dataset ds = open_vector(source);
  auto out = std::make_shared<ReferenceShapes>();
  OGRSpatialReference to;
  to.importFromEPSG(srid);
  to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  for (OGRLayer* layer : geometry_layers(*ds, source)) {
    OGRSpatialReference from(*layer->GetSpatialRef());
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
    if (!ct)
      throw DataError("cannot transform reference layer " + source + " (layer " + layer->GetName() + ") into EPSG:" +
                      std::to_string(srid) + "; check its coordinate system");
    layer->ResetReading();
    for (const auto& feature : *layer) {
      OGRGeometry* g = feature->GetGeometryRef();
      if (!g || g->transform(ct.get()) != OGRERR_NONE) continue;  // a feature outside the CRS's area: not drawn
      add_geometry(*g, *out);
    }
  }
  return out;
}

QColor reference_line_color() { return QColor(96, 96, 96); }

void draw_reference(QPainter& p, const MapTransform& t, const ReferenceShapes& s, const CancelFn& cancel) {
  const Extent view = t.extent();
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(reference_line_color(), 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  const double min_step = 0.7 * t.units_per_px();  // vertices closer than 0.7 px to the last one kept: skipped
  QPolygonF line;
  for (std::size_t part = 0; part < s.part_end.size(); ++part) {
    if ((part & 1023) == 0 && cancel && cancel()) throw Cancelled();
    if (!s.part_box[part].intersects(view)) continue;
    const std::uint32_t begin = part == 0 ? 0 : s.part_end[part - 1], end = s.part_end[part];
    line.clear();
    Point last = s.pts[begin];
    line << QPointF(t.screen_x(last.x), t.screen_y(last.y));
    for (std::uint32_t i = begin + 1; i < end; ++i) {
      const Point& q = s.pts[i];
      if (i + 1 < end && std::abs(q.x - last.x) < min_step && std::abs(q.y - last.y) < min_step) continue;
      line << QPointF(t.screen_x(q.x), t.screen_y(q.y));
      last = q;
    }
    p.drawPolyline(line);
  }
  p.setPen(Qt::NoPen);
  p.setBrush(reference_line_color());
  for (const Point& pt : s.points)
    if (view.contains(pt.x, pt.y)) p.drawEllipse(QPointF(t.screen_x(pt.x), t.screen_y(pt.y)), 2.2, 2.2);
}

QString reference_name(const std::string& source) {
  const QString name = QFileInfo(QString::fromStdString(source)).fileName();
  return name.isEmpty() ? QString::fromStdString(source) : name;
}

}  // namespace parkgis::render
