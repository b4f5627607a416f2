// Excel workbooks through libxlsxwriter: layout, number formats and widths. Values are written as the
// report holds them (numbers as numbers); only the number format decides how many digits Excel shows.

#include "libgis/report/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <variant>

#include "libgis/core/errors.h"
#include "libgis/core/temp_folder.h"
#include "libgis/report/detail.h"

namespace parkgis::report {
namespace {

constexpr std::size_t kMaxSheetName = 31;   // Excel's limit, in UTF-16 code units
constexpr double kMaxWidth = 60;            // characters; longer text (reasons, notes) overflows or is cut
constexpr std::size_t kHeaderWrapAt = 20;   // a longer header wraps instead of widening its column
constexpr double kRowHeight = 15;           // points, Excel's default row

// The column that names each row's section ("园区" for sections of parks, "片区" for zones, "分组"
// otherwise), or "" when the report has no named sections.
std::string group_header(const Report& r) {
  bool named = false, keyed = false, parks = true, zones = true;
  for (const Section& s : r.sections) {
    if (s.title.empty()) continue;
    named = true;
    if (s.key.empty()) continue;  // "无用地企业", "不在任何片区": rows of no park or zone
    keyed = true;
    if (s.key.rfind("park:", 0) != 0) parks = false;
    if (s.key.rfind("zone:", 0) != 0) zones = false;
  }
  if (!named) return "";
  return !keyed ? "分组" : parks ? "园区" : zones ? "片区" : "分组";
}

// Formats are owned by the workbook; one per distinct look.
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : m_wb(wb) {}
  lxw_format* cell(const std::string& num, bool bold) {
    lxw_format*& f = m_cells[{num, bold}];
    if (!f) {
      f = workbook_add_format(m_wb);
      if (num != "General") format_set_num_format(f, num.c_str());
      if (bold) format_set_bold(f);
    }
    return f;
  }
  lxw_format* header() {
    if (!m_header) {
      m_header = workbook_add_format(m_wb);
      format_set_bold(m_header);
      format_set_text_wrap(m_header);
      format_set_align(m_header, LXW_ALIGN_CENTER);
      format_set_align(m_header, LXW_ALIGN_VERTICAL_CENTER);
      format_set_bg_color(m_header, 0xDDEBF7);
      format_set_border(m_header, LXW_BORDER_THIN);
    }
    return m_header;
  }
  lxw_format* title() {
    if (!m_title) {
      m_title = workbook_add_format(m_wb);
      format_set_bold(m_title);
      format_set_font_size(m_title, 14);
    }
    return m_title;
  }

 private:
  lxw_workbook* m_wb;
  std::map<std::pair<std::string, bool>, lxw_format*> m_cells;
  lxw_format* m_header = nullptr;
  lxw_format* m_title = nullptr;
};

// One sheet column: the report column it shows (none for the group column), its format, its width.
struct SheetColumn {
  const Column* column = nullptr;
  std::string label;
  std::string num_format;
  std::size_t value_width = 0;  // widest shown value
};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(std::string("cannot write the Excel workbook (") + what + "): " + lxw_strerror(e));
}

void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const store::Value& v, lxw_format* fmt) {
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (!s->empty()) check(worksheet_write_string(ws, row, col, s->c_str(), fmt), "text");
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    check(worksheet_write_number(ws, row, col, static_cast<double>(*i), fmt), "number");
  } else if (const auto* d = std::get_if<double>(&v); d && std::isfinite(*d)) {
    check(worksheet_write_number(ws, row, col, *d, fmt), "number");
  } else if (fmt) {
    worksheet_write_blank(ws, row, col, fmt);
  }
}

