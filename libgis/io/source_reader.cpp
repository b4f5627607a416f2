#include "libgis/io/source_reader.h"

#include "libgis/io/gdal_messages.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/core/errors.h"

namespace parkgis::io {

namespace fs = std::filesystem;
using model::FieldSpec;
using model::FieldType;

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool same_name(const std::string& a, const std::string& b) { return lower_ascii(a) == lower_ascii(b); }

// First n code points of a UTF-8 string.
std::string first_code_points(const std::string& s, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < s.size() && count < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return s.substr(0, std::min(i, s.size()));
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The forms a name takes after a DBF cut it to 10 bytes: 10 ASCII characters, or 5 GBK characters (a
// UTF-8 DBF's cut is matched separately, below).
std::string dbf_form(const std::string& name) {
  return is_ascii(name) ? name.substr(0, 10) : first_code_points(name, 5);
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::optional<double> parse_number(const std::string& text) {
  std::string t = trim(text);
  t.erase(std::remove(t.begin(), t.end(), ','), t.end());  // thousands separators from spreadsheets
  if (t.empty()) return std::nullopt;
  double v = 0;
  const auto res = std::from_chars(t.data(), t.data() + t.size(), v);
  if (res.ec != std::errc() || res.ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::string locate_layer_file(const model::LayerSpec& spec, const Manifest& manifest) {
  const fs::path folder(manifest.folder);
  if (auto it = manifest.layers.find(spec.name); it != manifest.layers.end() && !it->second.path.empty()) {
    fs::path p(it->second.path);
    if (p.is_relative()) p = folder / p;
    return fs::exists(p) ? p.string() : "";
  }
  const fs::path def = folder / spec.default_file;
  if (fs::exists(def)) return def.string();
  // Same stem, other spellings or formats: PARCELS.SHP, parcels.gpkg, parcels.geojson, ...
  // Attribute tables may also come as a lone DBF (tenancies.dbf).
  static const char* exts[] = {".shp", ".gpkg", ".geojson", ".json", ".gdb", ".tab", ".sqlite", ".csv", ".xlsx", ".dbf"};
  const std::string stem = fs::path(spec.default_file).stem().string();
  std::error_code ec;
  for (const char* ext : exts) {
    if (spec.spatial && std::string_view(ext) == ".dbf") continue;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const fs::path& p = entry.path();
      if (same_name(p.stem().string(), stem) && same_name(p.extension().string(), ext)) return p.string();
    }
  }
  return "";
}

SourceReader::SourceReader(const model::LayerSpec& spec, const std::string& path, const LayerSource& config,
                           const Manifest& manifest, IssueSink& issues)
    : m_spec(spec), m_path(path), m_display(fs::path(path).filename().string()), m_issues(issues) {
  GDALAllRegister();
  m_encoding = decide_encoding(path, manifest.encoding);
  if (m_encoding.guessed)
    m_issues.add(Severity::warning, "encoding_guessed", spec.name, "",
                 m_display + ": " + m_encoding.detail + "; read as " + m_encoding.name +
                     ". If the text looks wrong, set \"encoding\" in dataset.json or add a .cpg file");

  if (lower_ascii(fs::path(path).extension().string()) == ".shp") {
    if (sibling_file(path, ".dbf").empty())
      throw DataError(m_display + " (layer " + spec.name + ") has no .dbf file beside it (" +
                      fs::path(path).stem().string() + ".dbf): the attributes are missing. Copy the .dbf together " +
                      "with the .shp and .shx");
    m_shp_check = check_shapefile(path);
  }

  CPLStringList open_options;
  for (const std::string& o : m_encoding.open_options) open_options.AddString(o.c_str());
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  m_ds = static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.List(), nullptr));
  CPLPopErrorHandler();
  if (!m_ds && m_shp_check && !m_shp_check->file_problem.empty())
    throw DataError(m_display + " (layer " + spec.name + ") is damaged: " + m_shp_check->file_problem +
                    ". Get an intact copy of the .shp, .shx and .dbf");
  if (!m_ds) {
    const std::string why = CPLGetLastErrorMsg();
    throw DataError(m_display + " (layer " + spec.name + "): cannot be read as a vector file" +
                    (why.empty() ? "" : " (" + why + ")") + "; check the file is complete (.shp with .shx and .dbf)");
  }
  if (!config.layer.empty()) {
    m_layer = m_ds->GetLayerByName(config.layer.c_str());
    if (!m_layer) {
      std::vector<std::string> names;
      for (int i = 0; i < m_ds->GetLayerCount(); ++i) names.push_back(m_ds->GetLayer(i)->GetName());
      throw DataError(m_display + ": no layer named \"" + config.layer + "\"; it has: " + join(names));
    }
  } else {
    if (m_ds->GetLayerCount() < 1) throw DataError(m_display + ": the file holds no layer");
    m_layer = m_ds->GetLayer(0);
  }
  if (spec.spatial && wkbFlatten(m_layer->GetGeomType()) != wkbUnknown &&
      wkbFlatten(m_layer->GetGeomType()) != wkbPolygon && wkbFlatten(m_layer->GetGeomType()) != wkbMultiPolygon &&
      m_layer->GetGeomType() != wkbNone)
    throw DataError(m_display + ": layer " + spec.name + " must hold polygons, but the file holds " +
                    OGRGeometryTypeToName(m_layer->GetGeomType()));
  match_fields(config);
}

SourceReader::~SourceReader() {
  if (m_ds) GDALClose(m_ds);
}

std::vector<std::string> SourceReader::source_field_names() const {
  std::vector<std::string> names;
  OGRFeatureDefn* defn = m_layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) names.push_back(defn->GetFieldDefn(i)->GetNameRef());
  return names;
}

void SourceReader::match_fields(const LayerSource& config) {
  const std::vector<std::string> names = source_field_names();
  std::vector<bool> used(names.size(), false);
  const auto find = [&](const std::string& wanted) -> int {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (!used[i] && same_name(names[i], wanted)) return static_cast<int>(i);
    return -1;
  };

  // Pass 1: the manifest's mappings and exact names win over every alias.
  m_matches.assign(m_spec.fields.size(), FieldMatch{});
  for (std::size_t k = 0; k < m_spec.fields.size(); ++k) {
    const FieldSpec& f = m_spec.fields[k];
    FieldMatch& m = m_matches[k];
    m.canonical = f.name;
    if (auto it = config.fields.find(f.name); it != config.fields.end()) {
      const int idx = find(it->second);
      if (idx < 0)
        throw DataError("dataset.json maps " + m_spec.name + "." + f.name + " to \"" + it->second + "\", but " +
                        m_display + " has no such field; its fields are: " + join(names));
      m = FieldMatch{f.name, idx, names[static_cast<std::size_t>(idx)], "manifest"};
      used[static_cast<std::size_t>(idx)] = true;
    }
  }
  for (std::size_t k = 0; k < m_spec.fields.size(); ++k) {
    FieldMatch& m = m_matches[k];
    if (m.source_index >= 0) continue;
    const FieldSpec& f = m_spec.fields[k];
    if (config.absent.count(f.name)) {
      if (f.required)
        throw DataError("dataset.json states " + m_spec.name + "." + f.name + " absent (null), but every " +
                        m_spec.name + " needs it");
      m.how = "absent";
      m_issues.add(Severity::warning, "field_absent", m_spec.name, "",
                   m_display + ": dataset.json states the data has no " + f.name +
                       "; the figures that need it stay empty (shown as —)");
      continue;
    }
    int idx = find(f.name);
    std::string how = "name";
    if (idx < 0 && f.name.size() > 10) {
      idx = find(f.name.substr(0, 10));
      how = "dbf-name";
    }
    if (idx >= 0) {
      m = FieldMatch{f.name, idx, names[static_cast<std::size_t>(idx)], how};
      used[static_cast<std::size_t>(idx)] = true;
    }
  }
  // Pass 2: known aliases (cadastral abbreviations, Chinese names, and their 10-byte DBF forms).
  for (std::size_t k = 0; k < m_spec.fields.size(); ++k) {
    FieldMatch& m = m_matches[k];
    if (m.source_index >= 0 || m.how == "absent") continue;
    const FieldSpec& f = m_spec.fields[k];
    std::vector<int> hits;
    for (const std::string& alias : f.aliases) {
      int idx = find(alias);
      if (idx < 0 && dbf_form(alias) != alias) idx = find(dbf_form(alias));
      // A UTF-8 DBF cuts the name at 10 bytes, which may fall inside a character ("宗地代码" → "宗地代" and
      // one byte of "码").
      if (idx < 0 && alias.size() > 10) idx = find(alias.substr(0, 10));
      if (idx >= 0 && std::find(hits.begin(), hits.end(), idx) == hits.end()) hits.push_back(idx);
    }
    if (hits.empty()) continue;
    m = FieldMatch{f.name, hits[0], names[static_cast<std::size_t>(hits[0])], "alias"};
    used[static_cast<std::size_t>(hits[0])] = true;
    if (hits.size() > 1) {
      std::vector<std::string> candidates;
      for (int h : hits) candidates.push_back(names[static_cast<std::size_t>(h)]);
      m_issues.add(Severity::warning, "ambiguous_field", m_spec.name, "",
                   m_display + ": fields " + join(candidates) + " could each be " + f.name + "; used " + m.source_name +
                       ". To choose another, map it in dataset.json: \"layers\": {\"" + m_spec.name +
                       "\": {\"fields\": {\"" + f.name + "\": \"FIELD\"}}}");
    }
  }

  std::vector<std::string> missing;
  for (std::size_t k = 0; k < m_spec.fields.size(); ++k)
    if (m_spec.fields[k].required && m_matches[k].source_index < 0) missing.push_back(m_spec.fields[k].name);
  if (!missing.empty()) {
    const FieldSpec& first = *m_spec.field(missing[0]);
    throw DataError(m_display + " (layer " + m_spec.name + ") has no field for " + join(missing) +
                    " (looked for " + first.name + (first.aliases.empty() ? "" : ", " + join(first.aliases)) +
                    "); its fields are: " + (names.empty() ? "(none)" : join(names)) +
                    ". Rename the field or map it in dataset.json: \"layers\": {\"" + m_spec.name +
                    "\": {\"fields\": {\"" + first.name + "\": \"YOUR_FIELD\"}}}");
  }
  for (const std::string& name : model::needed_for_indicators(m_spec.name)) {
    const FieldSpec* f = m_spec.field(name);
    const FieldMatch& m = m_matches[static_cast<std::size_t>(f - m_spec.fields.data())];
    if (m.source_index >= 0 || m.how == "absent") continue;
    throw DataError(m_display + " (layer " + m_spec.name + ") has no field for " + name + " (looked for " + name +
                    (f->aliases.empty() ? "" : ", " + join(f->aliases)) + "); the 亩均 figures and the grading need it. " +
                    "Its fields are: " + (names.empty() ? "(none)" : join(names)) +
                    ". Add the column, map it in dataset.json, or state that the data has none: \"layers\": {\"" +
                    m_spec.name + "\": {\"fields\": {\"" + name + "\": null}}}");
  }
}

const OGRSpatialReference* SourceReader::declared_srs() const { return m_layer->GetSpatialRef(); }

bool SourceReader::crs_is_format_default() const {
  if (!m_ds || !m_ds->GetDriver() || std::string(m_ds->GetDriver()->GetDescription()) != "GeoJSON") return false;
  // GDAL does not say whether the CRS came from a "crs" member; the member is written before the features,
  // so the head of the file tells. (A property named "crs" there makes this answer false: the declared
  // CRS is then used, as for any other format.)
  std::ifstream f(m_path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  f.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(f.gcount()));
  return head.find("\"crs\"") == std::string::npos;
}

bool SourceReader::extent(double* minx, double* miny, double* maxx, double* maxy) const {
  if (feature_count() == 0) return false;  // an empty layer has no extent (GDAL reports 0,0 - 0,0)
  OGREnvelope env;
  if (m_layer->GetExtent(&env, TRUE) != OGRERR_NONE) return false;
  *minx = env.MinX;
  *miny = env.MinY;
  *maxx = env.MaxX;
  *maxy = env.MaxY;
  return true;
}

long long SourceReader::feature_count() const { return m_layer->GetFeatureCount(TRUE); }

namespace {

// Line breaks in a file (a CSV source's records plus its header), read in large blocks; -1 when unreadable.
long long count_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return -1;
  std::vector<char> block(1 << 20);
  long long lines = 0;
  char last = '\n';
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    lines += std::count(block.data(), block.data() + n, '\n');
    last = block[n - 1];
  }
  return lines + (last == '\n' ? 0 : 1);  // a last line without a line break
}

}  // namespace

