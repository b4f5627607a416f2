// HTML: one self-contained page (inline style, images as data: URIs, no external resources) that reads
// well on screen and prints on A4. Numbers right-aligned with tabular figures; totals in <tfoot>.

#include <ostream>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report::detail {

const char* const kHtmlStyle = R"css(body {
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", sans-serif;
  color: #1f2328; line-height: 1.5; max-width: 80em; margin: 2em auto; padding: 0 1em;
}
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #d0d7de; }
.notes { color: #57606a; margin: 0 0 1em; padding-left: 1.2em; }
nav h2 { font-size: 1.1em; border: 0; margin-top: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .95em; }
th, td { border: 1px solid #d0d7de; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f6f8fa; }
tfoot td { font-weight: bold; background: #eef1f4; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: .9em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, figure { break-inside: avoid; }
  th, tbody tr:nth-child(even), tfoot td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string base64(std::string_view bytes) {
  static const char* const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
    out += alphabet[n >> 18 & 63];
    out += alphabet[n >> 12 & 63];
    out += alphabet[n >> 6 & 63];
    out += alphabet[n & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += alphabet[n >> 18 & 63];
    out += alphabet[n >> 12 & 63];
    out += rest == 2 ? alphabet[n >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

namespace {

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_figure(std::ostream& os, const Image& image) {
  if (!image.svg.empty())
    os << "<figure>" << image.svg;
  else
    os << "<figure><img src=\"data:image/png;base64," << base64(image.png) << "\" alt=\"" << esc(image.caption)
       << "\">";
  if (!image.caption.empty()) os << "<figcaption>" << esc(image.caption) << "</figcaption>";
  os << "</figure>\n";
}

void write_row(std::ostream& os, const Report& report, const std::vector<bool>& numeric,
               const std::vector<store::Value>& row) {
  os << "<tr>";
  for (std::size_t i = 0; i < report.columns.size(); ++i)
    os << (numeric[i] ? "<td class=\"num\">" : "<td>") << esc(format_value(report.columns[i], cell(row, i)))
       << "</td>";
  os << "</tr>\n";
}

// The section an image belongs to; sections.size() for the top of the report (no or unknown section).
std::size_t image_section(const Report& report, const Image& image) {
  if (image.section.empty()) return report.sections.size();
  for (std::size_t s = 0; s < report.sections.size(); ++s)
    if (report.sections[s].title == image.section) return s;
  return report.sections.size();
}

}  // namespace

void write_html(std::ostream& os, const Report& report) {
  os << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
     << "<title>" << esc(report.title) << "</title>\n<style>\n" << kHtmlStyle << "</style>\n</head>\n<body>\n";
  if (!report.title.empty()) os << "<h1>" << esc(report.title) << "</h1>\n";
  if (!report.notes.empty()) {
    os << "<ul class=\"notes\">\n";
    for (const std::string& note : report.notes) os << "<li>" << esc(note) << "</li>\n";
    os << "</ul>\n";
  }
  for (const Image& image : report.images)
    if (image_section(report, image) == report.sections.size()) write_figure(os, image);

  std::size_t titled = 0;
  for (const Section& s : report.sections) titled += s.title.empty() ? 0 : 1;
  if (titled >= 2) {
    os << "<nav>\n<h2>目录</h2>\n<ol>\n";
    for (std::size_t s = 0; s < report.sections.size(); ++s)
      if (!report.sections[s].title.empty())
        os << "<li><a href=\"#section-" << s + 1 << "\">" << esc(report.sections[s].title) << "</a></li>\n";
    os << "</ol>\n</nav>\n";
  }

  std::vector<bool> numeric;
  for (std::size_t i = 0; i < report.columns.size(); ++i) numeric.push_back(is_numeric_column(report, i));
  for (std::size_t s = 0; s < report.sections.size(); ++s) {
    const Section& section = report.sections[s];
    os << "<section id=\"section-" << s + 1 << "\">\n";
    if (!section.title.empty()) os << "<h2>" << esc(section.title) << "</h2>\n";
    for (const Image& image : report.images)
      if (image_section(report, image) == s) write_figure(os, image);
    if (!report.columns.empty()) {
      os << "<table>\n<thead>\n<tr>";
      for (std::size_t i = 0; i < report.columns.size(); ++i)
        os << (numeric[i] ? "<th class=\"num\">" : "<th>") << esc(column_label(report.columns[i])) << "</th>";
      os << "</tr>\n</thead>\n<tbody>\n";
      for (const auto& row : section.rows) write_row(os, report, numeric, row);
      os << "</tbody>\n";
      if (!section.total.empty()) {
        os << "<tfoot>\n";
        write_row(os, report, numeric, section.total);
        os << "</tfoot>\n";
      }
      os << "</table>\n";
    }
    os << "</section>\n";
  }
  os << "</body>\n</html>\n";
}

}  // namespace parkgis::report::detail
