// Markdown (GitHub flavour): "# title", notes as a list, "## section" headings and pipe tables with
// numeric columns right-aligned. Totals rows are bold. Images are left out.

#include <ostream>
#include <string_view>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report::detail {
namespace {

// Inline text: on one line (a line break would end a heading, list item or table row), with the
// characters that Markdown would read as formatting, HTML or a cell boundary backslash-escaped, so that
// "*ST 某某" or "<B区>" show as written.
std::string md_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c == '\r' || c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void write_row(std::ostream& os, const std::vector<std::string>& cells) {
  os << '|';
  for (const std::string& c : cells) os << ' ' << c << " |";
  os << '\n';
}

std::vector<std::string> row_cells(const Report& report, const std::vector<store::Value>& row, bool bold) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    std::string text = md_text(format_value(report.columns[i], cell(row, i)));
    cells.push_back(bold && !text.empty() ? "**" + text + "**" : text);
  }
  return cells;
}

}  // namespace

void write_markdown(std::ostream& os, const Report& report) {
  bool blank_before = false;  // a blank line separates blocks
  auto block = [&] {
    if (blank_before) os << '\n';
    blank_before = true;
  };
  if (!report.title.empty()) {
    block();
    os << "# " << md_text(report.title) << '\n';
  }
  if (!report.notes.empty()) {
    block();
    for (const std::string& note : report.notes) os << "- " << md_text(note) << '\n';
  }
  std::vector<std::string> header, align;
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    header.push_back(md_text(column_label(report.columns[i])));
    align.push_back(is_numeric_column(report, i) ? "---:" : "---");
  }
  for (const Section& section : report.sections) {
    if (!section.title.empty()) {
      block();
      os << "## " << md_text(section.title) << '\n';
    }
    if (report.columns.empty()) continue;
    block();
    write_row(os, header);
    write_row(os, align);
    for (const auto& row : section.rows) write_row(os, row_cells(report, row, false));
    if (!section.total.empty()) write_row(os, row_cells(report, section.total, true));
  }
}

}  // namespace parkgis::report::detail
