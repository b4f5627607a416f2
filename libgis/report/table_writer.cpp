// The terminal table: columns aligned by display width, so that Chinese text lines up in a terminal.

#include <algorithm>
#include <ostream>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report::detail {
namespace {

constexpr const char* kGap = "  ";

// Control characters (tab, newline, escape sequences) would break the layout or the terminal: spaces.
std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const Utf8Step step = decode_utf8(s, pos);
    const bool control = step.valid && (step.cp < 0x20 || (step.cp >= 0x7F && step.cp < 0xA0));
    if (control)
      out += ' ';
    else
      out.append(s, pos, step.length);
    pos += step.length;
  }
  return out;
}

struct Layout {
  std::vector<std::size_t> widths;
  std::vector<bool> right;
  std::size_t total_width = 0;
};

void write_line(std::ostream& os, const Layout& layout, const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += kGap;
    const std::size_t pad = layout.widths[i] - std::min(layout.widths[i], display_width(cells[i]));
    if (layout.right[i]) {
      line.append(pad, ' ');
      line += cells[i];
    } else {
      line += cells[i];
      line.append(pad, ' ');
    }
  }
  os << line << '\n';
}

void write_rule(std::ostream& os, const Layout& layout) { os << std::string(layout.total_width, '-') << '\n'; }

std::vector<std::string> row_cells(const Report& report, const std::vector<store::Value>& row) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < report.columns.size(); ++i)
    cells.push_back(terminal_safe(format_value(report.columns[i], cell(row, i))));
  return cells;
}

}  // namespace

void write_table(std::ostream& os, const Report& report) {
  if (!report.title.empty()) os << terminal_safe(report.title) << '\n';
  for (const std::string& note : report.notes) os << terminal_safe(note) << '\n';

  // One layout for all sections, so that the sections line up with each other.
  const std::size_t n = report.columns.size();
  Layout layout;
  std::vector<std::string> header;
  for (std::size_t i = 0; i < n; ++i) {
    header.push_back(terminal_safe(column_label(report.columns[i])));
    layout.widths.push_back(display_width(header.back()));
    layout.right.push_back(is_numeric_column(report, i));
  }
  std::vector<std::vector<std::vector<std::string>>> bodies;  // per section: rows, then the totals row
  for (const Section& section : report.sections) {
    auto& body = bodies.emplace_back();
    for (const auto& row : section.rows) body.push_back(row_cells(report, row));
    if (!section.total.empty()) body.push_back(row_cells(report, section.total));
    for (const auto& cells : body)
      for (std::size_t i = 0; i < n; ++i) layout.widths[i] = std::max(layout.widths[i], display_width(cells[i]));
  }
  for (std::size_t i = 0; i < n; ++i) layout.total_width += layout.widths[i] + (i > 0 ? 2 : 0);

  for (std::size_t s = 0; s < report.sections.size(); ++s) {
    const Section& section = report.sections[s];
    if (s > 0 || !report.title.empty() || !report.notes.empty()) os << '\n';
    if (!section.title.empty()) os << terminal_safe(section.title) << '\n';
    write_line(os, layout, header);
    write_rule(os, layout);
    const auto& body = bodies[s];
    for (std::size_t r = 0; r < section.rows.size(); ++r) write_line(os, layout, body[r]);
    if (!section.total.empty()) {
      write_rule(os, layout);
      write_line(os, layout, body.back());
    }
  }
}

}  // namespace parkgis::report::detail
