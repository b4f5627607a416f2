// survey_merge: applies a returned survey file (survey.h).
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "libgis/core/dates.h"
#include "libgis/core/errors.h"
#include "libgis/core/temp_folder.h"
#include "libgis/export/dbf_names.h"
#include "libgis/export/survey.h"
#include "libgis/export/survey_fields.h"
#include "libgis/geom/geos.h"
#include "libgis/history/versions.h"
#include "libgis/io/encoding.h"
#include "libgis/io/gdal_messages.h"
#include "libgis/store/store.h"

namespace parkgis::exporter {

namespace fs = std::filesystem;

namespace {

const char* const kResultsTable = "survey_results";
const char* const kLogTable = "survey_log";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// ---- where the returned layers are ----

struct Source {
  std::string path;     // on disk (inside a private folder for a .zip)
  std::string display;  // for messages and survey_log: as the user knows it
};

bool is_vector_file(const fs::path& p) {
  const std::string ext = lower(p.extension().string());
  const std::string name = lower(p.filename().string());
  if (name.size() > 11 && name.compare(name.size() - 11, 11, ".fields.csv") == 0) return false;
  if (!name.empty() && name[0] == '.') return false;
  return ext == ".shp" || ext == ".gpkg" || ext == ".geojson" || ext == ".json" || ext == ".csv" || ext == ".kml";
}

std::vector<Source> sources_in(const fs::path& folder, const std::string& display_root) {
  std::vector<Source> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file() || !is_vector_file(it->path())) continue;
    out.push_back({it->path().string(), display_root + "/" + fs::relative(it->path(), folder).generic_string()});
  }
  std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.display < b.display; });
  return out;
}

// What survey_merge reads from a returned .zip: the vector files and their companions (.shx, .dbf, .prj,
// .cpg, .fields.csv). Anything else is left packed; what is unpacked is bounded (a zip bomb must not
// fill the disk) by MergeRequest::max_file_bytes and max_total_bytes.

bool is_read_back(const fs::path& p) {
  const std::string ext = lower(p.extension().string());
  return is_vector_file(p) || ext == ".shx" || ext == ".dbf" || ext == ".prj" || ext == ".cpg" || ext == ".csv";
}

class ExtractedZip {
 public:
  ExtractedZip(const std::string& zip, std::uint64_t max_file, std::uint64_t max_total)
      : m_folder(fs::temp_directory_path(), "merge") {
    const fs::path& m_path = m_folder.path();
    std::error_code ec;
    const std::string root = "/vsizip/" + fs::absolute(zip).string();
    char** entries = VSIReadDirRecursive(root.c_str());
    if (!entries) throw DataError("cannot read " + zip + " as a .zip file");
    std::uint64_t total = 0;
    for (char** e = entries; *e; ++e) {
      const std::string name = *e;
      if (name.empty() || name.back() == '/' || name.find("..") != std::string::npos) continue;
      if (!is_read_back(fs::path(name))) continue;  // photos, PDFs, styles: not read, not unpacked
      VSIStatBufL st;
      if (VSIStatL((root + "/" + name).c_str(), &st) != 0) continue;
      const auto size = static_cast<std::uint64_t>(st.st_size);
      total += size;
      if (size > max_file || total > max_total) {
        CSLDestroy(entries);
        throw DataError(zip + ": " + name + " unpacks to " + std::to_string(size / (1024 * 1024)) + " MiB (" +
                        std::to_string(total / (1024 * 1024)) + " MiB so far), over the limit of " +
                        std::to_string(max_file / (1024 * 1024)) + " MiB a file and " +
                        std::to_string(max_total / (1024 * 1024)) +
                        " MiB in all; a survey return is far smaller. Check the file, or unpack it and merge the "
                        "folder");
      }
      const fs::path dest = m_path / name;
      fs::create_directories(dest.parent_path(), ec);
      if (CPLCopyFile(dest.string().c_str(), (root + "/" + name).c_str()) != 0) {
        CSLDestroy(entries);
        throw DataError("cannot extract " + name + " from " + zip);
      }
    }
    CSLDestroy(entries);
  }
  const fs::path& path() const { return m_folder.path(); }