long long SourceReader::feature_count_estimate() const {
  if (m_count_estimate >= 0) return m_count_estimate;
  long long n = -1;
  if (EQUAL(m_ds->GetDriverName(), "CSV")) {  // OGR's CSV driver parses every record to count them
    const long long lines = count_lines(m_path);
    if (lines >= 0) n = std::max(0LL, lines - 1);
  }
  if (n < 0) n = feature_count();
  m_count_estimate = n;
  return n;
}

// Not-a-number, infinities and magnitudes no land record has (over 1e12: more than the area of China in
// m², more money than any budget in 万元) are recorded and read as missing; so are negative areas,
// amounts and counts (fields with a unit, and floors).
bool SourceReader::usable_number(double v, const FieldMatch& m, const FieldSpec& f, long long fid,
                                 const std::string& label, const std::string* text) {
  std::string why;
  if (!std::isfinite(v)) why = "is not a finite number";
  else if (std::fabs(v) > 1e12) why = "is beyond any plausible value (over 10^12)";
  else if (v < 0 && (!f.unit.empty() || f.type == FieldType::integer)) why = "is negative";
  if (why.empty()) return true;
  m_issues.add(Severity::warning, why == "is negative" ? "negative_value" : "bad_number", m_spec.name, label,
               m_display + " feature " + std::to_string(fid) + ": " + m.source_name + " = " +
                   (text ? *text : std::to_string(v)) + " " + why +
                   "; " + f.name + " left empty");
  return false;
}