void write_sheet(lxw_worksheet* ws, Formats& formats, const Report& r) {
  std::vector<SheetColumn> cols;
  const std::string group = group_header(r);
  if (!group.empty()) cols.push_back({nullptr, group, "@", 0});
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    const Column& c = r.columns[i];
    cols.push_back({&c, column_label(c), number_format(c, detail::is_numeric_column(r, i)), 0});
  }
  const std::size_t first = group.empty() ? 0 : 1;  // sheet column of report column 0

  lxw_row_t row = 0;
  check(worksheet_write_string(ws, row++, 0, r.title.c_str(), formats.title()), "title");
  if (!r.notes.empty()) check(worksheet_write_string(ws, row++, 0, r.notes.front().c_str(), nullptr), "note");
  const lxw_row_t header_row = row++;
  for (std::size_t c = 0; c < cols.size(); ++c)
    check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), cols[c].label.c_str(), formats.header()), "header");

  const auto write_row = [&](const std::string& group_title, const std::vector<store::Value>& values, bool bold) {
    if (!group.empty()) {
      check(worksheet_write_string(ws, row, 0, group_title.c_str(), formats.cell("@", bold)), "text");
      cols[0].value_width = std::max(cols[0].value_width, display_width(group_title));
    }
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
      SheetColumn& sc = cols[first + i];
      const store::Value& v = detail::cell(values, i);
      put(ws, row, static_cast<lxw_col_t>(first + i), v, formats.cell(sc.num_format, bold));
      if (!store::is_null(v)) sc.value_width = std::max(sc.value_width, display_width(format_value(*sc.column, v)));
    }
    ++row;
  };
  for (const Section& s : r.sections) {
    for (const auto& values : s.rows) write_row(s.title, values, false);
    if (!s.total.empty()) write_row(s.title, s.total, true);
  }

  if (r.notes.size() > 1) {
    ++row;
    for (std::size_t i = 1; i < r.notes.size(); ++i) check(worksheet_write_string(ws, row++, 0, r.notes[i].c_str(), nullptr), "note");
  }

  // Widths in characters (a CJK character counts 2): the widest value, or the header when it is short;
  // a longer header wraps, and its row is made tall enough for the most lines.
  int header_lines = 1;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::size_t header = display_width(cols[c].label);
    const double width = std::min(kMaxWidth, static_cast<double>(std::max(cols[c].value_width, std::min(header, kHeaderWrapAt))) + 2);
    header_lines = std::max(header_lines, static_cast<int>(std::ceil(static_cast<double>(header) / (width - 1))));
    check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), "width");
  }
  check(worksheet_set_row(ws, header_row, kRowHeight * header_lines, nullptr), "height");
  worksheet_freeze_panes(ws, header_row + 1, 0);
}

std::size_t utf16_length(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const detail::Utf8Step step = detail::decode_utf8(s, pos);
    n += step.valid && step.cp > 0xFFFF ? 2 : 1;
    pos += step.length;
  }
  return n;
}

// The first characters of s that fit in `units` UTF-16 code units.
std::string cut(const std::string& s, std::size_t units) {
  std::size_t n = 0, pos = 0;
  while (pos < s.size()) {
    const detail::Utf8Step step = detail::decode_utf8(s, pos);
    const std::size_t w = step.valid && step.cp > 0xFFFF ? 2 : 1;
    if (n + w > units) break;
    n += w;
    pos += step.length;
  }
  return s.substr(0, pos);
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::string number_format(const Column& column, bool numeric) {
  if (!numeric) return "@";
  if (column.decimals < 0 && !column.percent) return "General";  // integers, or all the digits
  std::string f = "0";
  if (column.decimals > 0) f += "." + std::string(static_cast<std::size_t>(column.decimals), '0');
  return column.percent ? f + "%" : f;
}

std::string sheet_name(const std::string& wanted, const std::vector<std::string>& taken) {
  std::string name;
  for (char c : wanted) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet";
  name = cut(name, kMaxSheetName);
  const auto is_taken = [&](const std::string& n) {
    return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return lower_ascii(t) == lower_ascii(n); });
  };
  if (!is_taken(name)) return name;
  for (int i = 2;; ++i) {
    const std::string suffix = " (" + std::to_string(i) + ")";
    const std::string candidate = cut(name, kMaxSheetName - utf16_length(suffix)) + suffix;
    if (!is_taken(candidate)) return candidate;
  }
}

std::string sheet_name_of(const Report& report) {
  const std::string dash = " — ";
  const auto at = report.title.rfind(dash);
  return sheet_name(at == std::string::npos ? report.title : report.title.substr(at + dash.size()), {});
}

void write_workbook(std::ostream& os, const std::vector<Sheet>& sheets) {
  // libxlsxwriter writes to a path: a private temporary file, copied to the stream, then removed.
  const TempFolder tmp(std::filesystem::temp_directory_path(), "xlsx");
  const std::string path = (tmp.path() / "report.xlsx").string();
  {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw DataError("cannot create the Excel workbook in " + tmp.path().string());
    std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> guard(wb, [](lxw_workbook* w) { workbook_close(w); });
    std::string title = sheets.empty() ? std::string() : sheets.front().report.title;
    std::string author = "parkgis " PARKGIS_VERSION;
    lxw_doc_properties props{};
    props.title = title.data();
    props.author = author.data();
    workbook_set_properties(wb, &props);
    Formats formats(wb);
    std::vector<std::string> names;
    for (const Sheet& s : sheets) {
      names.push_back(sheet_name(s.name, names));
      lxw_worksheet* ws = workbook_add_worksheet(wb, names.back().c_str());
      if (!ws) throw DataError("cannot add the sheet '" + names.back() + "' to the Excel workbook");
      write_sheet(ws, formats, s.report);
    }
    if (sheets.empty()) workbook_add_worksheet(wb, nullptr);
    const lxw_error e = workbook_close(guard.release());
    check(e, "closing it");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read back the Excel workbook " + path);
  os << in.rdbuf();
}

}  // namespace parkgis::report
