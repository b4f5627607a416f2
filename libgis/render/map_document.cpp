#include "libgis/render/map_document.h"

#include <QFontMetricsF>

#include "libgis/render/decorations.h"
#include "libgis/render/legend.h"

namespace parkgis::render {

void draw_map_document(QPainter& p, const QRectF& page, MapRenderer& renderer, const MapDocument& doc,
                       const CancelFn& cancel) {
  p.save();
  p.fillRect(page, Qt::white);
  p.setRenderHint(QPainter::TextAntialiasing, true);
  p.setRenderHint(QPainter::Antialiasing, true);
  const double m = 18;  // page margin
  const QFont title_font = map_font(24, true), sub_font = map_font(14), foot_font = map_font(11.5);
  const QFontMetricsF tfm(title_font, p.device()), sfm(sub_font, p.device()), ffm(foot_font, p.device());

  double y = page.top() + m;
  p.setPen(QColor(20, 20, 20));
  p.setFont(title_font);
  p.drawText(QPointF(page.left() + m, y + tfm.ascent()), doc.title);
  y += tfm.height() + 2;
  if (!doc.subtitle.isEmpty()) {
    p.setFont(sub_font);
    p.setPen(QColor(80, 80, 80));
    p.drawText(QPointF(page.left() + m, y + sfm.ascent()), doc.subtitle);
    y += sfm.height();
  }
  y += 8;
  const double foot_h = ffm.height() + 10;
  const QRectF frame(page.left() + m, y, page.width() - 2 * m, page.bottom() - m - foot_h - y);

  // The map, in its own coordinate system (origin at the frame's corner), clipped to the frame.
  const int mw = static_cast<int>(frame.width()), mh = static_cast<int>(frame.height());
  const MapTransform t = MapTransform::fit(doc.extent, mw, mh, 0.06);
  p.save();
  p.translate(frame.topLeft());
  p.setClipRect(QRectF(0, 0, mw, mh));
  renderer.render(p, t, doc.settings, cancel);
  // Furniture inside the frame.
  draw_north_arrow(p, QPointF(mw - 40, 42), 56, doc.lang);
  draw_scale_bar(p, t, QPointF(16, mh - 14), std::min(220.0, mw / 3.0));
  if (const style::Theme* th = renderer.theme(doc.settings.theme_id)) {
    const QSizeF ls = legend_size(p, *th, doc.lang, true);
    draw_legend(p, QPointF(mw - ls.width() - 12, mh - ls.height() - 12), *th, doc.lang, true);
  }
  p.restore();
  p.setPen(QPen(QColor(60, 60, 60), 1.2));
  p.setBrush(Qt::NoBrush);
  p.drawRect(frame);

  p.setFont(foot_font);
  p.setPen(QColor(90, 90, 90));
  p.drawText(QPointF(frame.left(), frame.bottom() + 6 + ffm.ascent()), doc.footer);
  p.restore();
}

}  // namespace parkgis::render
