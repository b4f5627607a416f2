// --db and --schema: which store, and the form shown in messages (never with a password).
#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/store/location.h"

using parkgis::store::display_location;
using parkgis::store::parse_location;

TEST(Location, PathIsASpatialiteFile) {
  const auto loc = parse_location("data/ningde.sqlite");
  EXPECT_FALSE(loc.postgres);
  EXPECT_EQ(loc.path, "data/ningde.sqlite");
  EXPECT_EQ(loc.display, "data/ningde.sqlite");
  EXPECT_THROW(parse_location("ningde.sqlite", "city"), parkgis::UsageError);  // a schema is for PostgreSQL
}

TEST(Location, UriWithSchemaAndDefault) {
  const auto loc = parse_location("postgresql://li@gis:5433/parks", "ningde");
  EXPECT_TRUE(loc.postgres);
  EXPECT_EQ(loc.conninfo, "postgresql://li@gis:5433/parks");
  EXPECT_EQ(loc.schema, "ningde");
  EXPECT_EQ(loc.display, "postgresql://li@gis:5433/parks --schema ningde");
  EXPECT_EQ(parse_location("postgres://gis/parks").schema, "public");
  EXPECT_EQ(parse_location("postgres://gis/parks").display, "postgres://gis/parks");
  // The display form names the same database (the viewer keeps one string).
  EXPECT_EQ(parse_location("postgresql://li@gis:5433/parks --schema ningde").schema, "ningde");
}

TEST(Location, PasswordsAreNeverDisplayed) {
  EXPECT_EQ(display_location("postgresql://li:s3cret@gis:5433/parks"), "postgresql://li@gis:5433/parks");
  EXPECT_EQ(display_location("postgresql://li:s3cret@gis/parks?sslmode=require&password=s3cret"),
            "postgresql://li@gis/parks?sslmode=require");
  const auto loc = parse_location("postgresql://li:s3cret@gis/parks");
  EXPECT_EQ(loc.display.find("s3cret"), std::string::npos);
  EXPECT_NE(loc.conninfo.find("s3cret"), std::string::npos);  // libpq still gets it
}

TEST(Location, GdalStyleConninfo) {
  const auto loc = parse_location("PG:host=gis dbname=parks user=li password='a b'");
  EXPECT_TRUE(loc.postgres);
  EXPECT_EQ(loc.conninfo, "host=gis dbname=parks user=li password='a b'");
  EXPECT_EQ(loc.display.find("password"), std::string::npos);
  EXPECT_NE(loc.display.find("host=gis"), std::string::npos);
  EXPECT_NE(loc.display.find("dbname=parks"), std::string::npos);
  EXPECT_THROW(parse_location("PG:host=gis dbname='unclosed"), parkgis::UsageError);
}