 private:
  TempFolder m_folder;
};

// ---- what a returned layer is about ----

struct Target {
  std::string table;      // parcels, buildings, ...
  std::string id_column;
  std::vector<std::string> tables;  // where current values come from (imported table first)
};

const std::vector<Target>& targets() {
  static const std::vector<Target> t = {
      {"parcels", "parcel_id", {"parcels", "parcel_metrics"}},
      {"buildings", "building_id", {"buildings"}},
      {"unsupplied_land", "piece_id", {"unsupplied_land"}},
      {"zones", "zone_id", {"zones", "zone_metrics"}},
      {"parks", "park_id", {"parks", "park_metrics"}},
  };
  return t;
}

// fields.csv beside a returned file: short name (lower case) → full name.
std::map<std::string, std::string> read_fields_csv(const fs::path& data_file) {
  std::map<std::string, std::string> out;
  fs::path csv = data_file.parent_path() / (data_file.stem().string() + ".fields.csv");
  std::ifstream f(csv, std::ios::binary);
  if (!f) return out;
  std::string line;
  bool header = true;
  while (std::getline(f, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Names never hold commas or quotes (they are column names): the first two cells suffice.
    const std::size_t a = line.find(',');
    if (a == std::string::npos) continue;
    const std::size_t b = line.find(',', a + 1);
    out[lower(line.substr(0, a))] = line.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
  }
  return out;
}

struct Current {
  std::map<std::string, store::ColumnType> types;               // column → type (all tables + survey)
  std::map<std::string, std::map<std::string, store::Value>> rows;  // id → column → value
  std::map<std::string, std::string> wkb;                       // id → geometry (imported table)
};

Current read_current(store::Store& store, const Target& t) {
  Current c;
  for (const std::string& table : t.tables) {
    if (!store.has_table(table)) continue;
    const std::vector<store::ColumnDef> defs = store.column_defs(table);
    std::vector<std::string> cols;
    for (const store::ColumnDef& d : defs) {
      if (c.types.count(d.name)) continue;
      c.types[d.name] = d.type;
      cols.push_back(d.name);
    }
    if (std::find(cols.begin(), cols.end(), t.id_column) == cols.end()) cols.insert(cols.begin(), t.id_column);
    const bool geometry = table == t.tables.front();
    store.read_table(table, cols, geometry, "", [&](const store::Row& r) {
      const std::string id = store::value_text(r.values[0]);
      auto& row = c.rows[id];
      for (std::size_t i = 1; i < cols.size(); ++i) row[cols[i]] = r.values[i];
      if (geometry) c.wkb[id] = r.wkb;
    });
  }
  for (const SurveyColumn& s : survey_columns()) c.types[s.name] = s.type;
  if (store.has_table(kResultsTable)) {
    std::vector<std::string> cols = {"layer", "feature_id"};
    for (const SurveyColumn& s : survey_columns()) cols.push_back(s.name);
    store.read_table(kResultsTable, cols, false, "", [&](const store::Row& r) {
      if (store::value_text(r.values[0]) != t.table) return;
      const auto it = c.rows.find(store::value_text(r.values[1]));
      if (it == c.rows.end()) return;
      for (std::size_t i = 2; i < cols.size(); ++i) it->second[cols[i]] = r.values[i];
    });
  }
  return c;
}

// ---- values ----

struct Returned {
  bool empty = true;
  std::string text;
  std::optional<double> number;
  int width = 0, precision = 0;  // of the returned field (0 when the format has none)
};

std::optional<double> parse_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (!end || *end != '\0' || !std::isfinite(d)) return std::nullopt;
  return d;
}

