#include "libgis/render/legend.h"

#include "libgis/render/reference_layer.h"

#include <QFontMetricsF>

namespace parkgis::render {

namespace {

constexpr double kPad = 10, kSwatchW = 26, kSwatchH = 15, kRowH = 22, kGap = 8;

QString unit_text(const std::string& unit, Lang lang) {
  if (lang == Lang::en && unit == "万元/亩") return QStringLiteral("10k CNY/mu");
  return QString::fromStdString(unit);
}

}  // namespace

QString theme_title(const style::Theme& theme, Lang lang) {
  QString t = QString::fromStdString(lang == Lang::zh ? theme.title_zh : theme.title_en);
  if (!theme.unit.empty())
    t += lang == Lang::zh ? QStringLiteral("（%1）").arg(unit_text(theme.unit, lang))
                          : QStringLiteral(" (%1)").arg(unit_text(theme.unit, lang));
  return t;
}

std::vector<LegendEntry> legend_entries(const style::Theme& theme, Lang lang, bool with_reference) {
  std::vector<LegendEntry> out;
  const auto label = [lang](const style::ThemeClass& c) {
    return QString::fromStdString(lang == Lang::zh ? c.label_zh : c.label_en);
  };
  for (std::size_t k = 0; k < theme.classes.size(); ++k)
    out.push_back({class_style(theme, static_cast<int>(k)), label(theme.classes[k]), LegendEntry::polygon});
  if (theme.kind != style::Kind::single && !(theme.other.label_zh.empty() && theme.other.label_en.empty()))
    out.push_back({class_style(theme, -1), label(theme.other), LegendEntry::polygon});
  if (with_reference) {
    const bool zh = lang == Lang::zh;
    // The changes theme draws every parcel: the unchanged ones in its "other" class (无变化).
    if (theme.layer != "parcel_metrics" && !style::is_changes_theme(theme))
      out.push_back({reference_style(LayerId::parcels), zh ? QStringLiteral("宗地") : QStringLiteral("Parcel"), LegendEntry::polygon});
    out.push_back({reference_style(LayerId::parks), zh ? QStringLiteral("园区") : QStringLiteral("Park"), LegendEntry::polygon});
    out.push_back({reference_style(LayerId::zones), zh ? QStringLiteral("片区界线") : QStringLiteral("Zone boundary"),
                   LegendEntry::outline});
  }
  return out;
}

void draw_swatch(QPainter& p, const QRectF& r, const LegendEntry& e) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  if (e.kind == LegendEntry::outline) {
    p.setPen(QPen(e.style.stroke, std::max(1.5, e.style.stroke_px), e.style.pen));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(1, 1, -1, -1));
  } else {
    p.setPen(e.style.stroke.alpha() ? QPen(e.style.stroke, std::max(1.0, e.style.stroke_px)) : QPen(Qt::NoPen));
    p.setBrush(e.style.fill.alpha() ? QBrush(e.style.fill) : QBrush(Qt::NoBrush));
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
  }
  p.restore();
}

LegendEntry selection_legend_entry(const QString& label) {
  QColor fill = selection_color();
  fill.setAlpha(70);  // as MapRenderer draws the selection
  return {PolygonStyle{fill, selection_color(), 2.4}, label, LegendEntry::polygon};
}

LegendEntry reference_legend_entry(const std::string& source) {
  return {PolygonStyle{Qt::transparent, reference_line_color(), 1.2}, reference_name(source), LegendEntry::outline};
}

QSizeF legend_size(QPainter& p, const style::Theme& theme, Lang lang, bool with_reference,
                   const std::vector<LegendEntry>& extra) {
  const QFontMetricsF title(map_font(14, true), p.device()), body(map_font(12.5), p.device());
  double w = title.horizontalAdvance(theme_title(theme, lang));
  std::vector<LegendEntry> entries = legend_entries(theme, lang, with_reference);
  entries.insert(entries.end(), extra.begin(), extra.end());
  for (const LegendEntry& e : entries) w = std::max(w, kSwatchW + kGap + body.horizontalAdvance(e.label));
  return {w + 2 * kPad, 2 * kPad + title.height() + 6 + kRowH * static_cast<double>(entries.size())};
}

void draw_legend(QPainter& p, QPointF at, const style::Theme& theme, Lang lang, bool with_reference,
                 const std::vector<LegendEntry>& extra) {
  const QSizeF size = legend_size(p, theme, lang, with_reference, extra);
  std::vector<LegendEntry> entries = legend_entries(theme, lang, with_reference);
  entries.insert(entries.end(), extra.begin(), extra.end());
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setRenderHint(QPainter::TextAntialiasing, true);
  p.setPen(QPen(QColor(150, 150, 150), 1));
  p.setBrush(QColor(255, 255, 255, 235));
  p.drawRect(QRectF(at, size));
  const QFont tf = map_font(14, true), bf = map_font(12.5);
  const QFontMetricsF title(tf, p.device()), body(bf, p.device());
  p.setFont(tf);
  p.setPen(QColor(30, 30, 30));
  double y = at.y() + kPad;
  p.drawText(QPointF(at.x() + kPad, y + title.ascent()), theme_title(theme, lang));
  y += title.height() + 6;
  p.setFont(bf);
  for (const LegendEntry& e : entries) {
    draw_swatch(p, QRectF(at.x() + kPad, y + (kRowH - kSwatchH) / 2, kSwatchW, kSwatchH), e);
    p.setPen(QColor(30, 30, 30));
    p.drawText(QPointF(at.x() + kPad + kSwatchW + kGap, y + (kRowH - body.height()) / 2 + body.ascent()), e.label);
    y += kRowH;
  }
  p.restore();
}

}  // namespace parkgis::render
