#pragma once
// A printed map sheet: paper (A4 or A3), orientation, scale (1:N, or fit the park or zone to the
// frame) and resolution. The sheet is laid out in 1/96 inch units whatever the resolution (the fonts'
// pixel sizes are 1/96 inch), and the painter is scaled by dpi/96; QPageSize gives the paper.

#include <QPageLayout>
#include <QSizeF>
#include <optional>
#include <string>

namespace parkgis::render {

enum class Paper { a4, a3 };

struct PrintLayout {
  Paper paper = Paper::a4;
  bool landscape = false;
  std::optional<double> scale;  // N of 1:N; none: the park, zone or selection fits the frame
  int dpi = 150;                // PNG pixels per inch (PDF: vector, rasters at this resolution)
};

inline constexpr double kMinScale = 200, kMaxScale = 500000;  // 1:200 … 1:500,000
inline constexpr int kMinDpi = 72, kMaxDpi = 600;

// "A4"/"a3" → Paper; nullopt otherwise.
std::optional<Paper> parse_paper(const std::string& text);
// "1:5000", "1:5,000", "5000" → 5000; nullopt when not a number in [kMinScale, kMaxScale].
std::optional<double> parse_scale(const std::string& text);

QPageLayout page_layout(const PrintLayout& l);  // no margins (the sheet keeps its own)
QSizeF paper_mm(const PrintLayout& l);           // width × height as oriented, in mm
// The sheet in 1/96 inch (what draw_map_document lays out) and in pixels at l.dpi (PNG).
QSizeF page_units(const PrintLayout& l);
QSize page_pixels(const PrintLayout& l);
// Map units (m) per 1/96 inch at 1:N: N × 0.0254 m / 96.
inline double units_per_px_at_scale(double n) { return n * 0.0254 / 96.0; }
// "1:5,000".
std::string scale_text(double n);

}  // namespace parkgis::render
