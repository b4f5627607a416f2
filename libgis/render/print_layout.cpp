#include "libgis/render/print_layout.h"

#include <QPageSize>
#include <QRectF>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace parkgis::render {

std::optional<Paper> parse_paper(const std::string& text) {
  std::string t;
  for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "a4") return Paper::a4;
  if (t == "a3") return Paper::a3;
  return std::nullopt;
}

std::optional<double> parse_scale(const std::string& text) {
  std::string t = text;
  if (t.rfind("1:", 0) == 0) t = t.substr(2);
  std::string digits;
  for (char c : t)
    if (c != ',' && c != ' ') digits += c;
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  const double n = std::strtod(digits.c_str(), &end);
  if (*end != '\0' || !std::isfinite(n) || n < kMinScale || n > kMaxScale) return std::nullopt;
  return n;
}

QPageLayout page_layout(const PrintLayout& l) {
  return QPageLayout(QPageSize(l.paper == Paper::a3 ? QPageSize::A3 : QPageSize::A4),
                     l.landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
}

QSizeF paper_mm(const PrintLayout& l) { return page_layout(l).fullRect(QPageLayout::Millimeter).size(); }

QSizeF page_units(const PrintLayout& l) {
  const QSizeF mm = paper_mm(l);
  return {mm.width() / 25.4 * 96, mm.height() / 25.4 * 96};
}

QSize page_pixels(const PrintLayout& l) {
  const QSizeF mm = paper_mm(l);
  return {static_cast<int>(std::lround(mm.width() / 25.4 * l.dpi)), static_cast<int>(std::lround(mm.height() / 25.4 * l.dpi))};
}

std::string scale_text(double n) {
  const std::string digits = std::to_string(static_cast<long long>(std::llround(n)));
  std::string out = "1:";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace parkgis::render
