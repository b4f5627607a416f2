#include "libgis/export/writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <sys/statvfs.h>
#include <unistd.h>
#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "libgis/core/dates.h"
#include "libgis/core/errors.h"
#include "libgis/export/dbf_names.h"
#include "libgis/io/gdal_messages.h"
#include "libgis/export/text_codec.h"

namespace parkgis::exporter {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Why writing `path` failed: a full disk or an unwritable folder first (GDAL then reports a misleading
// ".shp file is unreadable, or corrupt"), else GDAL's last message.
std::string write_failure(const io::GdalMessages& messages, const std::string& path) {
  std::string disk;
  const fs::path folder = fs::absolute(path).parent_path();
  struct statvfs st {};
  if (::access(folder.c_str(), W_OK) != 0)
    disk = "the folder " + folder.string() + " is not writable";
  else if (::statvfs(folder.c_str(), &st) == 0 && std::uint64_t(st.f_bavail) * st.f_frsize < (1u << 20))
    disk = "the disk holding " + folder.string() + " is full (" + std::to_string(std::uint64_t(st.f_bavail) * st.f_frsize / 1024) +
           " KiB free); free some space";
  const std::string gdal = messages.messages().empty() ? "" : messages.messages().back();
  if (!disk.empty()) return disk + (gdal.empty() ? "" : " (GDAL: " + gdal + ")");
  return gdal.empty() ? "GDAL gave no reason; check that the folder is writable and has free space" : gdal;
}

}  // namespace

int precision_cap(const std::string& name) {
  if (ends_with(name, "_m2") || name == "floor_area" || name == "vacant_area" || name == "registered_area") return 2;
  if (ends_with(name, "_mu") || ends_with(name, "_wan") || ends_with(name, "_per_mu")) return 4;
  return 6;
}

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s == "-0" || (s.rfind("-0.", 0) == 0 && s.find_first_not_of("-0.") == std::string::npos)) s.erase(0, 1);
  return s;
}

std::optional<double> as_double(const store::Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return std::isfinite(*d) ? std::optional<double>(*d) : std::nullopt;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    char* end = nullptr;
    const double d = std::strtod(s->c_str(), &end);
    if (!s->empty() && end && *end == '\0' && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

std::optional<std::int64_t> as_int(const store::Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto d = as_double(v); d && std::floor(*d) == *d && std::fabs(*d) < 9.2e18)
    return static_cast<std::int64_t>(*d);
  return std::nullopt;
}

// Text cut to `limit` bytes in `encoding` at a character boundary.
std::string cut_text(const std::string& text, const std::string& encoding, std::size_t limit) {
  std::string out;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_char_length(static_cast<unsigned char>(text[i]));
    const std::string ch = text.substr(i, n);
    const std::size_t b = ch.size() == 1 ? 1 : encoded_length(ch, encoding);
    if (bytes + b > limit) break;
    out += ch;
    bytes += b;
    i += n;
  }
  return out;
}

std::string feature_name(const OutLayer& layer, std::size_t k) {
  const OutFeature& f = layer.features[k];
  return f.id.empty() ? "#" + std::to_string(k + 1) : f.id;
}

// Every text value and field name must be representable: list what is not, then stop.
void check_encodable(const OutLayer& layer, const std::string& encoding, const std::string& what) {
  if (encoding == "UTF-8") return;
  std::vector<std::string> problems;
  std::size_t count = 0;
  for (const OutField& f : layer.fields) {
    if (const std::string bad = unencodable_chars(f.out_name, encoding); !bad.empty()) {
      ++count;
      problems.push_back("field name " + f.out_name + ": " + bad);
    }
  }
  for (std::size_t k = 0; k < layer.features.size(); ++k) {
    for (std::size_t i = 0; i < layer.fields.size() && i < layer.features[k].values.size(); ++i) {
      const auto* s = std::get_if<std::string>(&layer.features[k].values[i]);
      if (!s) continue;
      const std::string bad = unencodable_chars(*s, encoding);
      if (bad.empty()) continue;
      ++count;
      if (problems.size() >= 30) continue;
      std::string cps;
      for (std::size_t j = 0; j < bad.size();) {
        const std::size_t n = utf8_char_length(static_cast<unsigned char>(bad[j]));
        cps += (cps.empty() ? "" : " ") + code_point(bad.substr(j, n));
        j += n;
      }
      problems.push_back("feature " + feature_name(layer, k) + ", field " + layer.fields[i].name + ": '" + bad + "' (" +
                         cps + ") in \"" + *s + "\"");
    }
  }
  if (problems.empty()) return;
  std::string msg = what + " cannot hold " + std::to_string(count) + (count == 1 ? " value" : " values") +
                    "; nothing was written:";
  for (const std::string& p : problems) msg += "\n  " + p;
  if (count > problems.size()) msg += "\n  ... and " + std::to_string(count - problems.size()) + " more";
  msg += "\nWrite with --encoding UTF-8 (or --format gpkg), or correct the text in the source data.";
  throw DataError(msg);
}

