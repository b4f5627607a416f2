// enterprises.csv and dataset.json of a generated dataset.
#include <charconv>
#include <fstream>
#include <optional>
#include <string>

#include "libgis/core/errors.h"
#include "libgis/generator/writer.h"

namespace parkgis::generator {

namespace {

// Locale-independent fixed-point number.
void append_number(std::string& out, double v, int decimals) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, res.ptr);
}

void append_cell(std::string& out, const std::optional<double>& v, int decimals) {
  out += ',';
  if (v) append_number(out, *v, decimals);
}

void append_text(std::string& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw DataError("cannot write '" + path.string() + "': the file cannot be opened for writing");
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  f.close();
  if (!f) throw DataError("cannot write '" + path.string() + "': write failed (disk full?)");
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

void write_enterprises(const Plan& plan, const std::filesystem::path& dir, int year, const ProgressFn& progress) {
  report_progress(progress, "writing enterprises", 0.0);
  std::string out =
      "enterprise_id,name,industry,year,output_wan,tax_wan,value_added_wan,energy_tce,employees,rnd_wan,"
      "industry_code,scale,electricity_kwh,emissions_t\n";
  out.reserve(plan.enterprises.size() * 110 + out.size());
  const std::string year_text = std::to_string(year);
  for (const EnterprisePlan& e : plan.enterprises) {
    append_text(out, e.id);
    out += ',';
    append_text(out, e.name);
    out += ',';
    append_text(out, e.industry);
    out += ',';
    out += year_text;
    append_cell(out, e.output, 2);
    append_cell(out, e.tax, 2);
    append_cell(out, e.value_added, 2);
    append_cell(out, e.energy, 1);
    out += ',';
    if (e.employees) out += std::to_string(*e.employees);
    append_cell(out, e.rnd, 2);
    out += ',';
    append_text(out, e.industry_code);
    out += ',';
    append_text(out, e.scale);
    append_cell(out, e.electricity_kwh, 0);
    append_cell(out, e.emissions_t, 2);
    out += '\n';
  }
  write_file(dir / "enterprises.csv", out);
  report_progress(progress, "writing enterprises", 1.0);
}

void write_dataset_json(const std::filesystem::path& dir, const Date& as_of, bool beyond_ningde) {
  std::string out = "{\n";
  out += "  \"name\": " + json_string("宁德小微园（示例）") + ",\n";
  out += "  \"crs\": \"EPSG:4549\",\n";
  if (beyond_ningde) out += "  \"region\": \"any\",\n";
  out += "  \"encoding\": \"UTF-8\",\n";
  out += "  \"as_of\": \"" + as_of.iso() + "\"\n";
  out += "}\n";
  write_file(dir / "dataset.json", out);
}

}  // namespace parkgis::generator
