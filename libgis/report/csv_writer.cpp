// CSV for spreadsheets and scripts: RFC 4180, UTF-8, CRLF line ends (as RFC 4180 and Excel expect).
// Values are raw: numbers in shortest round-trip form, percent columns as the ratio, nulls and NaN/inf
// empty. Totals rows are left out (a reader sums the rows itself); so are the title, notes and images.

#include <ostream>
#include <variant>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report::detail {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_value(const store::Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return round_trip(*d);
  return csv_field(store::value_text(v));
}

}  // namespace

void write_csv(std::ostream& os, const Report& report, const WriteOptions& options) {
  if (options.csv_bom) os << "\xEF\xBB\xBF";
  bool with_section = report.sections.size() > 1;
  for (const Section& s : report.sections)
    if (!s.title.empty()) with_section = true;

  auto write_record = [&os](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) os << (i > 0 ? "," : "") << fields[i];
    os << "\r\n";
  };
  std::vector<std::string> fields;
  if (with_section) fields.push_back("section");
  for (const Column& c : report.columns) fields.push_back(csv_field(c.key));
  write_record(fields);
  for (const Section& s : report.sections) {
    for (const auto& row : s.rows) {
      fields.clear();
      if (with_section) fields.push_back(csv_field(s.title));
      for (std::size_t i = 0; i < report.columns.size(); ++i) fields.push_back(csv_value(cell(row, i)));
      write_record(fields);
    }
  }
}

}  // namespace parkgis::report::detail