// Names, widths and precisions the output will use.
void plan_fields(OutLayer& layer, const WriteOptions& options, WriteResult& result) {
  const bool dbf = options.format == Format::shp;
  std::vector<std::string> names;
  for (const OutField& f : layer.fields) names.push_back(f.name);
  if (dbf) names = dbf_names(names, options.encoding);
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    OutField& f = layer.fields[i];
    f.out_name = names[i];
    f.width = 0;
    f.precision = 0;
    if (!dbf) continue;
    switch (f.type) {
      case store::ColumnType::text: {
        std::size_t w = 1;
        for (OutFeature& feat : layer.features) {
          auto* s = std::get_if<std::string>(&feat.values[i]);
          if (!s) continue;
          std::size_t n = encoded_length(*s, options.encoding);
          if (n > 254) {
            *s = cut_text(*s, options.encoding, 254);
            n = encoded_length(*s, options.encoding);
            result.warnings.push_back("feature " + feat.id + ", field " + f.name +
                                      ": text cut to 254 bytes, the most a DBF field holds (--format gpkg keeps it whole)");
          }
          w = std::max(w, n);
        }
        f.width = static_cast<int>(std::min<std::size_t>(254, std::max<std::size_t>(w, static_cast<std::size_t>(f.min_width))));
        break;
      }
      case store::ColumnType::integer: {
        std::size_t w = 1;
        for (const OutFeature& feat : layer.features)
          if (const auto n = as_int(feat.values[i])) w = std::max(w, std::to_string(*n).size());
        f.width = std::max(static_cast<int>(w), f.min_width);
        break;
      }
      case store::ColumnType::real: {
        const int cap = precision_cap(f.name);
        int p = 1;
        for (const OutFeature& feat : layer.features) {
          const auto d = as_double(feat.values[i]);
          if (!d) continue;
          std::string s = fixed(*d, cap);
          while (!s.empty() && s.back() == '0') s.pop_back();
          const std::size_t dot = s.find('.');
          if (dot != std::string::npos) p = std::max(p, static_cast<int>(s.size() - dot - 1));
        }
        std::size_t w = static_cast<std::size_t>(p) + 2;
        for (const OutFeature& feat : layer.features)
          if (const auto d = as_double(feat.values[i])) w = std::max(w, fixed(*d, p).size());
        f.precision = p;
        f.width = std::max(static_cast<int>(w), f.min_width);
        break;
      }
      case store::ColumnType::date: f.width = 8; break;
    }
  }
}

// KML (LIBKML) has no date type in its schemas: dates are written as ISO text there.
OGRFieldType ogr_type(const OutField& f, const OutLayer& layer, std::size_t i, Format format) {
  switch (f.type) {
    case store::ColumnType::text: return OFTString;
    case store::ColumnType::real: return OFTReal;
    case store::ColumnType::date: return format == Format::kml ? OFTString : OFTDate;
    case store::ColumnType::integer:
      for (const OutFeature& feat : layer.features)
        if (const auto n = as_int(feat.values[i]); n && (*n > 2147483647 || *n < -2147483647)) return OFTInteger64;
      return f.width > 9 ? OFTInteger64 : OFTInteger;
  }
  return OFTString;
}

