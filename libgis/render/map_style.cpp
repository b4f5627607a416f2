#include "libgis/render/map_style.h"

#include <QFontDatabase>

namespace parkgis::render {

PolygonStyle reference_style(LayerId layer) {
  switch (layer) {
    case LayerId::parks: return {QColor(244, 239, 226), QColor(140, 109, 70), 1.4, Qt::SolidLine};
    case LayerId::zones: return {Qt::transparent, QColor(38, 84, 160), 1.3, Qt::DashLine};
    case LayerId::parcels: return {QColor(255, 255, 255), QColor(120, 120, 120), 0.8, Qt::SolidLine};
    case LayerId::buildings: return {QColor(40, 40, 40, 40), QColor(45, 45, 45, 190), 0.9, Qt::SolidLine};
    case LayerId::unsupplied: return {QColor(247, 104, 161, 110), QColor(122, 1, 119), 0.8, Qt::SolidLine};
    case LayerId::sites: return {QColor(26, 152, 80, 110), QColor(127, 39, 4), 1.2, Qt::SolidLine};
  }
  return {};
}

PolygonStyle class_style(const style::Theme& theme, int class_index) {
  const style::ThemeClass& c =
      class_index < 0 || class_index >= static_cast<int>(theme.classes.size()) ? theme.other
                                                                               : theme.classes[static_cast<std::size_t>(class_index)];
  // stroke_width_mm at 96 dpi; never thinner than a hairline.
  const double px = std::max(0.6, theme.stroke_width_mm * 96.0 / 25.4);
  return {to_qcolor(c.fill), to_qcolor(c.stroke.value_or(theme.stroke)), px, Qt::SolidLine};
}

QColor background_color() { return QColor(250, 250, 247); }
QColor selection_color() { return QColor(0, 170, 255); }
QColor hover_color() { return QColor(255, 140, 0); }

namespace {

const char* kCjkFamily = "Noto Sans CJK SC";

}  // namespace

bool cjk_font_available() {
  static const bool have = QFontDatabase::families().contains(QString::fromLatin1(kCjkFamily));
  return have;
}

QFont map_font(double pixel_size, bool bold) {
  QFont f(QString::fromLatin1(kCjkFamily));
  f.setFamilies({QString::fromLatin1(kCjkFamily), QStringLiteral("Noto Sans SC"), QStringLiteral("Source Han Sans SC"),
                 QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("sans-serif")});
  f.setPixelSize(std::max(1, static_cast<int>(pixel_size + 0.5)));
  f.setBold(bold);
  f.setHintingPreference(QFont::PreferNoHinting);
  return f;
}

}  // namespace parkgis::render
