#include "libgis/geom/geos.h"

#include <algorithm>

#include <vector>

namespace parkgis::geom {

Context::Context() {
  m_handle = GEOS_init_r();
  GEOSContext_setErrorMessageHandler_r(m_handle, &Context::on_error, this);
}

Context::~Context() { GEOS_finish_r(m_handle); }

void Context::on_error(const char* message, void* self) {
  static_cast<Context*>(self)->m_error = message ? message : "unknown GEOS error";
}

GeomPtr from_wkb(Context& ctx, std::string_view wkb) {
  GEOSWKBReader* r = GEOSWKBReader_create_r(ctx.handle());
  GEOSGeometry* g = GEOSWKBReader_read_r(ctx.handle(), r, reinterpret_cast<const unsigned char*>(wkb.data()),
                                         wkb.size());
  GEOSWKBReader_destroy_r(ctx.handle(), r);
  return own(ctx, g);
}

std::string to_wkb(Context& ctx, const GEOSGeometry* g) {
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(ctx.handle());
  GEOSWKBWriter_setByteOrder_r(ctx.handle(), w, GEOS_WKB_NDR);
  std::size_t size = 0;
  unsigned char* buf = GEOSWKBWriter_write_r(ctx.handle(), w, g, &size);
  std::string out(reinterpret_cast<const char*>(buf), size);
  GEOSFree_r(ctx.handle(), buf);
  GEOSWKBWriter_destroy_r(ctx.handle(), w);
  return out;
}

GeomPtr from_wkt(Context& ctx, const std::string& wkt) {
  GEOSWKTReader* r = GEOSWKTReader_create_r(ctx.handle());
  GEOSGeometry* g = GEOSWKTReader_read_r(ctx.handle(), r, wkt.c_str());
  GEOSWKTReader_destroy_r(ctx.handle(), r);
  return own(ctx, g);
}

std::string to_wkt(Context& ctx, const GEOSGeometry* g, int decimals) {
  GEOSWKTWriter* w = GEOSWKTWriter_create_r(ctx.handle());
  GEOSWKTWriter_setRoundingPrecision_r(ctx.handle(), w, decimals);
  GEOSWKTWriter_setTrim_r(ctx.handle(), w, 1);
  char* s = GEOSWKTWriter_write_r(ctx.handle(), w, g);
  std::string out = s ? s : "";
  GEOSFree_r(ctx.handle(), s);
  GEOSWKTWriter_destroy_r(ctx.handle(), w);
  return out;
}

bool envelope(Context& ctx, const GEOSGeometry* g, double* min_x, double* min_y, double* max_x, double* max_y) {
  if (!g || GEOSisEmpty_r(ctx.handle(), g) != 0) return false;
  const GEOSContextHandle_t h = ctx.handle();
  return GEOSGeom_getXMin_r(h, g, min_x) == 1 && GEOSGeom_getYMin_r(h, g, min_y) == 1 &&
         GEOSGeom_getXMax_r(h, g, max_x) == 1 && GEOSGeom_getYMax_r(h, g, max_y) == 1;
}

std::vector<std::size_t> IndexTree::query(const GEOSGeometry* target) const {
  std::vector<std::size_t> hits;
  if (!target) return hits;
  GEOSSTRtree_query_r(
      m_h, m_tree, target,
      [](void* item, void* data) { static_cast<std::vector<std::size_t>*>(data)->push_back(reinterpret_cast<std::size_t>(item)); },
      &hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

double area(Context& ctx, const GEOSGeometry* g) {
  double a = 0;
  if (!g || GEOSArea_r(ctx.handle(), g, &a) != 1) return 0;
  return a;
}

double symmetric_difference_area(Context& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
  if (!a || !b) return area(ctx, a ? a : b);
  const GeomPtr d = own(ctx, GEOSSymDifference_r(ctx.handle(), a, b));
  return area(ctx, d.get());
}

std::string invalid_reason(Context& ctx, const GEOSGeometry* g) {
  if (GEOSisValid_r(ctx.handle(), g) == 1) return "";
  char* reason = GEOSisValidReason_r(ctx.handle(), g);
  std::string out = reason ? reason : "invalid geometry";
  GEOSFree_r(ctx.handle(), reason);
  return out;
}

GeomPtr to_multipolygon(Context& ctx, const GEOSGeometry* g) {
  if (!g) return own(ctx, nullptr);
  std::vector<GEOSGeometry*> polys;
  const auto collect = [&](const auto& self, const GEOSGeometry* x) -> void {
    const int type = GEOSGeomTypeId_r(ctx.handle(), x);
    if (type == GEOS_POLYGON) {
      if (!GEOSisEmpty_r(ctx.handle(), x)) polys.push_back(GEOSGeom_clone_r(ctx.handle(), x));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      const int n = GEOSGetNumGeometries_r(ctx.handle(), x);
      for (int i = 0; i < n; ++i) self(self, GEOSGetGeometryN_r(ctx.handle(), x, i));
    }
  };
  collect(collect, g);
  if (polys.empty()) return own(ctx, nullptr);
  return own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, polys.data(),
                                              static_cast<unsigned>(polys.size())));
}

GeomPtr make_valid_polygonal(Context& ctx, const GEOSGeometry* g) {
  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx.handle());
  GEOSMakeValidParams_setMethod_r(ctx.handle(), params, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), params, 0);
  GeomPtr fixed = own(ctx, GEOSMakeValidWithParams_r(ctx.handle(), g, params));
  GEOSMakeValidParams_destroy_r(ctx.handle(), params);
  if (!fixed) return fixed;
  return to_multipolygon(ctx, fixed.get());
}

}  // namespace parkgis::geom
