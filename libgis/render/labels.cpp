#include "libgis/render/labels.h"

#include "libgis/core/progress.h"
#include "libgis/render/map_style.h"

namespace parkgis::render {

bool LabelPlacer::free(const QRectF& r) const {
  if (!m_canvas.contains(r)) return false;
  for (const QRectF& o : m_placed)
    if (o.intersects(r)) return false;
  return true;
}

bool LabelPlacer::place(QPainter& p, const QString& text, std::initializer_list<QPointF> candidates, const Style& st,
                        const QRectF* fit) {
  if (text.isEmpty()) return false;
  const double w = st.metrics.horizontalAdvance(text), h = st.metrics.height(), m = st.spacing;
  for (const QPointF& at : candidates) {
    const QRectF box(at.x() - w / 2, at.y() - h / 2, w, h);
    if (fit && !fit->contains(box)) continue;
    const QRectF room = box.adjusted(-m, -m / 2, m, m / 2);
    if (!free(room)) continue;
    m_placed.push_back(room);
    const QPointF base(box.left(), box.top() + st.metrics.ascent());
    p.setFont(st.font);
    p.setPen(QColor(255, 255, 255, 235));
    static const QPointF around[8] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
    for (int i = 0; i < st.halo; ++i) p.drawText(base + around[i], text);
    p.setPen(st.color);
    p.drawText(base, text);
    return true;
  }
  return false;
}

namespace {

QRectF screen_box(const MapTransform& t, const Extent& e) {
  return QRectF(QPointF(t.screen_x(e.minx), t.screen_y(e.maxy)), QPointF(t.screen_x(e.maxx), t.screen_y(e.miny)));
}

LabelPlacer::Style style(QPainter& p, const QFont& font, const QColor& color, double spacing, int halo) {
  return {font, QFontMetricsF(font, p.device()), color, spacing, halo};
}

}  // namespace

void draw_labels(QPainter& p, const MapTransform& t, const LabelSources& src, const CancelFn& cancel,
                 std::vector<QRectF>* placed) {
  const Extent view = t.extent();
  const QRectF canvas(0, 0, t.width(), t.height());
  LabelPlacer placer(canvas);
  const LabelPlacer::Style park = style(p, map_font(15, true), QColor(92, 58, 20), 2, 8);
  LabelPlacer::Style small_park = style(p, map_font(15, true), QColor(92, 58, 20), 4, 8);
  const LabelPlacer::Style zone = style(p, map_font(12.5), QColor(28, 64, 130), 2, 8);
  // A full halo on parcel ids too: they sit on the theme's darkest classes.
  const LabelPlacer::Style pid = style(p, map_font(src.options.size_px()), QColor(30, 30, 30), 2, 8);
  const double upp = t.units_per_px();

  if (src.parks) {
    // Larger parks first: they are the ones a reader looks for.
    const std::vector<std::uint32_t> idx = src.parks->in_extent(view);
    std::vector<std::pair<double, std::uint32_t>> by_area;
    by_area.reserve(idx.size());
    for (std::uint32_t i : idx) by_area.emplace_back(-area(src.parks->features[i].shape), i);
    std::sort(by_area.begin(), by_area.end());
    // Many parks on screen (province scale): more room around each name, so they do not crowd.
    if (idx.size() > 50) small_park.spacing = 14;
    for (const auto& [neg_area, i] : by_area) {
      const Feature& f = src.parks->features[i];
      const QRectF box = screen_box(t, f.shape.box);
      const QString name = QString::fromStdString(f.label());
      if (box.width() < 60 && box.height() < 60) {
        // A small park: its name above it, else below, right or left of it, with room around (at
        // province scale there are far more parks than names that fit).
        const double half = park.metrics.horizontalAdvance(name) / 2 + 10;
        const QPointF above(box.center().x(), std::min(box.top(), box.center().y() - 6) - 12);
        const QPointF below(box.center().x(), std::max(box.bottom(), box.center().y() + 6) + 12);
        const QPointF right(std::max(box.right(), box.center().x() + 6) + half, box.center().y());
        const QPointF left(std::min(box.left(), box.center().x() - 6) - half, box.center().y());
        placer.place(p, name, {above, below, right, left}, small_park);
      } else {
        // Above the park's top edge when that is on screen, else at its label point: never pinned to the
        // view's edge, where it would sit over parcels far from the park's outline.
        const QRectF vis = box.intersected(canvas);
        const Point lp = label_point(f.shape);
        placer.place(p, name, {QPointF(vis.center().x(), box.top() - 13), QPointF(t.screen_x(lp.x), t.screen_y(lp.y))},
                     park);
      }
    }
  }
  if (src.zones) {
    for (std::uint32_t i : src.zones->in_extent(view)) {
      const Feature& f = src.zones->features[i];
      const QRectF box = screen_box(t, f.shape.box);
      if (box.width() < 90 || box.height() < 24) continue;  // too small on screen for its name
      const QRectF vis = box.intersected(canvas);
      const Point lp = label_point(f.shape);
      const QPointF at(t.screen_x(lp.x), t.screen_y(lp.y));
      // Just above the zone's top edge (in the park, usually clear of parcels), else at its label point,
      // below or above it; not at the view's edge.
      placer.place(p, QString::fromStdString(f.label()),
                   {QPointF(vis.center().x(), box.top() - 11), at, at + QPointF(0, 26), at + QPointF(0, -26)}, zone);
    }
  }
  if (src.parcels && src.options.parcel != ParcelLabel::none && upp <= kParcelIdsMaxUnitsPerPx) {
    // Labels lie inside their parcel (and so never on the map's edge unless the parcel is).
    const double min_h = pid.metrics.height();
    std::size_t n = 0;
    for (std::uint32_t i : src.parcels->in_extent(view)) {
      if (cancel && (++n & 1023) == 0 && cancel()) throw Cancelled();
      const Feature& f = src.parcels->features[i];
      const QRectF box = screen_box(t, f.shape.box);
      if (box.width() < min_h || box.height() < min_h) continue;
      const QString text = src.parcel_texts ? format_parcel_label(src.options.parcel, (*src.parcel_texts)[i])
                                            : QString::fromStdString(f.label());
      const Point lp = label_point(f.shape);
      placer.place(p, text, {QPointF(t.screen_x(lp.x), t.screen_y(lp.y))}, pid, &box);
    }
  }
  if (placed) *placed = placer.placed();
}

}  // namespace parkgis::render
