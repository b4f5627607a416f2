// JSON for programs. Deterministic: keys in a fixed order (row keys in column order), two-space indent,
// one line per column, row and note. Numbers are JSON numbers in shortest round-trip form (NaN/inf are
// null); percent columns keep the ratio. Written by hand rather than with CPLJSONObject to control the
// number form (std::to_chars) and the layout exactly.

#include <ostream>
#include <variant>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report::detail {
namespace {

// A JSON string: UTF-8 passed through, invalid bytes replaced by U+FFFD, control characters escaped,
// and U+2028/U+2029 escaped too so the output can be pasted into JavaScript.
std::string json_string(const std::string& s) {
  static const char* const hex = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t pos = 0; pos < s.size();) {
    const Utf8Step step = decode_utf8(s, pos);
    if (!step.valid) {
      out += "\xEF\xBF\xBD";
    } else if (step.cp == '"') {
      out += "\\\"";
    } else if (step.cp == '\\') {
      out += "\\\\";
    } else if (step.cp == '\n') {
      out += "\\n";
    } else if (step.cp == '\r') {
      out += "\\r";
    } else if (step.cp == '\t') {
      out += "\\t";
    } else if (step.cp < 0x20) {
      out += "\\u00";
      out += hex[step.cp >> 4];
      out += hex[step.cp & 0xF];
    } else if (step.cp == 0x2028) {
      out += "\\u2028";
    } else if (step.cp == 0x2029) {
      out += "\\u2029";
    } else {
      out.append(s, pos, step.length);
    }
    pos += step.length;
  }
  out += '"';
  return out;
}

std::string json_value(const store::Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return json_string(*s);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    std::string text = round_trip(*d);
    return text.empty() ? "null" : text;
  }
  return "null";
}

std::string json_row(const Report& report, const std::vector<store::Value>& row) {
  std::string out = "{";
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += json_string(report.columns[i].key) + ": " + json_value(cell(row, i));
  }
  return out + "}";
}

// Writes `[...]` with one item per line at `indent`, or `[]` when there are none.
void write_array(std::ostream& os, const std::vector<std::string>& items, const std::string& indent) {
  if (items.empty()) {
    os << "[]";
    return;
  }
  os << "[\n";
  for (std::size_t i = 0; i < items.size(); ++i)
    os << indent << "  " << items[i] << (i + 1 < items.size() ? ",\n" : "\n");
  os << indent << ']';
}

}  // namespace

void write_json(std::ostream& os, const Report& report) {
  os << "{\n  \"title\": " << json_string(report.title) << ",\n  \"notes\": ";
  std::vector<std::string> items;
  for (const std::string& note : report.notes) items.push_back(json_string(note));
  write_array(os, items, "  ");

  os << ",\n  \"columns\": ";
  items.clear();
  for (const Column& c : report.columns)
    items.push_back("{\"key\": " + json_string(c.key) + ", \"header\": " + json_string(c.header) +
                    ", \"unit\": " + json_string(c.unit) + ", \"percent\": " + (c.percent ? "true" : "false") +
                    "}");
  write_array(os, items, "  ");

  os << ",\n  \"sections\": [";
  for (std::size_t s = 0; s < report.sections.size(); ++s) {
    const Section& section = report.sections[s];
    os << (s > 0 ? ",\n" : "\n") << "    {\n      \"title\": " << json_string(section.title)
       << ",\n      \"rows\": ";
    items.clear();
    for (const auto& row : section.rows) items.push_back(json_row(report, row));
    write_array(os, items, "      ");
    os << ",\n      \"total\": " << (section.total.empty() ? "null" : json_row(report, section.total))
       << "\n    }";
  }
  os << (report.sections.empty() ? "]" : "\n  ]") << "\n}\n";
}

}  // namespace parkgis::report::detail
