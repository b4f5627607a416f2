#pragma once
// A report is a titled table split into sections (one per park, say), with typed columns. Writers turn
// it into text for people (terminal table, Markdown, HTML) or machines (CSV, JSON). Writers never
// compute indicators: they format what the result tables hold.

#include <iosfwd>
#include <string>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::report {

struct Column {
  std::string key;     // machine name, e.g. "tax_per_mu" (CSV header, JSON key)
  std::string header;  // for people, e.g. "亩均税收"
  std::string unit;    // e.g. "万元/亩", "%", "" (shown after the header in table/md/html)
  int decimals = -1;   // digits after the point for real values; -1: text or integer
  bool percent = false;  // value is a ratio shown ×100 with "%" in table/md/html (CSV/JSON keep the ratio)
};

struct Section {
  std::string title;  // "" for a report with one unnamed section
  std::vector<std::vector<store::Value>> rows;  // one value per column
  std::vector<store::Value> total;              // optional totals row (empty: none)
  std::string key = "";  // what the section is about: "park:ID", "zone:ID" or "" (not printed)
};

struct Image {
  std::string section;  // section title it belongs to ("" = top of the report)
  std::string caption;
  std::string png;      // PNG bytes; HTML embeds them as a data: URI, other formats ignore them
  std::string svg = "";  // or an SVG element (a chart, svg_chart.h); HTML writes it inline
};

struct Report {
  std::string title;     // e.g. "宁德小微园（示例）— 园区汇总"
  std::vector<std::string> notes;  // lines under the title: dataset, as-of date, parkgis version, ...
  std::vector<Column> columns;
  std::vector<Section> sections;
  std::vector<Image> images;
};

enum class Format { table, csv, json, markdown, html, xlsx };

// Parses "table", "csv", "json", "md", "html", "xlsx"; throws UsageError listing the valid ones otherwise.
Format parse_format(const std::string& name);

// The name parse_format accepts for a format ("table", "csv", "json", "md", "html", "xlsx").
const char* format_name(Format format);

// True for formats that are not text (xlsx): they go to a file, not to a terminal.
bool is_binary(Format format);

struct WriteOptions {
  bool csv_bom = false;  // UTF-8 BOM so that Excel opens the CSV as UTF-8
};

// Writes the report (xlsx: a workbook of one sheet, xlsx_writer.h). Rows shorter than the column list are padded with nulls; extra values are ignored.
void write(std::ostream& os, const Report& report, Format format, const WriteOptions& options = {});

// write() into a string.
std::string render(const Report& report, Format format, const WriteOptions& options = {});

// A value as the human formats (table, md, html) show it in `column`: null and NaN/inf as "—"; reals
// with column.decimals digits after the point, never an exponent, thousands not grouped, rounded half
// away from zero (四舍五入) on the shortest round-trip decimal form, so 2.675 → "2.68" and 80.25 → "80.3";
// all the digits of that form when decimals < 0; no "-" on a value that rounds to zero; percent columns
// ×100 (shifted in decimal, so exact) with "%" appended; integers and text as they are.
std::string format_value(const Column& column, const store::Value& value);

// The column heading of the human formats: header, then " (unit)" when the unit is not empty.
std::string column_label(const Column& column);

// Display width of UTF-8 text in a terminal: East Asian wide and fullwidth characters count 2,
// combining marks, zero-width and control characters 0, others 1 (East Asian ambiguous ones such as
// "—" included). Bytes that are not valid UTF-8 count 1 each.
std::size_t display_width(const std::string& utf8);

}  // namespace parkgis::report
