#include "libgis/render/decorations.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <cmath>

#include "libgis/render/map_style.h"

namespace parkgis::render {

double nice_scale_length(double units_per_px, double max_px) {
  const double max_len = units_per_px * max_px;
  if (max_len <= 0) return 0;
  const double p10 = std::pow(10.0, std::floor(std::log10(max_len)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * p10 <= max_len) return m * p10;
  return p10;
}

QString length_text(double m) {
  if (m >= 1000) return QString::number(m / 1000, 'g', 6) + QStringLiteral(" km");
  return QString::number(m, 'g', 6) + QStringLiteral(" m");
}

void draw_scale_bar(QPainter& p, const MapTransform& t, QPointF at, double max_px) {
  const double len = nice_scale_length(t.units_per_px(), max_px);
  if (len <= 0) return;
  const double w = len / t.units_per_px();
  const QFont font = map_font(11.5);
  const QFontMetricsF fm(font, p.device());
  const double bar_h = 6, text_h = fm.height();
  const QString end = length_text(len);
  const double plate_w = w + fm.horizontalAdvance(end) / 2 + 16;
  p.save();
  p.setRenderHint(QPainter::Antialiasing, false);
  const QRectF plate(at.x() - 6, at.y() - bar_h - text_h - 10, plate_w, bar_h + text_h + 14);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(255, 255, 255, 215));
  p.drawRect(plate);
  const double y = at.y() - bar_h - 4;
  for (int i = 0; i < 4; ++i) {
    p.setBrush(i % 2 ? QColor(255, 255, 255) : QColor(40, 40, 40));
    p.setPen(QPen(QColor(40, 40, 40), 1));
    p.drawRect(QRectF(at.x() + w * i / 4, y, w / 4, bar_h));
  }
  p.setFont(font);
  p.setPen(QColor(30, 30, 30));
  p.setRenderHint(QPainter::TextAntialiasing, true);
  const double ty = y - 4;
  p.drawText(QPointF(at.x() - fm.horizontalAdvance(QStringLiteral("0")) / 2, ty), QStringLiteral("0"));
  const QString mid = length_text(len / 2);
  p.drawText(QPointF(at.x() + w / 2 - fm.horizontalAdvance(mid) / 2, ty), mid);
  p.drawText(QPointF(at.x() + w - fm.horizontalAdvance(end) / 2, ty), end);
  p.restore();
}

void draw_north_arrow(QPainter& p, QPointF c, double size, Lang lang) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  const double h = size * 0.62, w = size * 0.26;
  const QPointF tip(c.x(), c.y() - h / 2 + size * 0.12), base(c.x(), c.y() + h / 2 - size * 0.08);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(255, 255, 255, 215));
  p.drawEllipse(c, size / 2, size / 2);
  QPainterPath left, right;
  left.moveTo(tip);
  left.lineTo(c.x() - w, base.y());
  left.lineTo(c.x(), base.y() - h * 0.28);
  left.closeSubpath();
  right.moveTo(tip);
  right.lineTo(c.x() + w, base.y());
  right.lineTo(c.x(), base.y() - h * 0.28);
  right.closeSubpath();
  p.setPen(QPen(QColor(30, 30, 30), 1.2));
  p.setBrush(QColor(30, 30, 30));
  p.drawPath(left);
  p.setBrush(Qt::white);
  p.drawPath(right);
  const QFont font = map_font(size * 0.24, true);
  const QFontMetricsF fm(font, p.device());
  const QString n = lang == Lang::zh ? QStringLiteral("北") : QStringLiteral("N");
  p.setFont(font);
  p.setPen(QColor(30, 30, 30));
  p.drawText(QPointF(c.x() - fm.horizontalAdvance(n) / 2, tip.y() - 3), n);
  p.restore();
}

}  // namespace parkgis::render