Returned returned_value(OGRFeature& f, int i, bool recode, const std::string& encoding) {
  Returned r;
  const OGRFieldDefn* d = f.GetFieldDefnRef(i);
  r.width = d->GetWidth();
  r.precision = d->GetPrecision();
  if (!f.IsFieldSetAndNotNull(i)) return r;
  switch (d->GetType()) {
    case OFTInteger:
    case OFTInteger64:
    case OFTReal:
      r.number = f.GetFieldAsDouble(i);
      r.text = f.GetFieldAsString(i);
      break;
    case OFTDate:
    case OFTDateTime: {
      int y = 0, m = 0, day = 0, h = 0, mi = 0, tz = 0;
      float sec = 0;
      f.GetFieldAsDateTime(i, &y, &m, &day, &h, &mi, &sec, &tz);
      r.text = Date{y, m, day}.iso();
      break;
    }
    default:
      r.text = f.GetFieldAsString(i);
      if (recode) r.text = io::recode_to_utf8(r.text, encoding);
      r.text = trim(r.text);
      r.number = parse_number(r.text);
  }
  r.empty = r.text.empty();
  return r;
}

std::string shown(const Returned& r) { return r.empty ? "" : r.text; }

// A database number shown with the decimals of the returned field, so that both sides read alike.
std::string shown_like(const store::Value& v, store::ColumnType type, const Returned& r) {
  const std::string text = store::value_text(v);
  if (type != store::ColumnType::real || r.precision <= 0 || text.empty()) return text;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", r.precision, std::strtod(text.c_str(), nullptr));
  return buf;
}

// Equal as far as an export keeps the value: a number within half a unit of the last decimal the
// returned field has (or that a shapefile export keeps, precision_cap(), when the file was re-saved in a
// format without precisions); text cut at the DBF limit; dates in any spelling parse_date() reads.
bool same(const std::string& column, const store::Value& current, store::ColumnType type, const Returned& r) {
  const std::string cur = trim(store::value_text(current));
  if (r.empty) return cur.empty();
  if (cur.empty()) return false;
  switch (type) {
    case store::ColumnType::text:
      // A DBF holds 254 bytes: the export cut longer text, which is not an edit.
      return cur == r.text || (r.width >= 254 && cur.size() > r.text.size() && cur.compare(0, r.text.size(), r.text) == 0);
    case store::ColumnType::integer:
    case store::ColumnType::real: {
      const auto a = parse_number(cur);
      const auto b = r.number ? r.number : parse_number(r.text);
      if (!a || !b) return false;
      const int decimals = r.precision > 0 ? std::min(r.precision, precision_cap(column)) : precision_cap(column);
      const double tol = type == store::ColumnType::integer ? 1e-9 : 0.5 * std::pow(10.0, -decimals) * (1 + 1e-9) + 1e-12;
      return std::fabs(*a - *b) <= tol;
    }
    case store::ColumnType::date: {
      const auto a = parse_date(cur), b = parse_date(r.text);
      return a && b && *a == *b;
    }
  }
  return false;
}

// The value to store for an edit, or the reason it cannot be used.
std::optional<store::Value> new_value(const std::string& column, store::ColumnType type, const Returned& r, std::string& why) {
  switch (type) {
    case store::ColumnType::text:
      if (column == "survey_status") {
        const auto& ok = survey_status_values();
        if (std::find(ok.begin(), ok.end(), r.text) == ok.end()) {
          std::string list;
          for (const std::string& v : ok) list += (list.empty() ? "" : ", ") + v;
          why = "'" + r.text + "' is not a survey status; use one of " + list;
          return std::nullopt;
        }
      }
      return store::Value{r.text};
    case store::ColumnType::integer:
    case store::ColumnType::real: {
      const auto d = r.number ? r.number : parse_number(r.text);
      if (!d) {
        why = "'" + r.text + "' is not a number";
        return std::nullopt;
      }
      if (*d < 0) {
        why = r.text + " is negative";
        return std::nullopt;
      }
      if (type == store::ColumnType::integer) return store::Value{static_cast<std::int64_t>(std::llround(*d))};
      return store::Value{*d};
    }
    case store::ColumnType::date: {
      const auto d = parse_date(r.text);
      if (!d) {
        why = "'" + r.text + "' is not a date (write it like 2026-07-15)";
        return std::nullopt;
      }
      return store::Value{d->iso()};
    }
  }
  return std::nullopt;
}

std::string text_of(const store::Value& v) { return store::value_text(v); }

// ---- geometry ----

struct Shape {
  double x = 0, y = 0, area = 0;
};

