#include <gtest/gtest.h>

#include <cpl_string.h>
#include <ogr_core.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "libgis/core/errors.h"
#include "libgis/io/crs.h"
#include "tests/support/test_support.h"

using parkgis::DataError;
using parkgis::io::cgcs2000_gk3_epsg;
using parkgis::io::check_extent_fits;
using parkgis::io::CrsFit;
using parkgis::io::describe_crs;
using parkgis::io::epsg_code;
using parkgis::io::extent_centre_lonlat;
using parkgis::io::kNingdeArea;

namespace {

OGRSpatialReference epsg(int code) {
  OGRSpatialReference srs;
  EXPECT_EQ(srs.importFromEPSG(code), OGRERR_NONE) << code;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OGREnvelope box(double min_x, double min_y, double max_x, double max_y) {
  OGREnvelope e;
  e.MinX = min_x;
  e.MinY = min_y;
  e.MaxX = max_x;
  e.MaxY = max_y;
  return e;
}

// Ningde in EPSG:4549 (domain brief §6.2).
const OGREnvelope kNingde4549 = box(353000, 2910000, 572000, 3063000);
const OGREnvelope kNingde4528 = box(40353000, 2910000, 40572000, 3063000);

OGRSpatialReference from_esri(const std::string& wkt) {
  OGRSpatialReference srs;
  char* lines[] = {const_cast<char*>(wkt.c_str()), nullptr};
  EXPECT_EQ(srs.importFromESRI(lines), OGRERR_NONE);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace

TEST(CrsZones, CentralMeridianEpsg) {
  const std::pair<double, int> cases[] = {{120.0, 4549}, {118.6, 4549}, {120.72, 4549}, {118.5, 4549},
                                          {117.0, 4548}, {118.4, 4548}, {75.0, 4534},   {73.5, 4534},
                                          {135.0, 4554}, {136.5, 4554}, {104.1, 4544}};
  for (const auto& [lon, want] : cases) {
    const int code = cgcs2000_gk3_epsg(lon);
    EXPECT_EQ(code, want) << lon;
    // Cross-check with PROJ: the central meridian is 3n and lies within 1.5 degrees of lon.
    const OGRSpatialReference srs = epsg(code);
    const double cm = srs.GetNormProjParm(SRS_PP_CENTRAL_MERIDIAN);
    EXPECT_DOUBLE_EQ(cm, 3.0 * (25 + code - 4534)) << lon;
    EXPECT_LE(std::fabs(cm - lon), 1.5) << lon;
    EXPECT_DOUBLE_EQ(srs.GetNormProjParm(SRS_PP_FALSE_EASTING), 500000.0) << lon;
  }
  for (double lon : {73.4, 137.0, -120.0, std::nan("")}) EXPECT_THROW(cgcs2000_gk3_epsg(lon), DataError) << lon;
}

TEST(CrsNames, EpsgCodeAndDescription) {
  EXPECT_EQ(epsg_code(epsg(4549)), 4549);
  EXPECT_EQ(epsg_code(epsg(4490)), 4490);
  EXPECT_EQ(describe_crs(epsg(4549)), "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)");
  EXPECT_EQ(describe_crs(OGRSpatialReference()), "no CRS");

  OGRSpatialReference odd;  // a transverse Mercator no registry knows
  odd.SetProjCS("local grid");
  odd.SetWellKnownGeogCS("WGS84");
  odd.SetTM(0, 119.77, 1, 12345, 0);
  EXPECT_EQ(epsg_code(odd), std::nullopt);
  EXPECT_EQ(describe_crs(odd), "local grid");
}

TEST(CrsNames, EsrIPrjWrittenByGdalMapsTo4549) {
  parkgis::test::TempDir dir;
  parkgis::test::write_layer(dir.str("p.shp"), "ESRI Shapefile", 4549, {{"ID", 'I'}},
                             {{"POINT (500000 3000000)", {{"ID", "1"}}}});
  const std::string prj = parkgis::test::read_text(dir.path() / "p.prj");
  ASSERT_NE(prj.find("CGCS2000_3_Degree_GK_CM_120E"), std::string::npos) << prj;
  const OGRSpatialReference srs = from_esri(prj);
  EXPECT_EQ(epsg_code(srs), 4549);
  EXPECT_EQ(describe_crs(srs), "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)");
}

TEST(CrsNames, EsriPrjAsArcGisWritesItMapsTo4549) {
  const OGRSpatialReference srs = from_esri(
      "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
      "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
      "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
      "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
      "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
  EXPECT_EQ(epsg_code(srs), 4549);
  EXPECT_TRUE(check_extent_fits(srs, kNingde4549).ok);
  EXPECT_FALSE(check_extent_fits(srs, kNingde4528).ok);
}

TEST(CrsFitRules, NingdeDataIn4549Fit) {
  const CrsFit f = check_extent_fits(epsg(4549), kNingde4549);
  EXPECT_TRUE(f.ok) << f.problem;
  EXPECT_TRUE(check_extent_fits(epsg(4549), kNingde4549, kNingdeArea).ok);
  EXPECT_TRUE(check_extent_fits(epsg(4528), kNingde4528, kNingdeArea).ok);
  EXPECT_TRUE(check_extent_fits(epsg(4490), box(118.6, 26.4, 120.7, 27.6), kNingdeArea).ok);
}

TEST(CrsFitRules, EmptyExtentIsOk) {
  EXPECT_TRUE(check_extent_fits(epsg(4549), OGREnvelope()).ok);
  EXPECT_TRUE(check_extent_fits(epsg(4549), box(NAN, 0, 1, 1)).ok);
  EXPECT_TRUE(check_extent_fits(OGRSpatialReference(), kNingde4549).ok);
}

TEST(CrsFitRules, ZonePrefixedEastingsDeclaredWithoutPrefix) {
  const CrsFit f = check_extent_fits(epsg(4549), kNingde4528);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "EPSG:4528");
  EXPECT_NE(f.problem.find("zone prefix 40"), std::string::npos) << f.problem;
  EXPECT_NE(f.problem.find("40353000..40572000"), std::string::npos) << f.problem;
}

TEST(CrsFitRules, UnprefixedEastingsDeclaredWithPrefix) {
  const CrsFit f = check_extent_fits(epsg(4528), kNingde4549);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "EPSG:4549");
  EXPECT_NE(f.problem.find("353000..572000"), std::string::npos) << f.problem;
  EXPECT_NE(f.problem.find("40500000"), std::string::npos) << f.problem;
  // Wrong prefix: zone 39 eastings declared as zone 40.
  EXPECT_EQ(check_extent_fits(epsg(4528), box(39353000, 2910000, 39572000, 3063000)).suggestion, "EPSG:4527");
}

TEST(CrsFitRules, MetresDeclaredAsDegrees) {
  CrsFit f = check_extent_fits(epsg(4490), kNingde4549);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "EPSG:4549");
  EXPECT_NE(f.problem.find("eastings 353000..572000"), std::string::npos) << f.problem;
  EXPECT_NE(f.problem.find("not degrees"), std::string::npos) << f.problem;

  f = check_extent_fits(epsg(4490), kNingde4528);
  EXPECT_EQ(f.suggestion, "EPSG:4528");

  f = check_extent_fits(epsg(4490), box(353000, 4000000, 572000, 4100000));  // not Ningde: zone unknown
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "a CGCS2000 3-degree Gauss-Kruger CRS (EPSG:4534\u20134554)");
}

