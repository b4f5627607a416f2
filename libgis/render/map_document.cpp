#include "libgis/render/map_document.h"

#include <QFontMetricsF>

#include "libgis/render/decorations.h"
#include "libgis/render/legend.h"
#include "libgis/render/print_layout.h"

namespace parkgis::render {

namespace {

const double kMargin = 18;  // page margin
QFont title_font() { return map_font(24, true); }
QFont sub_font() { return map_font(14); }
QFont foot_font() { return map_font(11.5); }
constexpr double kScaleBarMaxUnits = 220;

}  // namespace

SheetLayout sheet_layout(QPainter& p, const QRectF& page, const MapDocument& doc) {
  const QFontMetricsF tfm(title_font(), p.device()), sfm(sub_font(), p.device()), ffm(foot_font(), p.device());
  double y = page.top() + kMargin + tfm.height() + 2;
  if (!doc.subtitle.isEmpty()) y += sfm.height();
  y += 8;
  const double foot_h = ffm.height() + 10;
  SheetLayout l;
  l.frame = QRectF(page.left() + kMargin, y, page.width() - 2 * kMargin, page.bottom() - kMargin - foot_h - y);
  const int mw = static_cast<int>(l.frame.width()), mh = static_cast<int>(l.frame.height());
  l.map = doc.scale ? MapTransform(doc.extent.cx(), doc.extent.cy(), units_per_px_at_scale(*doc.scale), mw, mh)
                    : MapTransform::fit(doc.extent, mw, mh, 0.06);
  l.scale_bar_m = nice_scale_length(l.map.units_per_px(), std::min(kScaleBarMaxUnits, mw / 3.0));
  l.scale_bar_units = l.scale_bar_m / l.map.units_per_px();
  return l;
}

std::vector<LegendEntry> sheet_legend_extra(const MapDocument& doc) {
  std::vector<LegendEntry> extra;
  if (!doc.selection_label.isEmpty()) extra.push_back(selection_legend_entry(doc.selection_label));
  for (const ReferenceLayer& r : doc.settings.references)
    if (r.visible) extra.push_back(reference_legend_entry(r.source));
  return extra;
}

void draw_map_document(QPainter& p, const QRectF& page, MapRenderer& renderer, const MapDocument& doc,
                       const CancelFn& cancel) {
  p.save();
  p.fillRect(page, Qt::white);
  p.setRenderHint(QPainter::TextAntialiasing, true);
  p.setRenderHint(QPainter::Antialiasing, true);
  const QFont tf = title_font(), sf = sub_font(), ff = foot_font();
  const QFontMetricsF tfm(tf, p.device()), sfm(sf, p.device()), ffm(ff, p.device());
  const SheetLayout layout = sheet_layout(p, page, doc);

  double y = page.top() + kMargin;
  p.setPen(QColor(20, 20, 20));
  p.setFont(tf);
  p.drawText(QPointF(page.left() + kMargin, y + tfm.ascent()), doc.title);
  y += tfm.height() + 2;
  if (!doc.subtitle.isEmpty()) {
    p.setFont(sf);
    p.setPen(QColor(80, 80, 80));
    p.drawText(QPointF(page.left() + kMargin, y + sfm.ascent()), doc.subtitle);
  }
  const QRectF frame = layout.frame;

  // The map, in its own coordinate system (origin at the frame's corner), clipped to the frame.
  const MapTransform& t = layout.map;
  const int mw = t.width(), mh = t.height();
  p.save();
  p.translate(frame.topLeft());
  p.setClipRect(QRectF(0, 0, mw, mh));
  renderer.render(p, t, doc.settings, cancel);
  // Furniture inside the frame.
  draw_north_arrow(p, QPointF(mw - 40, 42), 56, doc.lang);
  draw_scale_bar(p, t, QPointF(16, mh - 14), std::min(kScaleBarMaxUnits, mw / 3.0));
  if (const style::Theme* th = renderer.theme(doc.settings.theme_id)) {
    const std::vector<LegendEntry> extra = sheet_legend_extra(doc);
    const QSizeF ls = legend_size(p, *th, doc.lang, true, extra);
    draw_legend(p, QPointF(mw - ls.width() - 12, mh - ls.height() - 12), *th, doc.lang, true, extra);
  }
  p.restore();
  p.setPen(QPen(QColor(60, 60, 60), 1.2));
  p.setBrush(Qt::NoBrush);
  p.drawRect(frame);

  p.setFont(ff);
  p.setPen(QColor(90, 90, 90));
  p.drawText(QPointF(frame.left(), frame.bottom() + 6 + ffm.ascent()), doc.footer);
  if (!doc.attribution.isEmpty())
    p.drawText(QPointF(frame.right() - ffm.horizontalAdvance(doc.attribution), frame.bottom() + 6 + ffm.ascent()),
               doc.attribution);
  p.restore();
}

}  // namespace parkgis::render