std::unique_ptr<OGRSpatialReference> srs_of(int epsg) {
  auto srs = std::make_unique<OGRSpatialReference>();
  if (srs->importFromEPSG(epsg) != OGRERR_NONE) throw UsageError("EPSG:" + std::to_string(epsg) + " is not a CRS that PROJ knows");
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

void set_value(OGRFeature& feature, int index, const OutField& field, const store::Value& v) {
  if (store::is_null(v)) {
    feature.SetFieldNull(index);
    return;
  }
  switch (field.type) {
    case store::ColumnType::text: {
      const std::string s = store::value_text(v);
      if (s.empty()) feature.SetFieldNull(index);
      else feature.SetField(index, s.c_str());
      return;
    }
    case store::ColumnType::integer:
      if (const auto n = as_int(v)) feature.SetField(index, static_cast<GIntBig>(*n));
      else feature.SetFieldNull(index);
      return;
    case store::ColumnType::real:
      if (const auto d = as_double(v)) feature.SetField(index, field.precision > 0 ? std::stod(fixed(*d, field.precision)) : *d);
      else feature.SetFieldNull(index);
      return;
    case store::ColumnType::date:
      if (const auto d = parse_date(store::value_text(v))) {
        if (feature.GetFieldDefnRef(index)->GetType() == OFTString) feature.SetField(index, d->iso().c_str());
        else feature.SetField(index, d->year, d->month, d->day, 0, 0, 0.0f, 0);
      } else {
        feature.SetFieldNull(index);
      }
      return;
  }
}

void remove_existing(const std::string& path, Format format) {
  std::error_code ec;
  if (format == Format::shp) {
    for (const std::string& p : shapefile_parts(path)) fs::remove(p, ec);
    for (const char* ext : {".qix", ".sbn", ".sbx"}) fs::remove(fs::path(path).replace_extension(ext), ec);
  } else {
    fs::remove(path, ec);
  }
}

void patch_ldid(const std::string& shp_path) {
  const std::string dbf = fs::path(shp_path).replace_extension(".dbf").string();
  std::fstream f(dbf, std::ios::in | std::ios::out | std::ios::binary);
  if (!f) throw DataError("cannot open " + dbf + " to set its language byte");
  f.seekp(29);
  f.put(static_cast<char>(0x4D));
  if (!f) throw DataError("cannot write the language byte of " + dbf);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  f.close();
  if (!f) throw DataError("cannot write " + path + " (is the folder writable, the disk full?)");
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

Format parse_format(const std::string& name) {
  const std::string n = lower(name);
  if (n == "shp" || n == "shapefile" || n == "esri shapefile") return Format::shp;
  if (n == "gpkg" || n == "geopackage") return Format::gpkg;
  if (n == "geojson" || n == "json") return Format::geojson;
  if (n == "csv") return Format::csv;
  if (n == "kml") return Format::kml;
  throw UsageError("unknown format '" + name + "'; the formats are shp, gpkg, geojson, csv, kml");
}

const char* format_name(Format f) {
  switch (f) {
    case Format::shp: return "shp";
    case Format::gpkg: return "gpkg";
    case Format::geojson: return "geojson";
    case Format::csv: return "csv";
    case Format::kml: return "kml";
  }
  return "shp";
}

const char* format_extension(Format f) {
  switch (f) {
    case Format::shp: return ".shp";
    case Format::gpkg: return ".gpkg";
    case Format::geojson: return ".geojson";
    case Format::csv: return ".csv";
    case Format::kml: return ".kml";
  }
  return ".shp";
}

std::optional<Format> format_of_path(const std::string& path) {
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".shp" || ext == ".dbf") return Format::shp;
  if (ext == ".gpkg") return Format::gpkg;
  if (ext == ".geojson" || ext == ".json") return Format::geojson;
  if (ext == ".csv") return Format::csv;
  if (ext == ".kml") return Format::kml;
  return std::nullopt;
}

std::string parse_encoding(const std::string& name) {
  std::string n = lower(name);
  n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
  if (n == "gbk" || n == "cp936" || n == "936") return "CP936";
  if (n == "utf8") return "UTF-8";
  throw UsageError("unknown encoding '" + name + "'; use GBK (CP936, the default for shapefiles) or UTF-8");
}

bool is_kml_standard_field(const std::string& name) {
  for (const char* f : {"Name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate", "extrude",
                        "visibility", "drawOrder", "icon"})
    if (name == f) return true;
  return false;
}

std::vector<std::string> shapefile_parts(const std::string& shp_path) {
  std::vector<std::string> out;
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) out.push_back(fs::path(shp_path).replace_extension(ext).string());
  return out;
}