store::Value SourceReader::convert(const void* feature_ptr, const FieldMatch& m, const FieldSpec& f,
                                   long long fid, const std::string& label) {
  const auto* feature = static_cast<const OGRFeature*>(feature_ptr);
  if (m.source_index < 0 || !feature->IsFieldSetAndNotNull(m.source_index)) return {};
  const OGRFieldType src_type = feature->GetFieldDefnRef(m.source_index)->GetType();
  const bool numeric_source = src_type == OFTInteger || src_type == OFTInteger64 || src_type == OFTReal;
  // Fast path: numbers and dates stored as such need no text formatting and parsing.
  if (numeric_source && (f.type == FieldType::integer || f.type == FieldType::real)) {
    const double v = feature->GetFieldAsDouble(m.source_index);
    if (!usable_number(v, m, f, fid, label, nullptr)) return {};
    if (f.type == FieldType::integer) return static_cast<std::int64_t>(std::llround(v));
    return v;
  }
  if ((src_type == OFTDate || src_type == OFTDateTime) && f.type == FieldType::date) {
    int y = 0, mo = 0, da = 0, h = 0, mi = 0, tz = 0;
    float sec = 0;
    if (feature->GetFieldAsDateTime(m.source_index, &y, &mo, &da, &h, &mi, &sec, &tz) && y > 0) {
      const Date d{y, mo, da};
      if (parse_date(d.iso())) return d.iso();
    }
  }
  std::string text = feature->GetFieldAsString(m.source_index);
  if (m_encoding.recode_strings && src_type == OFTString) {
    bool lossy = false;
    text = recode_to_utf8(text, m_encoding.name, &lossy);
    if (lossy)
      m_issues.add(Severity::warning, "bad_text", m_spec.name, label,
                   m_display + " feature " + std::to_string(fid) + ": " + m.source_name +
                       " holds bytes that are not valid " + m_encoding.name + "; they were replaced by U+FFFD");
  } else if (src_type == OFTString && !is_valid_utf8(text)) {
    bool lossy = false;
    text = recode_to_utf8(text, "UTF-8", &lossy);
    m_issues.add(Severity::warning, "bad_text", m_spec.name, label,
                 m_display + " feature " + std::to_string(fid) + ": " + m.source_name +
                     " is not valid text in " + m_encoding.name + "; bad bytes were replaced by U+FFFD");
  }
  const std::string t = trim(text);
  if (t.empty()) return {};

  switch (f.type) {
    case FieldType::text:
      if (src_type == OFTReal) {
        // Ids stored as numbers: 1234.0 -> "1234".
        const double d = feature->GetFieldAsDouble(m.source_index);
        if (d == std::floor(d) && std::fabs(d) < 9e15) return std::to_string(static_cast<long long>(d));
      }
      return t;
    case FieldType::integer:
    case FieldType::real: {
      std::optional<double> v;
      if (src_type == OFTInteger || src_type == OFTInteger64 || src_type == OFTReal)
        v = feature->GetFieldAsDouble(m.source_index);
      else
        v = parse_number(t);
      if (!v) {
        m_issues.add(Severity::warning, "bad_number", m_spec.name, label,
                     m_display + " feature " + std::to_string(fid) + ": " + m.source_name + " = \"" + t +
                         "\" is not a number; " + f.name + " left empty");
        return {};
      }
      if (!usable_number(*v, m, f, fid, label, &t)) return {};
      if (f.type == FieldType::integer) return static_cast<std::int64_t>(std::llround(*v));
      return *v;
    }
    case FieldType::date: {
      // Date fields were taken above; here the date is text (or a Date field GDAL could not read).
      const std::optional<Date> d = parse_date(t);
      if (!d) {
        m_issues.add(Severity::warning, "bad_date", m_spec.name, label,
                     m_display + " feature " + std::to_string(fid) + ": " + m.source_name + " = \"" + t +
                         "\" is not a date (write dates as 2020-03-01); " + f.name + " left empty");
        return {};
      }
      return d->iso();
    }
  }
  return {};
}

