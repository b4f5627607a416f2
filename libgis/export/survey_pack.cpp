// survey_pack: one zone's survey package (survey.h).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "libgis/core/errors.h"
#include "libgis/export/export.h"
#include "libgis/export/style_writer.h"
#include "libgis/export/survey.h"
#include "libgis/export/survey_fields.h"
#include "libgis/export/zip_writer.h"
#include "libgis/geom/geos.h"
#include "libgis/store/store.h"

namespace parkgis::exporter {

namespace fs = std::filesystem;

namespace {

// The columns of the parcel layer in a package: what a team needs to find and judge a parcel.
const std::vector<std::string>& check_parcel_columns() {
  static const std::vector<std::string> c = {
      "parcel_id", "check_items", "zone_id", "park_id", "land_use", "user_id", "enterprise_name", "industry",
      "area_mu", "supply_status", "idle_status", "idle_days", "idle_reason", "floor_m2", "vacant_m2",
      "vacancy_rate", "coverage", "plot_ratio", "tax_per_mu", "grade", "below_control", "low_efficiency",
      "low_efficiency_reason"};
  return c;
}

std::size_t index_of(const OutLayer& layer, const std::string& name) {
  for (std::size_t i = 0; i < layer.fields.size(); ++i)
    if (layer.fields[i].name == name) return i;
  return layer.fields.size();
}

// Keeps `first` columns in that order, then the editable and survey columns (which read_export_layer
// appended), dropping the rest.
void keep_fields(OutLayer& layer, const std::vector<std::string>& first) {
  std::vector<std::size_t> order;
  for (const std::string& n : first)
    if (const std::size_t i = index_of(layer, n); i < layer.fields.size()) order.push_back(i);
  for (std::size_t i = 0; i < layer.fields.size(); ++i)
    if (std::find(order.begin(), order.end(), i) == order.end() &&
        (is_survey_column(layer.fields[i].name) ||
         std::find(editable_attributes("parcels").begin(), editable_attributes("parcels").end(), layer.fields[i].name) !=
             editable_attributes("parcels").end()))
      order.push_back(i);
  std::vector<OutField> fields;
  for (std::size_t i : order) fields.push_back(layer.fields[i]);
  for (OutFeature& f : layer.features) {
    std::vector<store::Value> values;
    for (std::size_t i : order) values.push_back(i < f.values.size() ? f.values[i] : store::Value{});
    f.values = std::move(values);
  }
  layer.fields = std::move(fields);
}

double number(const store::Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  return 0;
}

// "疑似闲置土地（未动工满一年）；未达控制指标；有空置建筑": why a parcel is in the package.
std::string check_items(const OutLayer& layer, const OutFeature& f) {
  const auto value = [&](const std::string& name) {
    const std::size_t i = index_of(layer, name);
    return i < f.values.size() ? f.values[i] : store::Value{};
  };
  std::vector<std::string> items;
  const std::string idle = store::value_text(value("idle_status"));
  if (idle == "reclaim_candidate") items.push_back("疑似闲置土地（未动工满两年，可依法无偿收回）");
  else if (idle == "idle_not_started") items.push_back("疑似闲置土地（未动工满一年）");
  else if (idle == "idle_stalled") items.push_back("疑似闲置土地（中止开发）");
  else if (idle == "idle_gov_cause") items.push_back("疑似闲置土地（政府原因）");
  else if (idle == "unknown") items.push_back("闲置状态待核实（资料不全）");
  if (number(value("below_control")) == 1) items.push_back("未达控制指标（建筑系数、容积率、投资强度、办公生活设施或绿地率）");
  if (number(value("low_efficiency")) == 1) items.push_back("疑似低效用地（" + store::value_text(value("low_efficiency_reason")) + "）");
  if (number(value("vacant_m2")) > 0) items.push_back("有空置建筑");
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "；") + s;
  return out;
}

class PackFolder {
 public:
  explicit PackFolder(const fs::path& parent) {
    m_path = parent / (".parkgis-pack-" + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(m_path, ec);
    if (!fs::create_directories(m_path, ec))
      throw DataError("cannot write into " + parent.string() + ": " + ec.message() + " (is the folder writable?)");
  }
  ~PackFolder() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  PackFolder(const PackFolder&) = delete;
  PackFolder& operator=(const PackFolder&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

std::string as_of_of(store::Store& store) {
  std::string as_of;
  if (store.has_table("runs"))
    store.read_table("runs", {"as_of"}, false, "run_id", [&](const store::Row& r) { as_of = store::value_text(r.values[0]); });
  if (as_of.empty()) {
    const auto meta = store.meta();
    if (const auto it = meta.find("as_of"); it != meta.end()) as_of = it->second;
  }
  return as_of;
}

// Who rents each building (tenancy_shares of the zone), so that the field team can check who is inside:
// "宁德某某电机有限公司 300 m²；…" in the text field tenant_list.
void add_tenant_list(store::Store& store, const std::string& zone_id, OutLayer& buildings) {
  std::map<std::string, std::map<std::string, double>> rented;  // building → tenant → m²
  if (store.has_table("tenancy_shares"))
    store.read_table("tenancy_shares", {"building_id", "enterprise_name", "enterprise_id", "floor_m2", "role"}, false, "",
                     [&](const store::Row& r) {
                       const std::string b = store::value_text(r.values[0]);
                       if (b.empty() || store::value_text(r.values[4]) != "tenant") return;
                       std::string name = store::value_text(r.values[1]);
                       if (name.empty()) name = store::value_text(r.values[2]);
                       rented[b][name] += store::value_number(r.values[3]).value_or(0);
                     },
                     store::Filter::equals("zone_id", zone_id));
  const std::size_t id_at = index_of(buildings, "building_id");
  OutField f;
  f.name = "tenant_list";
  f.label = field_label("tenant_list");
  f.min_width = 1;
  buildings.fields.push_back(f);
  for (OutFeature& b : buildings.features) {
    std::string list;
    if (id_at < b.values.size())
      if (const auto it = rented.find(store::value_text(b.values[id_at])); it != rented.end())
        for (const auto& [name, m2] : it->second) {
          char area[32];
          std::snprintf(area, sizeof area, "%.0f", m2);
          list += (list.empty() ? "" : "；") + name + " " + area + " m²";
        }
    b.values.push_back(list.empty() ? store::Value{} : store::Value{list});
  }
}

}  // namespace

PackResult survey_pack(store::Store& store, const PackRequest& req) {
  if (req.zone_id.empty()) throw UsageError("missing required option --zone");
  if (req.output.empty()) throw UsageError("missing required option -o");
  if (req.format == Format::csv) throw UsageError("a survey package needs geometry: use shp, gpkg, geojson or kml");
  if (!store.has_table("parcel_metrics"))
    throw DataError("database " + store.location() + " has no analysis results; run 'parkgis analyze --db " +
                    store.location() + "' first");

  // The zone (its name for the README); read_export_layer checks the id again and lists the zones.
  std::string zone_name;
  store.read_table("zones", {"name"}, false, "", [&](const store::Row& r) { zone_name = store::value_text(r.values[0]); },
                   store::Filter::equals("zone_id", req.zone_id));

  const fs::path out(req.output);
  const bool zip = out.extension() == ".zip";
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  if (!fs::is_directory(parent)) throw DataError("cannot write " + req.output + ": the folder " + parent.string() + " does not exist");
  if (!zip && fs::exists(out) && !fs::is_directory(out)) throw DataError(req.output + " exists and is not a folder");

  WriteOptions wo;
  wo.format = req.format;
  wo.encoding = req.format == Format::shp ? (req.encoding.empty() ? "CP936" : parse_encoding(req.encoding)) : "UTF-8";
  if (req.format != Format::shp && !req.encoding.empty() && parse_encoding(req.encoding) != "UTF-8")
    throw UsageError(std::string("--encoding ") + req.encoding + ": " + format_name(req.format) +
                     " files are UTF-8 by their specification; --encoding applies to shapefiles");

  PackResult result;
  result.path = req.output;
  PackFolder folder(parent);
  const std::string dir = folder.path().string();
  Selection zone_only{"", req.zone_id, ""};

  // 1. Parcels to check: idle, low-efficiency, or with vacant floor space.
  const ExportLayer parcels_layer{"parcels_check", "parcel_metrics", "待核查宗地", "parcel_id", true, {}, "idle"};
  OutLayer parcels = read_export_layer(store, parcels_layer,
                                       Selection{"", req.zone_id, "idle_status != 'none' OR below_control = 1 OR low_efficiency = 1 OR vacant_m2 > 0"}, true);
  {
    OutField items;
    items.name = "check_items";
    items.label = field_label("check_items");
    items.min_width = 1;
    parcels.fields.push_back(items);
    for (OutFeature& f : parcels.features) f.values.emplace_back(check_items(parcels, f));
    keep_fields(parcels, check_parcel_columns());
  }
  // 2. Approved but unsupplied land.
  OutLayer unsupplied = read_export_layer(store, find_export_layer("unsupplied"), zone_only, true);
  // 3. The buildings on the parcels to check.
  OutLayer buildings = read_export_layer(store, find_export_layer("buildings"), zone_only, true);
  {
    geom::Context ctx;
    std::vector<geom::GeomPtr> owned;
    std::vector<const GEOSPreparedGeometry*> prepared;
    for (const OutFeature& f : parcels.features)
      if (geom::GeomPtr g = geom::from_wkb(ctx, f.wkb)) {
        prepared.push_back(GEOSPrepare_r(ctx.handle(), g.get()));
        owned.push_back(std::move(g));
      }
    std::vector<OutFeature> kept;
    for (OutFeature& b : buildings.features) {
      geom::GeomPtr g = geom::from_wkb(ctx, b.wkb);
      if (!g) continue;
      bool hit = false;
      for (const GEOSPreparedGeometry* p : prepared)
        if (GEOSPreparedIntersects_r(ctx.handle(), p, g.get()) == 1 && GEOSPreparedTouches_r(ctx.handle(), p, g.get()) != 1) {
          hit = true;
          break;
        }
      if (hit) kept.push_back(std::move(b));
    }
    for (const GEOSPreparedGeometry* p : prepared) GEOSPreparedGeom_destroy_r(ctx.handle(), p);
    buildings.features = std::move(kept);
  }
  add_tenant_list(store, req.zone_id, buildings);
  // 4. The zone's land-reserve sites, when 'parkgis sites' has been run (for reference: not merged back).
  const bool with_sites = store.has_table("reserve_sites");
  OutLayer sites = with_sites ? read_export_layer(store, find_export_layer("sites"), zone_only, false) : OutLayer{};
  // 5. The zone boundary.
  OutLayer zone = read_export_layer(store, find_export_layer("zones"), zone_only, false);
  keep_fields(zone, {"zone_id", "park_id", "name"});

  struct Item {
    OutLayer* data;
    std::string base, title;
    style::Theme theme;
    std::string label;
  };
  std::vector<Item> items;
  items.push_back({&parcels, "parcels_check", "待核查宗地", choose_theme(parcels_layer, parcels.fields, ""), "parcel_id"});
  items.push_back({&unsupplied, "unsupplied", "批而未供土地", choose_theme(find_export_layer("unsupplied"), unsupplied.fields, ""), "piece_id"});
  items.push_back({&buildings, "buildings", "建筑", choose_theme(find_export_layer("buildings"), buildings.fields, ""), ""});
  if (with_sites)
    items.push_back({&sites, "reserve_sites", "储备候选地块", choose_theme(find_export_layer("sites"), sites.fields, ""), "site_id"});
  items.push_back({&zone, "zone", "片区边界", plain_theme("zone", "片区边界", "#ffffff00", "#e31a1c", 0.8), "name"});
  for (Item& it : items) {
    it.data->name = it.base;
    WrittenLayer w = write_styled_layer(*it.data, &it.theme, it.label, wo, dir, it.base);
    result.warnings.insert(result.warnings.end(), w.warnings.begin(), w.warnings.end());
    result.layers.push_back({it.base + format_extension(req.format), it.title, static_cast<long>(it.data->features.size())});
  }
  const std::string readme = pack_readme(req.zone_id, zone_name, as_of_of(store), result.layers, req.format, wo.encoding);
  {
    std::ofstream f(folder.path() / "README.txt", std::ios::binary);
    f << readme;
    if (!f) throw DataError("cannot write README.txt into " + dir);
  }
  for (const auto& e : fs::directory_iterator(folder.path())) result.files.push_back(e.path().filename().string());
  std::sort(result.files.begin(), result.files.end());

  std::error_code ec;
  if (zip) {
    const fs::path tmp_zip = parent / (".parkgis-pack-" + std::to_string(getpid()) + ".zip");
    fs::remove(tmp_zip, ec);
    try {
      zip_folder(folder.path(), "survey_" + req.zone_id, tmp_zip);
    } catch (...) {
      fs::remove(tmp_zip, ec);
      throw;
    }
    fs::rename(tmp_zip, out, ec);
    if (ec) throw DataError("cannot move the package to " + req.output + ": " + ec.message());
    for (std::string& f : result.files) f = "survey_" + req.zone_id + "/" + f;
  } else {
    fs::create_directories(out, ec);
    if (!fs::is_directory(out)) throw DataError("cannot create the folder " + req.output + ": " + ec.message());
    for (const std::string& f : result.files) {
      fs::rename(folder.path() / f, out / f, ec);
      if (ec) throw DataError("cannot move " + f + " into " + req.output + ": " + ec.message());
    }
  }
  return result;
}

}  // namespace parkgis::exporter