std::optional<Shape> shape_of(geom::Context& ctx, const std::string& wkb) {
  geom::GeomPtr g = geom::from_wkb(ctx, wkb);
  if (!g) return std::nullopt;
  geom::GeomPtr c = geom::own(ctx, GEOSGetCentroid_r(ctx.handle(), g.get()));
  if (!c) return std::nullopt;
  Shape s;
  GEOSGeomGetX_r(ctx.handle(), c.get(), &s.x);
  GEOSGeomGetY_r(ctx.handle(), c.get(), &s.y);
  s.area = geom::area(ctx, g.get());
  return s;
}

std::string fmt(double v, int decimals) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(decimals);
  os << v;
  return os.str();
}

// ---- the merge itself ----

struct Pending {
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, store::Value>>> attributes;  // (table, id)
  std::map<std::pair<std::string, std::string>, std::map<std::string, store::Value>> survey;  // (table, id) → column
};

class Merger {
 public:
  Merger(store::Store& store, const MergeRequest& req, MergeResult& result) : m_store(store), m_req(req), m_result(result) {}

  void merge_source(const Source& src) {
    const io::SourceEncoding enc = io::decide_encoding(src.path, "");
    std::vector<std::string> options = enc.open_options;
    if (lower(fs::path(src.path).extension().string()) == ".csv") {
      options.push_back("KEEP_GEOM_COLUMNS=NO");
      options.push_back("GEOM_POSSIBLE_NAMES=WKT");
    }
    std::vector<const char*> opts;
    for (const std::string& o : options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr ds(GDALDataset::Open(src.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, opts.data(), nullptr));
    CPLPopErrorHandler();
    if (!ds) throw DataError("cannot open " + src.display + " as a vector file: " + CPLGetLastErrorMsg());
    m_result.files.push_back(src.display);
    const auto short_names = read_fields_csv(src.path);
    io::GdalMessages gdal;  // GDAL's complaints about the returned file become a note, not stderr lines
    for (int li = 0; li < ds->GetLayerCount(); ++li)
      merge_layer(*ds->GetLayer(li), src, short_names, enc.recode_strings, enc.name, ds->GetLayerCount() > 1);
    if (!gdal.messages().empty())
      m_result.notes.push_back(src.display + ": GDAL reported " + std::to_string(gdal.messages().size()) +
                               " problem(s) while reading it, the first: " + gdal.messages().front());
  }

 private:
  void conflict(const std::string& file, const std::string& layer, const std::string& id, const std::string& field,
                const std::string& reason) {
    m_result.conflicts.push_back({file, layer, id, field, reason});
  }

  // The full column name a returned field stands for ("" = none of the target's).
  std::string full_name(const std::string& name, const Current& cur, const std::map<std::string, std::string>& short_names) const {
    const std::string l = lower(name);
    if (const auto it = short_names.find(l); it != short_names.end() && cur.types.count(it->second)) return it->second;
    for (const auto& [column, type] : cur.types)
      if (lower(column) == l) return column;
    for (const auto& [column, type] : cur.types)
      if (lower(dbf_name(column, "CP936")) == l || lower(dbf_name(column, "UTF-8")) == l) return column;
    return "";
  }

  void merge_layer(OGRLayer& layer, const Source& src, const std::map<std::string, std::string>& short_names, bool recode,
                   const std::string& encoding, bool many_layers) {
    const std::string file = many_layers ? src.display + ":" + layer.GetName() : src.display;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    // Which table: the first id column found among the fields (directly or through fields.csv).
    const Target* target = nullptr;
    for (const Target& t : targets()) {
      for (int i = 0; i < defn->GetFieldCount() && !target; ++i) {
        const std::string n = lower(defn->GetFieldDefn(i)->GetNameRef());
        const auto it = short_names.find(n);
        if (n == t.id_column || (it != short_names.end() && it->second == t.id_column)) target = &t;
      }
      if (target) break;
    }
    if (!target) {
      m_result.notes.push_back(file + ": no id column (parcel_id, building_id, piece_id, zone_id, park_id): skipped");
      return;
    }
    if (!m_store.has_table(target->table)) {
      conflict(file, target->table, "", "", "the database has no table " + target->table + ": skipped");
      return;
    }
    Current& cur = current(*target);
    const std::vector<std::string>& editable = editable_attributes(target->table);

    // Returned field → column.
    std::vector<std::string> columns(static_cast<std::size_t>(defn->GetFieldCount()));
    int id_field = -1;
    std::vector<std::string> ignored;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      const std::string name = defn->GetFieldDefn(i)->GetNameRef();
      columns[static_cast<std::size_t>(i)] = full_name(name, cur, short_names);
      if (columns[static_cast<std::size_t>(i)] == target->id_column) {
        id_field = i;
      } else if (columns[static_cast<std::size_t>(i)].empty()) {
        const auto it = short_names.find(lower(name));
        const std::string full = it == short_names.end() ? lower(name) : it->second;
        // check_items and tenant_list (what a package adds for the team to read) and KML's own fields are
        // expected.
        const auto added = [&](const char* field) { return full == field || full == dbf_name(field, "UTF-8"); };
        if (!added("check_items") && !added("tenant_list") && !is_kml_standard_field(name)) ignored.push_back(name);
      }
    }
    if (!ignored.empty()) {
      std::string list;
      for (const std::string& n : ignored) list += (list.empty() ? "" : ", ") + n;
      m_result.notes.push_back(file + ": fields not in the database, ignored: " + list);
    }

    // Geometry back into the working CRS.
    std::unique_ptr<OGRCoordinateTransformation> ct;
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    OGRSpatialReference work;
    work.importFromEPSG(m_store.srid());
    work.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs && !srs->IsSame(&work)) {
      OGRSpatialReference from(*srs);
      from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      ct.reset(OGRCreateCoordinateTransformation(&from, &work));
    }
    bool warned_no_srs = false;

