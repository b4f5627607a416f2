// Format names and the dispatch to the writers.

#include <ostream>
#include <sstream>

#include "libgis/core/errors.h"
#include "libgis/report/detail.h"
#include "libgis/report/report.h"
#include "libgis/report/xlsx_writer.h"

namespace parkgis::report {

Format parse_format(const std::string& name) {
  for (Format f : {Format::table, Format::csv, Format::json, Format::markdown, Format::html, Format::xlsx})
    if (name == format_name(f)) return f;
  throw UsageError("unknown format '" + name + "'; use table, csv, json, md, html or xlsx");
}

const char* format_name(Format format) {
  switch (format) {
    case Format::table: return "table";
    case Format::csv: return "csv";
    case Format::json: return "json";
    case Format::markdown: return "md";
    case Format::html: return "html";
    case Format::xlsx: return "xlsx";
  }
  return "table";
}

bool is_binary(Format format) { return format == Format::xlsx; }

void write(std::ostream& os, const Report& report, Format format, const WriteOptions& options) {
  switch (format) {
    case Format::table: detail::write_table(os, report); return;
    case Format::csv: detail::write_csv(os, report, options); return;
    case Format::json: detail::write_json(os, report); return;
    case Format::markdown: detail::write_markdown(os, report); return;
    case Format::html: detail::write_html(os, report); return;
    case Format::xlsx: write_workbook(os, {{sheet_name_of(report), report}}); return;
  }
}

std::string render(const Report& report, Format format, const WriteOptions& options) {
  std::ostringstream os;
  write(os, report, format, options);
  return std::move(os).str();
}

}  // namespace parkgis::report
