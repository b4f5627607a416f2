#include "app/viewer/measure_tool.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

#include "libgis/core/units.h"

namespace parkgis::viewer {

namespace {

struct MeasureTexts {
  Q_DECLARE_TR_FUNCTIONS(MeasureTexts)
};

}  // namespace

render::Shape ring_shape(const std::vector<render::Point>& points) {
  render::Shape s;
  s.pts = points;
  if (!points.empty()) s.pts.push_back(points.front());
  s.ring_end.push_back(static_cast<std::uint32_t>(s.pts.size()));
  s.outer.push_back(true);
  for (const render::Point& p : points) s.box.include(render::Extent{p.x, p.y, p.x, p.y});
  return s;
}

Measurement measure(const std::vector<render::Point>& points, bool area) {
  Measurement m;
  for (std::size_t i = 1; i < points.size(); ++i)
    m.length_m += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  if (!area || points.size() < 3) return m;
  m.length_m += std::hypot(points.front().x - points.back().x, points.front().y - points.back().y);
  m.area_m2 = std::fabs(render::area(ring_shape(points)));
  return m;
}

QString measurement_text(const Measurement& m, bool area) {
  const QLocale l;
  if (!area) return MeasureTexts::tr("Length %1 m").arg(l.toString(m.length_m, 'f', 1));
  return MeasureTexts::tr("Area %1 m² (%2 mu), perimeter %3 m")
      .arg(l.toString(m.area_m2, 'f', 1), l.toString(units::m2_to_mu(m.area_m2), 'f', 2), l.toString(m.length_m, 'f', 1));
}

}  // namespace parkgis::viewer