    geom::Context ctx;
    std::set<std::string> seen;
    layer.ResetReading();
    for (auto& feature : layer) {
      ++m_result.features;
      const std::string id = id_field >= 0 ? returned_value(*feature, id_field, recode, encoding).text : "";
      if (id.empty()) {
        conflict(file, target->table, "", "", "a feature without " + target->id_column + " (FID " +
                 std::to_string(feature->GetFID()) + "): new features are not added by a merge");
        continue;
      }
      const auto row_it = cur.rows.find(id);
      if (row_it == cur.rows.end()) {
        conflict(file, target->table, id, "", "unknown " + target->id_column + ": not in the database; new features are not added by a merge");
        continue;
      }
      if (!seen.insert(id).second) {
        conflict(file, target->table, id, "", "appears more than once in the file: only the first is used");
        continue;
      }
      auto& row = row_it->second;

      // Geometry: the survey must not move it.
      if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty() && cur.wkb.count(id) && !cur.wkb[id].empty()) {
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (!srs && !warned_no_srs) {
          m_result.notes.push_back(file + ": no CRS; geometry taken as EPSG:" + std::to_string(m_store.srid()));
          warned_no_srs = true;
        }
        if (ct) copy->transform(ct.get());
        std::string wkb(static_cast<std::size_t>(copy->WkbSize()), '\0');
        copy->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
        const auto now = shape_of(ctx, wkb), before = shape_of(ctx, cur.wkb[id]);
        if (now && before) {
          const double shift = std::hypot(now->x - before->x, now->y - before->y);
          const double change = before->area > 0 ? std::fabs(now->area - before->area) / before->area : 0;
          if (shift > m_req.max_shift_m || change > m_req.max_area_change) {
            conflict(file, target->table, id, "geometry",
                     "geometry changed (centroid moved " + fmt(shift, 2) + " m, area " + (now->area >= before->area ? "+" : "-") +
                         fmt(change * 100, 2) + " %; tolerance " + fmt(m_req.max_shift_m, 2) + " m, " +
                         fmt(m_req.max_area_change * 100, 2) + " %): none of this feature's edits were applied; "
                         "boundaries change in the source data and a new import");
            continue;
          }
        }
      }

