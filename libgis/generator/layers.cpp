// The five shapefile layers of a generated dataset.
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "libgis/core/errors.h"

#include "libgis/generator/names.h"
#include "libgis/generator/shapefile.h"
#include "libgis/generator/writer.h"

namespace parkgis::generator {

namespace {

double c(double v) { return std::round(v * 100) / 100; }  // coordinates to the centimetre

// Outer rings clockwise, holes counter-clockwise (the shapefile convention).
OGRLinearRing* ring(const std::initializer_list<std::pair<double, double>>& pts) {
  auto* r = new OGRLinearRing;
  r->setNumPoints(static_cast<int>(pts.size()) + 1, FALSE);
  int i = 0;
  for (const auto& [x, y] : pts) r->setPoint(i++, c(x), c(y));
  r->setPoint(i, c(pts.begin()->first), c(pts.begin()->second));
  return r;
}

OGRLinearRing* outer(const Rect& r) { return ring({{r.x0, r.y0}, {r.x0, r.y1}, {r.x1, r.y1}, {r.x1, r.y0}}); }
OGRLinearRing* inner(const Rect& r) { return ring({{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}}); }

OGRPolygon* polygon(const Rect& r) {
  auto* p = new OGRPolygon;
  p->addRingDirectly(outer(r));
  return p;
}

// The union of the park's parts (GEOS through OGR), outer rings clockwise and holes counter-clockwise.
OGRGeometry* park_geometry(const ParkPlan& park) {
  std::unique_ptr<OGRGeometry> all(polygon(park.parts.front()));
  for (std::size_t i = 1; i < park.parts.size(); ++i) {
    std::unique_ptr<OGRGeometry> part(polygon(park.parts[i]));
    std::unique_ptr<OGRGeometry> joined(all->Union(part.get()));
    if (!joined) throw DataError("generator: cannot join the outline of park " + park.id);
    all = std::move(joined);
  }
  const auto orient = [](OGRPolygon* p) {
    for (int r = 0; r <= p->getNumInteriorRings(); ++r) {
      OGRLinearRing* ring = r == 0 ? p->getExteriorRing() : p->getInteriorRing(r - 1);
      if ((r == 0) != (ring->isClockwise() != 0)) ring->reverseWindingOrder();
    }
  };
  const OGRwkbGeometryType t = wkbFlatten(all->getGeometryType());
  if (t == wkbPolygon) orient(all->toPolygon());
  else if (t == wkbMultiPolygon)
    for (auto* p : *all->toMultiPolygon()) orient(p);
  return all.release();
}

OGRGeometry* parcel_geometry(const ParcelPlan& p) {
  const Rect& r = p.rect;
  switch (p.shape) {
    case ParcelShape::plain:
      return polygon(r);
    case ParcelShape::hole: {
      auto* g = new OGRPolygon;
      g->addRingDirectly(outer(r));
      g->addRingDirectly(inner(p.inner));
      return g;
    }
    case ParcelShape::multipart:
    case ParcelShape::multipart_hole: {
      const bool along_x = p.inner.y0 == r.y0 && p.inner.y1 == r.y1;
      const Rect a = along_x ? Rect{r.x0, r.y0, p.inner.x0, r.y1} : Rect{r.x0, r.y0, r.x1, p.inner.y0};
      const Rect b = along_x ? Rect{p.inner.x1, r.y0, r.x1, r.y1} : Rect{r.x0, p.inner.y1, r.x1, r.y1};
      auto* g = new OGRMultiPolygon;
      OGRPolygon* first = polygon(a);
      if (p.shape == ParcelShape::multipart_hole) first->addRingDirectly(inner(p.hole));
      g->addGeometryDirectly(first);
      g->addGeometryDirectly(polygon(b));
      return g;
    }
    case ParcelShape::bowtie: {
      // Two corners swapped: the ring crosses itself in the middle of the parcel.
      auto* g = new OGRPolygon;
      g->addRingDirectly(ring({{r.x0, r.y0}, {r.x0, r.y1}, {r.x1, r.y0}, {r.x1, r.y1}}));
      return g;
    }
  }
  return polygon(r);
}


// Calls report_progress about every 1 % of `total`.
class Ticker {
 public:
  Ticker(const ProgressFn& fn, const char* stage, std::size_t total)
      : m_fn(fn), m_stage(stage), m_total(total), m_step(std::max<std::size_t>(1, total / 100)) {
    report_progress(m_fn, m_stage, 0.0);
  }
  void tick(std::size_t done) {
    if (done % m_step == 0) report_progress(m_fn, m_stage, static_cast<double>(done) / static_cast<double>(m_total));
  }
  void done() { report_progress(m_fn, m_stage, 1.0); }

