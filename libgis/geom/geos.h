#pragma once
// RAII over the GEOS C API (reentrant "_r" functions). One Context per thread; geometries are owned by
// GeomPtr, which knows its context. Errors from GEOS are collected per context, never printed.

#include <geos_c.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parkgis::geom {

class Context {
 public:
  Context();
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  GEOSContextHandle_t handle() const { return m_handle; }
  const std::string& last_error() const { return m_error; }
  void clear_error() { m_error.clear(); }

 private:
  static void on_error(const char* message, void* self);
  GEOSContextHandle_t m_handle = nullptr;
  std::string m_error;
};

struct GeomDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(handle, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

inline GeomPtr own(const Context& ctx, GEOSGeometry* g) { return GeomPtr(g, GeomDeleter{ctx.handle()}); }

// ISO WKB in and out. from_wkb returns null (and sets ctx.last_error) on bad input.
GeomPtr from_wkb(Context& ctx, std::string_view wkb);
std::string to_wkb(Context& ctx, const GEOSGeometry* g);
GeomPtr from_wkt(Context& ctx, const std::string& wkt);
std::string to_wkt(Context& ctx, const GEOSGeometry* g, int decimals = 3);

// The exact min/max of g's coordinates; false for a null or empty geometry.
bool envelope(Context& ctx, const GEOSGeometry* g, double* min_x, double* min_y, double* max_x, double* max_y);

// Planar area in the units of the CRS squared (m² in the working CRS).
double area(Context& ctx, const GEOSGeometry* g);

// Area of the symmetric difference of a and b (what lies in one but not the other), in CRS units
// squared; a null geometry counts as empty. How far a feature's shape moved between two versions.
double symmetric_difference_area(Context& ctx, const GEOSGeometry* a, const GEOSGeometry* b);

// Empty string when valid, else GEOS's reason ("Self-intersection[5 5]").
std::string invalid_reason(Context& ctx, const GEOSGeometry* g);

// Repairs an invalid polygonal geometry with GEOS MakeValid (method "structure", which keeps the area
// that buffer(0) loses on bow-ties) and keeps only its polygonal part. Returns null when nothing
// polygonal remains.
GeomPtr make_valid_polygonal(Context& ctx, const GEOSGeometry* g);

// A GEOS STRtree of geometries known by their index in the caller's list. The geometries must outlive
// the tree. query() gives the indices whose envelope meets the target's, in ascending order.
class IndexTree {
 public:
  explicit IndexTree(Context& ctx) : m_h(ctx.handle()), m_tree(GEOSSTRtree_create_r(m_h, 10)) {}
  ~IndexTree() { GEOSSTRtree_destroy_r(m_h, m_tree); }
  IndexTree(const IndexTree&) = delete;
  IndexTree& operator=(const IndexTree&) = delete;
  void insert(const GEOSGeometry* g, std::size_t index) {
    if (g) GEOSSTRtree_insert_r(m_h, m_tree, g, reinterpret_cast<void*>(index));
  }
  std::vector<std::size_t> query(const GEOSGeometry* target) const;

 private:
  GEOSContextHandle_t m_h;
  GEOSSTRtree* m_tree;
};

// The polygons of g (Polygon, MultiPolygon or a collection) as one MultiPolygon; null when none.
GeomPtr to_multipolygon(Context& ctx, const GEOSGeometry* g);

}  // namespace parkgis::geom