TEST(CrsFitRules, DegreesDeclaredAsMetres) {
  const CrsFit f = check_extent_fits(epsg(4549), box(118.6, 26.4, 120.7, 27.6));
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "EPSG:4490");
  EXPECT_NE(f.problem.find("look like degrees (x 118.6..120.7, y 26.4..27.6)"), std::string::npos) << f.problem;
}

TEST(CrsFitRules, NingdeMetresDeclaredAsCm117) {
  // Read as CM 117E the data land near 116.6E: inside that zone, so only the project area can tell.
  EXPECT_TRUE(check_extent_fits(epsg(4548), kNingde4549).ok);
  const CrsFit f = check_extent_fits(epsg(4548), kNingde4549, kNingdeArea);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "EPSG:4549");
  EXPECT_NE(f.problem.find("EPSG:4548"), std::string::npos) << f.problem;
  EXPECT_NE(f.problem.find("120E instead of 117E"), std::string::npos) << f.problem;
  // The same with zone prefixes: zone 39 declared, zone 40 meant, and data with the wrong prefix.
  EXPECT_EQ(check_extent_fits(epsg(4527), box(39353000, 2910000, 39572000, 3063000), kNingdeArea).suggestion,
            "EPSG:4528");
}

TEST(CrsFitRules, FarOutsideTheAreaOfUse) {
  // Northings of 8 000 km put the data near 72N, far north of China.
  CrsFit f = check_extent_fits(epsg(4549), box(400000, 8000000, 500000, 8100000));
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.problem.find("outside the area"), std::string::npos) << f.problem;
  EXPECT_EQ(f.suggestion, "");
  // Lon/lat in Europe declared as CGCS2000.
  f = check_extent_fits(epsg(4490), box(2.0, 48.0, 3.0, 49.0));
  EXPECT_FALSE(f.ok);
  // Not Ningde, but inside China: the project-area check flags it, without a suggestion.
  f = check_extent_fits(epsg(4490), box(116.0, 39.5, 116.8, 40.2), kNingdeArea);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.suggestion, "");
  EXPECT_NE(f.problem.find("outside the project area"), std::string::npos) << f.problem;
}

TEST(CrsCentre, NingdeCentre) {
  double lon = 0, lat = 0;
  ASSERT_TRUE(extent_centre_lonlat(epsg(4549), kNingde4549, &lon, &lat));
  EXPECT_NEAR(lon, 119.62, 0.05);
  EXPECT_NEAR(lat, 27.0, 0.1);
  ASSERT_TRUE(extent_centre_lonlat(epsg(4528), kNingde4528, &lon, &lat));
  EXPECT_NEAR(lon, 119.62, 0.05);
  ASSERT_TRUE(extent_centre_lonlat(epsg(4490), box(119, 26, 120, 27), &lon, &lat));
  EXPECT_NEAR(lon, 119.5, 1e-9);
  EXPECT_NEAR(lat, 26.5, 1e-9);
  EXPECT_FALSE(extent_centre_lonlat(OGRSpatialReference(), kNingde4549, &lon, &lat));
  EXPECT_FALSE(extent_centre_lonlat(epsg(4549), OGREnvelope(), &lon, &lat));
}