 private:
  const ProgressFn& m_fn;
  const char* m_stage;
  std::size_t m_total, m_step;
};

void write_parks(const Plan& plan, const std::filesystem::path& dir, const Date& dbf_date) {
  ShapefileWriter w(dir / "parks.shp", {{"park_id", 'S', 16}, {"name", 'S', 80}, {"county", 'S', 40}}, dbf_date);
  for (const ParkPlan& p : plan.parks) {
    w.set(0, p.id);
    w.set(1, p.name);
    w.set(2, p.county);
    w.write(park_geometry(p));
  }
  w.close();
}

void write_zones(const Plan& plan, const std::filesystem::path& dir, const Date& dbf_date) {
  ShapefileWriter w(dir / "zones.shp", {{"zone_id", 'S', 20}, {"park_id", 'S', 16}, {"name", 'S', 100}}, dbf_date);
  for (const ZonePlan& z : plan.zones) {
    w.set(0, z.id);
    w.set(1, plan.parks[z.park].id);
    w.set(2, z.name);
    w.write(polygon(z.rect));
  }
  w.close();
}

void write_parcels(const Plan& plan, const std::filesystem::path& dir, const Date& dbf_date,
                   const ProgressFn& progress) {
  // Canonical names cut to 10 characters, as the DBF format requires.
  ShapefileWriter w(dir / "parcels.shp",
                    {{"parcel_id", 'S', 24},      // parcel_id
                     {"zone_id", 'S', 20},        // zone_id
                     {"land_use", 'S', 8},        // land_use (GB/T 21010)
                     {"user_id", 'S', 20},        // user_id (enterprise_id)
                     {"supply_dat", 'D'},         // supply_date
                     {"agreed_sta", 'D'},         // agreed_start
                     {"actual_sta", 'D'},         // actual_start
                     {"registered", 'R', 14, 2},  // registered_area (m²)
                     {"land_price", 'R', 14, 2},  // land_price_wan
                     {"invested_w", 'R', 14, 2},  // invested_wan
                     {"total_inve", 'R', 14, 2},  // total_investment_wan
                     {"stop_date", 'D'},          // stop_date
                     {"developed_", 'R', 14, 2},  // developed_m2
                     {"required_m", 'R', 14, 2},  // required_m2
                     {"extension_", 'D'},         // extension_date
                     {"gov_cause", 'S', 4},       // gov_cause ("" or "是")
                     {"YQPZRQ", 'D'},             // extension_approved (延期批准日期; its cut name would clash)
                     {"resume_dat", 'D'},         // resume_date
                     {"agreed_com", 'D'},         // agreed_completion
                     {"green_m2", 'R', 14, 2},    // green_m2
                     {"decision_n", 'S', 48},     // decision_no
                     {"disposal", 'S', 20},       // disposal
                     {"disposal_d", 'D'}},        // disposal_date
                    dbf_date);
  Ticker ticker(progress, "writing parcels", plan.parcels.size());
  for (std::size_t i = 0; i < plan.parcels.size(); ++i) {
    const ParcelPlan& p = plan.parcels[i];
    w.set(0, p.id);
    w.set(1, plan.zones[p.zone].id);
    w.set(2, p.land_use);
    if (p.enterprise != kNone) w.set(3, plan.enterprises[p.enterprise].id);
    w.set(4, p.supply);
    w.set(5, p.agreed);
    w.set(6, p.actual);
    w.set(7, p.registered_area);
    w.set(8, p.land_price);
    w.set(9, p.invested);
    w.set(10, p.total_investment);
    w.set(11, p.stop);
    w.set(12, p.developed);
    w.set(13, p.required);
    w.set(14, p.extension);
    if (p.gov_cause) w.set(15, std::string("是"));
    w.set(16, p.extension_approved);
    w.set(17, p.resume);
    w.set(18, p.completion);
    w.set(19, p.green);
    if (!p.decision_no.empty()) w.set(20, p.decision_no);
    if (!p.disposal.empty()) w.set(21, p.disposal);
    w.set(22, p.disposal_date);
    w.write(parcel_geometry(p));
    ticker.tick(i + 1);
  }
  w.close();
  ticker.done();
}

void write_buildings(const Plan& plan, const std::filesystem::path& dir, const Date& dbf_date,
                     const ProgressFn& progress) {
  ShapefileWriter w(dir / "buildings.shp",
                    {{"building_i", 'S', 16},     // building_id
                     {"floors", 'I', 4},          // floors
                     {"floor_area", 'R', 14, 2},  // floor_area (m²)
                     {"vacant_are", 'R', 14, 2},  // vacant_area (m²)
                     {"use", 'S', 12},            // use
                     {"vacant_sin", 'D'},         // vacant_since
                     {"vacancy_ty", 'S', 8}},     // vacancy_type (空置 / 闲置)
                    dbf_date);
  Ticker ticker(progress, "writing buildings", plan.buildings.size());
  for (std::size_t i = 0; i < plan.buildings.size(); ++i) {
    const BuildingPlan& b = plan.buildings[i];
    w.set(0, building_id(i, plan.buildings.size()));
    w.set(1, b.floors);
    w.set(2, b.floor_area);
    w.set(3, std::optional<double>(b.vacant_area));
    w.set(4, std::string(b.use));
    w.set(5, b.vacant_since);
    if (*b.vacancy_type) w.set(6, std::string(b.vacancy_type));
    w.write(polygon(b.rect));
    ticker.tick(i + 1);
  }
  w.close();
  ticker.done();
}

void write_approvals(const Plan& plan, const std::filesystem::path& dir, const Date& dbf_date) {
  ShapefileWriter w(dir / "approvals.shp",
                    {{"approval_i", 'S', 48},  // approval_id
                     {"zone_id", 'S', 20},
                     {"approved", 'D'}},
                    dbf_date);
  for (const ApprovalPlan& a : plan.approvals) {
    w.set(0, a.id);
    w.set(1, plan.zones[a.zone].id);
    w.set(2, std::optional<Date>(a.approved));
    w.write(polygon(a.rect));
  }
  w.close();
}

}  // namespace

void write_layers(const Plan& plan, const std::filesystem::path& dir, const Date& as_of, const ProgressFn& progress) {
  report_progress(progress, "writing parks and zones", 0.0);
  write_parks(plan, dir, as_of);
  write_zones(plan, dir, as_of);
  report_progress(progress, "writing parks and zones", 1.0);
  write_parcels(plan, dir, as_of, progress);
  write_buildings(plan, dir, as_of, progress);
  report_progress(progress, "writing approvals", 0.0);
  write_approvals(plan, dir, as_of);
  report_progress(progress, "writing approvals", 1.0);
}

}  // namespace parkgis::generator
