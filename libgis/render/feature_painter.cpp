#include "libgis/render/feature_painter.h"

#include <QPainterPath>
#include <cmath>

#include "libgis/core/progress.h"

namespace parkgis::render {

namespace {

constexpr double kDotPx = 1.5;       // features narrower and lower than this are drawn as a dot
constexpr double kVertexTolPx = 0.7;  // vertices closer than this (in x + y) to the last kept are skipped

// Ring r of s in screen coordinates, without vertices closer than kVertexTolPx to the last one kept.
void simplify_ring(const MapTransform& t, const Shape& s, std::size_t r, QPolygonF& out) {
  out.resize(0);
  const std::uint32_t b = s.ring_begin(r), e = s.ring_end[r];
  double lx = 0, ly = 0;
  for (std::uint32_t i = b; i < e; ++i) {
    const double x = t.screen_x(s.pts[i].x), y = t.screen_y(s.pts[i].y);
    if (out.isEmpty() || std::fabs(x - lx) + std::fabs(y - ly) >= kVertexTolPx) {
      out.append(QPointF(x, y));
      lx = x, ly = y;
    }
  }
}

QPen pen_for(const PolygonStyle& st) {
  if (st.stroke.alpha() == 0) return Qt::NoPen;
  QPen pen(st.stroke, st.stroke_px, st.pen, Qt::FlatCap, Qt::MiterJoin);
  return pen;
}

}  // namespace

QPainterPath screen_path(const MapTransform& t, const Shape& s) {
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  QPolygonF ring;
  for (std::size_t r = 0; r < s.rings(); ++r) {
    simplify_ring(t, s, r, ring);
    if (ring.size() >= 3) {
      path.addPolygon(ring);
      path.closeSubpath();
    }
  }
  return path;
}

void draw_outline(QPainter& p, const MapTransform& t, const Shape& s, const QPen& pen, const QBrush& brush) {
  const double w = s.box.width() / t.units_per_px(), h = s.box.height() / t.units_per_px();
  p.setPen(pen);
  p.setBrush(brush);
  if (w < 3 && h < 3) {
    // Too small to see an outline: a ring around it.
    p.drawEllipse(QPointF(t.screen_x(s.box.cx()), t.screen_y(s.box.cy())), 4.0, 4.0);
    return;
  }
  p.drawPath(screen_path(t, s));
}

DrawStats draw_features(QPainter& p, const MapTransform& t, const FeatureSet& set,
                        const std::vector<std::uint32_t>& indices, const std::vector<PolygonStyle>& styles,
                        const std::function<int(std::uint32_t)>& style_of, const CancelFn& cancel) {
  DrawStats stats;
  std::vector<std::vector<std::uint32_t>> buckets(styles.size());
  for (std::uint32_t i : indices) {
    const int s = style_of(i);
    if (s >= 0 && s < static_cast<int>(styles.size())) buckets[static_cast<std::size_t>(s)].push_back(i);
  }
  const double upp = t.units_per_px();
  QPolygonF ring;
  std::vector<QPointF> dots;
  std::vector<std::uint32_t> small, big;
  std::size_t done = 0;
  const bool aa = p.testRenderHint(QPainter::Antialiasing);
  for (std::size_t k = 0; k < styles.size(); ++k) {
    if (buckets[k].empty()) continue;
    const PolygonStyle& st = styles[k];
    dots.clear();
    small.clear();
    big.clear();
    for (std::uint32_t i : buckets[k]) {
      const Shape& sh = set.features[i].shape;
      const double w = sh.box.width() / upp, h = sh.box.height() / upp;
      if (w < kDotPx && h < kDotPx) dots.emplace_back(t.screen_x(sh.box.cx()), t.screen_y(sh.box.cy()));
      else if (w < kMinStrokedPx && h < kMinStrokedPx) small.push_back(i);
      else big.push_back(i);
    }
    p.setBrush(st.fill.alpha() ? QBrush(st.fill) : QBrush(Qt::NoBrush));
    const QPen outline = pen_for(st);
    for (int pass = 0; pass < 2; ++pass) {
      const std::vector<std::uint32_t>& list = pass == 0 ? small : big;
      // Small features: fill only (an outline would hide the colour); unfilled ones keep the outline.
      p.setPen(pass == 0 && st.fill.alpha() ? QPen(Qt::NoPen) : outline);
      for (std::uint32_t i : list) {
        if (cancel && (++done & 4095) == 0 && cancel()) throw Cancelled();
        const Shape& sh = set.features[i].shape;
        stats.vertices_in += sh.pts.size();
        if (sh.has_holes()) {
          const QPainterPath path = screen_path(t, sh);
          p.drawPath(path);
          stats.vertices_out += static_cast<std::size_t>(path.elementCount());
          ++stats.polygons;
          continue;
        }
        for (std::size_t r = 0; r < sh.rings(); ++r) {
          simplify_ring(t, sh, r, ring);
          stats.vertices_out += static_cast<std::size_t>(ring.size());
          if (ring.size() >= 3) {
            p.drawPolygon(ring);
            ++stats.polygons;
          } else if (!ring.isEmpty()) {
            dots.push_back(ring.front());
          }
        }
      }
    }
    if (!dots.empty()) {
      const QColor c = st.fill.alpha() ? st.fill : st.stroke;
      p.setRenderHint(QPainter::Antialiasing, false);
      p.setPen(QPen(c.alpha() < 160 ? QColor(c.red(), c.green(), c.blue(), 200) : c, 2.0, Qt::SolidLine, Qt::SquareCap));
      p.drawPoints(dots.data(), static_cast<int>(dots.size()));
      p.setRenderHint(QPainter::Antialiasing, aa);
      stats.dots += dots.size();
    }
  }
  return stats;
}

}  // namespace parkgis::render