      std::string surveyor, status;
      std::vector<std::pair<std::string, Returned>> values;
      for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string& column = columns[static_cast<std::size_t>(i)];
        if (column.empty() || i == id_field) continue;
        Returned r = returned_value(*feature, i, recode, encoding);
        if (column == "surveyor") surveyor = r.text;
        if (column == "survey_status") status = r.text;
        values.emplace_back(column, r);
      }
      if (surveyor.empty()) surveyor = text_of(row["surveyor"]);
      if (status.empty()) status = text_of(row["survey_status"]);

      for (const auto& [column, r] : values) {
        const store::ColumnType type = cur.types[column];
        const bool survey = is_survey_column(column);
        const bool can_edit = survey || std::find(editable.begin(), editable.end(), column) != editable.end();
        store::Value& old = row[column];
        if (can_edit) {
          if (r.empty || same(column, old, type, r)) continue;  // an empty cell never clears a value
          std::string why;
          const auto v = new_value(column, type, r, why);
          if (!v) {
            conflict(file, target->table, id, column, why + ": not applied");
            continue;
          }
          m_result.changes.push_back({file, target->table, id, column, text_of(old), text_of(*v), surveyor, status});
          const auto key = std::make_pair(target->table, id);
          if (survey) m_pending.survey[key][column] = *v;
          else m_pending.attributes[key].emplace_back(column, *v);
          old = *v;  // later files compare with the new value
        } else if (!same(column, old, type, r)) {
          conflict(file, target->table, id, column,
                   "read-only field changed from '" + shown_like(old, type, r) + "' to '" + shown(r) +
                       "': not applied (computed by 'parkgis analyze' or taken from the imported data; correct the "
                       "source data instead)");
        }
      }
    }
  }

  Current& current(const Target& t) {
    auto it = m_current.find(t.table);
    if (it == m_current.end()) it = m_current.emplace(t.table, read_current(m_store, t)).first;
    return it->second;
  }

 public:
  void apply(const std::string& now) {
    if (m_req.dry_run || m_result.changes.empty()) return;
    // survey_results: the latest survey state per feature; read whole, updated, written back.
    store::TableDef results{kResultsTable, {{"layer", store::ColumnType::text}, {"feature_id", store::ColumnType::text}}, "", false, {"feature_id"}};
    for (const SurveyColumn& s : survey_columns()) results.columns.push_back({s.name, s.type});
    results.columns.push_back({"merged_at", store::ColumnType::text});
    std::map<std::pair<std::string, std::string>, store::Row> rows;
    if (m_store.has_table(kResultsTable)) {
      std::vector<std::string> cols;
      for (const store::ColumnDef& c : results.columns) cols.push_back(c.name);
      m_store.read_table(kResultsTable, cols, false, "", [&](const store::Row& r) {
        rows[{store::value_text(r.values[0]), store::value_text(r.values[1])}] = r;
      });
    }
    for (const auto& [key, values] : m_pending.survey) {
      store::Row& r = rows[key];
      if (r.values.empty()) {
        r.values.assign(results.columns.size(), store::Value{});
        r.values[0] = key.first;
        r.values[1] = key.second;
      }
      for (const auto& [column, v] : values)
        r.values[static_cast<std::size_t>(results.column_index(column))] = v;
      r.values.back() = now;
    }
    std::vector<store::Row> result_rows;
    for (auto& [key, r] : rows) result_rows.push_back(std::move(r));

    store::TableDef log{kLogTable, {}, "", false, {"feature_id"}};
    for (const char* c : {"logged_at", "file", "layer", "feature_id", "field", "old_value", "new_value", "surveyor", "survey_status"})
      log.columns.push_back({c, store::ColumnType::text});
    std::vector<store::Row> log_rows;
    for (const Change& c : m_result.changes) {
      store::Row r;
      r.values = {now, c.file, c.layer, c.feature_id, c.field, c.old_value, c.new_value, c.surveyor, c.survey_status};
      for (store::Value& v : r.values)
        if (store::value_text(v).empty()) v = store::Value{};
      log_rows.push_back(std::move(r));
    }

    // Parcels and buildings changed by the survey, with the fields changed: kept as versions.
    std::map<std::string, std::map<std::string, std::string>> corrected;  // layer -> id -> fields
    for (const auto& [key, values] : m_pending.attributes) {
      if (key.first != "parcels" && key.first != "buildings") continue;
      std::string& fields = corrected[key.first][key.second];
      for (const auto& [column, v] : values) fields += (fields.empty() ? "" : ",") + column;
    }

    m_store.begin();
    if (!corrected.empty()) history::ensure_versions(m_store);  // the rows as they were, before the update
    for (const auto& [key, values] : m_pending.attributes) {
      const auto& [table, id] = key;
      const Target* t = nullptr;
      for (const Target& x : targets())
        if (x.table == table) t = &x;
      m_store.update_values(table, t->id_column, store::Value{id}, values);
    }
    if (!corrected.empty()) {
      std::string files;
      for (const std::string& f : m_result.files) files += (files.empty() ? "" : ", ") + f;
      const std::string source = "survey merged " + now + " (" + files + ")";
      history::LandVersion v;
      v.valid_from = history::newest_land_date(m_store).value_or(Date{1, 1, 1});
      v.kind = "survey";
      v.source = source;
      v.loaded_at = now;
      for (const auto& [layer, ids] : corrected) {
        history::record_corrections(m_store, layer, ids, source);
        (layer == "parcels" ? v.parcels_changed : v.buildings_changed) = static_cast<long long>(ids.size());
      }
      history::record_land_version(m_store, v);
    }
    if (!m_pending.survey.empty()) m_store.write_table(results, result_rows);
    m_store.append_rows(log, log_rows);
    m_store.commit();
  }

 private:
  store::Store& m_store;
  const MergeRequest& m_req;
  MergeResult& m_result;
  std::map<std::string, Current> m_current;
  Pending m_pending;
};

