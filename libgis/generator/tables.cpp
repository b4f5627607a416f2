// enterprises.csv and dataset.json of a generated dataset.
#include <charconv>
#include <fstream>
#include <optional>
#include <string>

#include "libgis/core/errors.h"
#include "libgis/generator/names.h"
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

void append_text(std::string& out, std::string_view s) {
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

void write_enterprises(const Plan& plan, const std::filesystem::path& dir, const ProgressFn& progress) {
  report_progress(progress, "writing enterprises", 0.0);
  std::string out =
      "enterprise_id,name,industry,industry_code,scale,year,output_wan,tax_wan,value_added_wan,energy_tce,"
      "electricity_kwh,emissions_t,employees,rnd_wan\n";
  out.reserve(plan.enterprises.size() * 3 * 150 + out.size());
  for (const EnterprisePlan& e : plan.enterprises) {
    std::string head;
    append_text(head, e.id);
    head += ',';
    append_text(head, e.name);
    head += ',';
    append_text(head, e.industry);
    head += ',';
    append_text(head, e.industry_code);
    head += ',';
    head += e.scale;
    for (const YearFigures& f : e.years) {
      out += head;
      out += ',';
      out += std::to_string(f.year);
      append_cell(out, f.output, 2);
      append_cell(out, f.tax, 2);
      append_cell(out, f.value_added, 2);
      append_cell(out, f.energy, 1);
      append_cell(out, f.electricity, 0);
      append_cell(out, f.emissions, 2);
      out += ',';
      if (f.employees) out += std::to_string(*f.employees);
      append_cell(out, f.rnd, 2);
      out += '\n';
    }
  }
  write_file(dir / "enterprises.csv", out);
  report_progress(progress, "writing enterprises", 1.0);
}

void write_tenancies(const Plan& plan, const std::filesystem::path& dir, const ProgressFn& progress) {
  report_progress(progress, "writing tenancies", 0.0);
  std::string out = "tenancy_id,enterprise_id,building_id,parcel_id,leased_m2,start_date,end_date\n";
  out.reserve(plan.tenancies.size() * 90 + out.size());
  for (const TenancyPlan& t : plan.tenancies) {
    append_text(out, t.id);
    out += ',';
    append_text(out, t.enterprise_text.empty() ? plan.enterprises[t.enterprise].id : t.enterprise_text);
    out += ',';
    if (!t.building_text.empty()) append_text(out, t.building_text);
    else if (t.building != kNone) out += building_id(t.building, plan.buildings.size());
    out += ',';
    if (t.parcel != kNone) append_text(out, plan.parcels[t.parcel].id);
    append_cell(out, t.leased_m2, 2);
    out += ',';
    if (t.start) out += t.start->iso();
    out += ',';
    if (t.end) out += t.end->iso();
    out += '\n';
  }
  write_file(dir / "tenancies.csv", out);
  report_progress(progress, "writing tenancies", 1.0);
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