WriteResult write_layer(const std::string& path, OutLayer& layer, const WriteOptions& options) {
  WriteResult result;
  const bool text_encoded = options.format == Format::shp || options.format == Format::csv;
  const std::string encoding = text_encoded ? options.encoding : "UTF-8";
  const std::string encoding_name = encoding == "CP936" ? "GBK (CP936)" : encoding;
  plan_fields(layer, WriteOptions{options.format, encoding, options.target_epsg}, result);
  check_encodable(layer, encoding, encoding_name);

  int out_epsg = options.target_epsg.value_or(layer.srid);
  if (options.format == Format::kml) out_epsg = 4326;
  result.output_epsg = layer.spatial ? out_epsg : 0;
  std::unique_ptr<OGRSpatialReference> src, dst;
  std::unique_ptr<OGRCoordinateTransformation> ct;
  if (layer.spatial) {
    src = srs_of(layer.srid);
    dst = srs_of(out_epsg);
    if (out_epsg != layer.srid) {
      ct.reset(OGRCreateCoordinateTransformation(src.get(), dst.get()));
      if (!ct) throw DataError("no transformation from EPSG:" + std::to_string(layer.srid) + " to EPSG:" + std::to_string(out_epsg));
    }
  }

  io::GdalMessages messages;
  remove_existing(path, options.format);
  const char* driver_name = "ESRI Shapefile";
  std::vector<std::string> lco;
  switch (options.format) {
    case Format::shp: driver_name = "ESRI Shapefile"; lco.push_back("ENCODING=" + encoding); break;
    case Format::gpkg: driver_name = "GPKG"; break;
    case Format::geojson: driver_name = "GeoJSON"; break;
    case Format::csv:
      driver_name = "CSV";
      if (layer.spatial) lco.push_back("GEOMETRY=AS_WKT");
      if (encoding == "UTF-8") lco.push_back("WRITE_BOM=YES");
      break;
    case Format::kml: driver_name = "LIBKML"; break;
  }
  static const bool registered = [] {
    GDALAllRegister();
    return true;
  }();
  (void)registered;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw DataError(std::string("this GDAL has no ") + driver_name + " driver");
  std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw DataError("cannot create " + path + ": " + write_failure(messages, path));
  std::vector<const char*> lco_ptrs;
  for (const std::string& o : lco) lco_ptrs.push_back(o.c_str());
  lco_ptrs.push_back(nullptr);
  OGRLayer* out = ds->CreateLayer(layer.name.c_str(), layer.spatial ? dst.get() : nullptr,
                                  layer.spatial ? wkbMultiPolygon : wkbNone, const_cast<char**>(lco_ptrs.data()));
  if (!out) throw DataError("cannot create the layer in " + path + ": " + write_failure(messages, path));
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const OutField& f = layer.fields[i];
    OGRFieldDefn defn(f.out_name.c_str(), ogr_type(f, layer, i, options.format));
    if (f.width > 0) defn.SetWidth(f.width);
    if (f.precision > 0) defn.SetPrecision(f.precision);
    if (options.format == Format::gpkg && !f.label.zh.empty()) defn.SetAlternativeName(f.label.zh.c_str());
    if (out->CreateField(&defn, FALSE) != OGRERR_NONE)
      throw DataError("cannot create the field " + f.out_name + " in " + path + ": " + write_failure(messages, path));
  }
  const bool transaction = ds->StartTransaction() == OGRERR_NONE;
  for (std::size_t k = 0; k < layer.features.size(); ++k) {
    const OutFeature& feat = layer.features[k];
    OGRFeature feature(out->GetLayerDefn());
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
      set_value(feature, static_cast<int>(i), layer.fields[i], i < feat.values.size() ? feat.values[i] : store::Value{});
    if (layer.spatial && !feat.wkb.empty()) {
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkb(feat.wkb.data(), nullptr, &g, feat.wkb.size()) != OGRERR_NONE || !g)
        throw DataError("feature " + feature_name(layer, k) + ": its geometry in the database cannot be read");
      std::unique_ptr<OGRGeometry> geom(g);
      if (ct && geom->transform(ct.get()) != OGRERR_NONE)
        throw DataError("feature " + feature_name(layer, k) + ": cannot transform to EPSG:" + std::to_string(out_epsg));
      feature.SetGeometryDirectly(geom.release());
    }
    if (!feat.style.empty()) feature.SetStyleString(feat.style.c_str());
    if (out->CreateFeature(&feature) != OGRERR_NONE)
      throw DataError("cannot write feature " + feature_name(layer, k) + " to " + path + ": " + write_failure(messages, path));
  }
  if (transaction && ds->CommitTransaction() != OGRERR_NONE)
    throw DataError("cannot write " + path + ": " + write_failure(messages, path));
  ds.reset();  // closes and flushes: a full disk often shows only here
  if (messages.failed() || !fs::exists(path)) throw DataError("cannot write " + path + ": " + write_failure(messages, path));

  if (options.format == Format::shp) {
    const std::string cpg = fs::path(path).replace_extension(".cpg").string();
    if (encoding == "CP936") {
      patch_ldid(path);
      write_file(cpg, "936");
    } else {
      write_file(cpg, "UTF-8");
    }
    for (const std::string& p : shapefile_parts(path)) {
      if (!fs::exists(p)) throw DataError("GDAL did not write " + p);
      result.files.push_back(p);
    }
  } else {
    if (options.format == Format::csv && encoding == "CP936") {
      const auto bytes = encode_utf8(read_file(path), encoding);
      if (!bytes) throw DataError("cannot recode " + path + " to GBK");
      write_file(path, *bytes);
    }
    result.files.push_back(path);
  }
  return result;
}

}  // namespace parkgis::exporter