std::string local_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string merge_csv(const MergeResult& r) {
  std::string out = "\xEF\xBB\xBF" "kind,file,layer,feature_id,field,old_value,new_value,surveyor,survey_status,reason\r\n";
  for (const Change& c : r.changes)
    out += "change," + csv_cell(c.file) + "," + csv_cell(c.layer) + "," + csv_cell(c.feature_id) + "," + csv_cell(c.field) + "," +
           csv_cell(c.old_value) + "," + csv_cell(c.new_value) + "," + csv_cell(c.surveyor) + "," + csv_cell(c.survey_status) + ",\r\n";
  for (const Conflict& c : r.conflicts)
    out += "conflict," + csv_cell(c.file) + "," + csv_cell(c.layer) + "," + csv_cell(c.feature_id) + "," + csv_cell(c.field) +
           ",,,,," + csv_cell(c.reason) + "\r\n";
  return out;
}

MergeResult survey_merge(store::Store& store, const MergeRequest& req) {
  GDALAllRegister();
  if (req.returned.empty()) throw UsageError("name the returned file, folder or .zip");
  const fs::path path(req.returned);
  if (!fs::exists(path)) throw DataError(req.returned + " does not exist");
  std::vector<Source> sources;
  std::unique_ptr<ExtractedZip> zip;
  if (fs::is_directory(path)) {
    sources = sources_in(path, req.returned);
  } else if (lower(path.extension().string()) == ".zip") {
    zip = std::make_unique<ExtractedZip>(req.returned, req.max_file_bytes, req.max_total_bytes);
    sources = sources_in(zip->path(), req.returned);
  } else {
    if (!is_vector_file(path))
      throw DataError(req.returned + " is not a file parkgis reads back (.shp, .gpkg, .geojson, .json, .csv, .kml, a folder or .zip)");
    sources.push_back({req.returned, req.returned});
  }
  if (sources.empty()) throw DataError(req.returned + " holds no .shp, .gpkg, .geojson, .csv or .kml file");

  MergeResult result;
  Merger merger(store, req, result);
  for (const Source& s : sources) merger.merge_source(s);
  if (result.features == 0 && result.conflicts.empty())
    throw DataError(req.returned + " holds no feature with a parcel_id, building_id, piece_id, zone_id or park_id");
  for (const Change& c : result.changes)
    if (!is_survey_column(c.field)) result.attributes_changed = true;
  merger.apply(req.now.empty() ? local_now() : req.now);
  return result;
}

}  // namespace parkgis::exporter