void SourceReader::read(const std::function<void(SourceFeature&)>& fn) {
  m_layer->ResetReading();
  const FieldSpec* id_spec = m_spec.field(m_spec.id_field);
  const std::size_t id_index = static_cast<std::size_t>(id_spec - m_spec.fields.data());
  SourceFeature out;
  std::map<long long, const std::string*> damaged;
  if (m_shp_check)
    for (const DamagedRecord& d : m_shp_check->damaged) damaged[d.fid] = &d.reason;
  // GDAL's messages while reading (CPLError) are collected per feature and become issues.
  GdalMessages collector;
  const auto flush_messages = [&](long long fid) {
    for (const std::string& msg : collector.messages())
      m_issues.add(Severity::warning, "read_error", m_spec.name, "fid:" + std::to_string(fid),
                   m_display + " feature " + std::to_string(fid) + ": GDAL reported: " + msg);
    collector.clear();
  };
  for (auto& feature : *m_layer) {
    out.fid = feature->GetFID();
    if (auto it = damaged.find(out.fid); it != damaged.end()) {
      ++m_unreadable;
      collector.clear();
      m_issues.add(Severity::error, "unreadable_record", m_spec.name, "fid:" + std::to_string(out.fid),
                   m_display + " record " + std::to_string(out.fid) + " cannot be read: " + *it->second +
                       "; skipped (--skip-unreadable)");
      continue;
    }
    flush_messages(out.fid);
    out.values.assign(m_spec.fields.size(), store::Value{});
    // The id first, so that messages about the other fields can name the feature.
    std::string label = "fid:" + std::to_string(out.fid);
    out.values[id_index] = convert(feature.get(), m_matches[id_index], *id_spec, out.fid, label);
    if (const auto* s = std::get_if<std::string>(&out.values[id_index])) label = *s;
    for (std::size_t k = 0; k < m_spec.fields.size(); ++k)
      if (k != id_index) out.values[k] = convert(feature.get(), m_matches[k], m_spec.fields[k], out.fid, label);
    out.geometry = feature->GetGeometryRef();
    fn(out);
    flush_messages(out.fid);  // raised while the caller handled it (e.g. PROJ while reprojecting)
  }
  flush_messages(out.fid + 1);
}

}  // namespace parkgis::io
