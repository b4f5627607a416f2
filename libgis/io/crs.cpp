#include "libgis/io/crs.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_core.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "libgis/core/errors.h"

namespace parkgis::io {
namespace {

constexpr int kCgcs2000Geographic = 4490;

struct SrsRelease {
  void operator()(OGRSpatialReference* srs) const {
    if (srs) srs->Release();
  }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsRelease>;

struct CtDestroy {
  void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};
using CtPtr = std::unique_ptr<OGRCoordinateTransformation, CtDestroy>;

// Keeps GDAL/PROJ from printing errors while we probe (unknown codes, failed identifications).
class QuietErrors {
 public:
  QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

SrsPtr traditional(OGRSpatialReference* srs) {
  SrsPtr p(srs);
  if (p) p->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return p;
}

SrsPtr from_epsg(int code) {
  QuietErrors quiet;
  SrsPtr srs = traditional(new OGRSpatialReference());
  if (srs->importFromEPSG(code) != OGRERR_NONE) return nullptr;
  return srs;
}

std::optional<int> authority_epsg(const OGRSpatialReference& srs) {
  const char* name = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (!name || !code || !EQUAL(name, "EPSG")) return std::nullopt;
  const int c = std::atoi(code);
  return c > 0 ? std::optional<int>(c) : std::nullopt;
}

std::string epsg_text(int code) { return "EPSG:" + std::to_string(code); }

// Plain numbers: metres without decimals, degrees with up to 6 significant digits.
std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, std::fabs(v) >= 1000 ? "%.0f" : "%.6g", v);
  return buf;
}

std::string range(const char* what, double lo, double hi) { return std::string(what) + " " + num(lo) + ".." + num(hi); }

std::string lonlat_text(double lon, double lat) { return "lon " + num(lon) + ", lat " + num(lat); }

std::string box_text(const LonLatBox& b) {
  return num(b.west) + ".." + num(b.east) + " E, " + num(b.south) + ".." + num(b.north) + " N";
}

bool usable(const OGREnvelope& e) {
  return e.IsInit() && std::isfinite(e.MinX) && std::isfinite(e.MaxX) && std::isfinite(e.MinY) &&
         std::isfinite(e.MaxY) && e.MinX <= e.MaxX && e.MinY <= e.MaxY;
}

bool inside(const LonLatBox& b, double margin, double lon, double lat) {
  const bool lon_ok = b.west <= b.east ? lon >= b.west - margin && lon <= b.east + margin
                                       : lon >= b.west - margin || lon <= b.east + margin;  // across 180
  return lon_ok && lat >= b.south - margin && lat <= b.north + margin;
}

// CGCS2000 Gauss-Kruger families in EPSG (docs/dataset-format.md):
//   3-degree: zones 25..45 with prefix 4513..4533, CM 75E..135E without prefix 4534..4554;
//   6-degree: zones 13..23 with prefix 4491..4501, CM 75E..135E without prefix 4502..4512.
int prefixed_epsg(int zone) {
  if (zone >= 25 && zone <= 45) return 4513 + zone - 25;
  if (zone >= 13 && zone <= 23) return 4491 + zone - 13;
  return 0;
}

int unprefixed_epsg(double cm, bool six_degree) {
  const double zone = six_degree ? (cm + 3) / 6 : cm / 3;
  const int z = static_cast<int>(std::lround(zone));
  if (std::fabs(zone - z) > 1e-9) return 0;
  if (six_degree) return z >= 13 && z <= 23 ? 4502 + z - 13 : 0;
  return z >= 25 && z <= 45 ? 4534 + z - 25 : 0;
}

// Transverse Mercator parameters of a projected CRS; is_tmerc false for anything else.
struct Tmerc {
  bool is_tmerc = false;
  bool cgcs2000 = false;
  bool six_degree = false;
  double cm = 0;
  int prefix = 0;  // zone number carried by the false easting (40 for 40 500 000), 0 for none
};

Tmerc tmerc_of(const OGRSpatialReference& srs, std::optional<int> code) {
  Tmerc t;
  const char* projection = srs.GetAttrValue("PROJECTION");
  if (!srs.IsProjected() || !projection || !EQUAL(projection, SRS_PT_TRANSVERSE_MERCATOR)) return t;
  t.is_tmerc = true;
  t.cm = srs.GetNormProjParm(SRS_PP_CENTRAL_MERIDIAN, 0.0);
  const double fe = srs.GetNormProjParm(SRS_PP_FALSE_EASTING, 0.0);
  const double zone = (fe - 500000.0) / 1e6;
  if (fe >= 1e6 && std::fabs(zone - std::round(zone)) < 1e-9) t.prefix = static_cast<int>(std::lround(zone));
  t.six_degree = (t.prefix >= 13 && t.prefix <= 23) || (code && *code >= 4502 && *code <= 4512);
  const char* datum = srs.GetAttrValue("DATUM");
  const std::string d = datum ? datum : "";
  t.cgcs2000 = d.find("China_2000") != std::string::npos || d.find("China 2000") != std::string::npos ||
               d.find("CGCS2000") != std::string::npos;
  return t;
}

// The EPSG code of the CGCS2000 GK CRS of the same family (3/6 degree, prefix or not) for central meridian cm.
int same_family_epsg(const Tmerc& t, double cm) {
  if (t.prefix == 0) return unprefixed_epsg(cm, t.six_degree);
  return prefixed_epsg(static_cast<int>(std::lround(t.six_degree ? (cm + 3) / 6 : cm / 3)));
}

std::optional<LonLatBox> area_of_use(const OGRSpatialReference& srs, std::optional<int> code) {
  LonLatBox b;
  const char* name = nullptr;
  if (srs.GetAreaOfUse(&b.west, &b.south, &b.east, &b.north, &name) && b.west > -1000) return b;
  if (!code) return std::nullopt;
  SrsPtr official = from_epsg(*code);
  if (official && official->GetAreaOfUse(&b.west, &b.south, &b.east, &b.north, &name) && b.west > -1000) return b;
  return std::nullopt;
}

CrsFit not_ok(std::string problem, std::string suggestion) {
  CrsFit f;
  f.ok = false;
  f.problem = std::move(problem);
  f.suggestion = std::move(suggestion);
  return f;
}

// Zone number carried by both ends of the eastings (40 for 40 353 000..40 572 000), 0 when none or mixed.
int easting_prefix(const OGREnvelope& e) {
  if (e.MinX < 1e6) return 0;
  const int lo = static_cast<int>(std::floor(e.MinX / 1e6));
  return lo == static_cast<int>(std::floor(e.MaxX / 1e6)) ? lo : 0;
}

CrsFit check_geographic(const OGREnvelope& e, const std::string& crs) {
  const double ax = std::max(std::fabs(e.MinX), std::fabs(e.MaxX));
  const double ay = std::max(std::fabs(e.MinY), std::fabs(e.MaxY));
  if (ax <= 360 && ay <= 90) return {};
  std::string problem = "coordinates look like metres (" + range("eastings", e.MinX, e.MaxX) + ", " +
                        range("northings", e.MinY, e.MaxY) + "), not degrees as " + crs + " declares";
  if (const int zone = easting_prefix(e); prefixed_epsg(zone) != 0)
    return not_ok(problem + "; the eastings carry the zone prefix " + std::to_string(zone),
                  epsg_text(prefixed_epsg(zone)));
  if (e.MinX > 0 && e.MaxX < 1e6 && e.MinY >= 0 && e.MaxY <= 1e7) {
    if (e.MinY >= 2.8e6 && e.MaxY <= 3.2e6)
      return not_ok(problem + "; the northings fit Ningde, so Gauss-Kruger CM 120E is assumed", epsg_text(4549));
    return not_ok(problem + "; metres alone do not tell the central meridian",
                  "a CGCS2000 3-degree Gauss-Kruger CRS (EPSG:4534\u20134554)");
  }
  return not_ok(problem, "");
}

CrsFit check_projected(const OGRSpatialReference& srs, const OGREnvelope& e, const std::string& crs,
                       std::optional<int> code) {
  const std::string eastings = range("eastings", e.MinX, e.MaxX);
  if (std::max(std::fabs(e.MinX), std::fabs(e.MaxX)) <= 180 && std::max(std::fabs(e.MinY), std::fabs(e.MaxY)) <= 90) {
    SrsPtr geog(srs.CloneGeogCS());
    std::optional<int> geog_code = geog ? epsg_code(*geog) : std::nullopt;
    return not_ok("coordinates look like degrees (" + range("x", e.MinX, e.MaxX) + ", " + range("y", e.MinY, e.MaxY) +
                      "), not metres as " + crs + " declares",
                  epsg_text(geog_code.value_or(kCgcs2000Geographic)));
  }
  const Tmerc t = tmerc_of(srs, code);
  if (!t.is_tmerc) return {};
  const int data_prefix = easting_prefix(e);
  if (e.MaxX >= 1e6 && data_prefix != t.prefix) {
    const int suggested = t.cgcs2000 ? prefixed_epsg(data_prefix) : 0;
    const std::string expected = t.prefix == 0 ? "eastings without a zone prefix (around 500000)"
                                               : "eastings with the zone prefix " + std::to_string(t.prefix);
    const std::string found = data_prefix != 0 ? "carry a zone prefix " + std::to_string(data_prefix)
                                               : "are too large for a Gauss-Kruger zone";
    return not_ok(eastings + " " + found + ", but " + crs + " expects " + expected,
                  suggested ? epsg_text(suggested) : "");
  }
  if (t.prefix != 0 && e.MaxX < 1e6) {
    const int suggested = t.cgcs2000 ? unprefixed_epsg(t.cm, t.six_degree) : 0;
    return not_ok(eastings + " have no zone prefix, but " + crs + " expects eastings around " +
                      num(t.prefix * 1e6 + 500000) + " (zone prefix " + std::to_string(t.prefix) + ")",
                  suggested ? epsg_text(suggested) : "");
  }
  return {};
}

}  // namespace

int cgcs2000_gk3_epsg(double lon_deg) {
  if (!(lon_deg >= 73.5 && lon_deg <= 136.5))
    throw DataError("longitude " + num(lon_deg) +
                    " is outside the CGCS2000 3-degree Gauss-Kruger zones 25..45 (73.5..136.5 E)");
  const int zone = std::clamp(static_cast<int>(std::lround(lon_deg / 3.0)), 25, 45);
  return 4534 + zone - 25;
}

std::optional<int> epsg_code(const OGRSpatialReference& srs) {
  if (srs.IsEmpty()) return std::nullopt;
  if (std::optional<int> c = authority_epsg(srs)) return c;
  QuietErrors quiet;
  SrsPtr clone = traditional(srs.Clone());
  if (clone->AutoIdentifyEPSG() == OGRERR_NONE)
    if (std::optional<int> c = authority_epsg(*clone)) return c;
  SrsPtr best = traditional(srs.FindBestMatch(90, "EPSG"));  // FindMatches with confidence >= 90 %
  return best ? authority_epsg(*best) : std::nullopt;
}

std::string describe_crs(const OGRSpatialReference& srs) {
  if (srs.IsEmpty()) return "no CRS";
  if (std::optional<int> code = epsg_code(srs)) {
    SrsPtr official = from_epsg(*code);
    const char* name = official ? official->GetName() : srs.GetName();
    return epsg_text(*code) + (name ? std::string(" (") + name + ")" : "");
  }
  const char* name = srs.GetName();
  return name && *name ? name : "unnamed CRS";
}

CrsFit check_extent_fits(const OGRSpatialReference& srs, const OGREnvelope& extent) {
  if (srs.IsEmpty() || !usable(extent)) return {};
  const std::string crs = describe_crs(srs);
  const std::optional<int> code = epsg_code(srs);
  if (srs.IsGeographic()) {
    if (CrsFit f = check_geographic(extent, crs); !f.ok) return f;
  } else if (srs.IsProjected()) {
    if (CrsFit f = check_projected(srs, extent, crs, code); !f.ok) return f;
  } else {
    return {};
  }
  double lon = 0, lat = 0;
  const std::optional<LonLatBox> area = area_of_use(srs, code);
  if (!area || !extent_centre_lonlat(srs, extent, &lon, &lat) || inside(*area, 3.0, lon, lat)) return {};
  const std::string problem = "the data centre (" + lonlat_text(lon, lat) + ") lies far outside the area where " +
                              crs + " is used (" + box_text(*area) + ")";
  const Tmerc t = tmerc_of(srs, code);
  int suggested = 0;
  if (t.is_tmerc && t.cgcs2000 && lon >= 73.5 && lon <= 136.5) {
    const double cm = t.six_degree ? 6 * std::floor(lon / 6) + 3 : 3 * std::round(lon / 3);
    suggested = same_family_epsg(t, cm);
    if (code && suggested == *code) suggested = 0;
  }
  return not_ok(problem, suggested ? epsg_text(suggested) : "");
}

CrsFit check_extent_fits(const OGRSpatialReference& srs, const OGREnvelope& extent, const LonLatBox& expected_area) {
  CrsFit fit = check_extent_fits(srs, extent);
  double lon = 0, lat = 0;
  if (!fit.ok || srs.IsEmpty() || !usable(extent) || !extent_centre_lonlat(srs, extent, &lon, &lat) ||
      inside(expected_area, 0.5, lon, lat))
    return fit;
  const std::string crs = describe_crs(srs);
  const std::string problem = "read as " + crs + ", the data centre (" + lonlat_text(lon, lat) +
                              ") lies outside the project area (" + box_text(expected_area) + ")";
  const std::optional<int> code = epsg_code(srs);
  const Tmerc t = tmerc_of(srs, code);
  if (t.is_tmerc && t.cgcs2000) {
    // Gauss-Kruger zones of one family differ only by the central meridian: shifting it moves the data.
    const double centre = (expected_area.west + expected_area.east) / 2;
    const double cm = t.six_degree ? 6 * std::floor(centre / 6) + 3 : 3 * std::round(centre / 3);
    const int suggested = same_family_epsg(t, cm);
    if (suggested != 0 && cm != t.cm && inside(expected_area, 0.5, lon + cm - t.cm, lat))
      return not_ok(problem + "; with the central meridian at " + num(cm) + "E instead of " + num(t.cm) +
                        "E they would lie inside it",
                    epsg_text(suggested));
  }
  return not_ok(problem, "");
}

bool extent_centre_lonlat(const OGRSpatialReference& srs, const OGREnvelope& extent, double* lon, double* lat) {
  if (srs.IsEmpty() || !usable(extent)) return false;
  QuietErrors quiet;
  SrsPtr source = traditional(srs.Clone());
  SrsPtr target = from_epsg(kCgcs2000Geographic);
  if (!source || !target) return false;
  CtPtr ct(OGRCreateCoordinateTransformation(source.get(), target.get()));
  if (!ct) return false;
  double x = (extent.MinX + extent.MaxX) / 2;
  double y = (extent.MinY + extent.MaxY) / 2;
  if (!ct->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 ||
      std::fabs(y) > 90)
    return false;
  if (lon) *lon = x;
  if (lat) *lat = y;
  return true;
}

}  // namespace parkgis::io
