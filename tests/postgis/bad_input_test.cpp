// Bad PostgreSQL input: each gives one clear line, exit 1, and leaves nothing half-written; a password
// given in the connection never appears in any output.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/postgis/pg_server.h"

using parkgis::test::parkgis_cli;
using parkgis::test::pg_uri;
using parkgis::test::psql;

namespace {

const std::string kDataset = std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde";

long lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// The schema's tables, for "nothing was written".
std::string tables_of(const std::string& schema) {
  return psql("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'");
}

void expect_one_clear_line(const parkgis::test::CommandResult& r, const std::string& fragment) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
}

}  // namespace

TEST(PostgisBadInput, UnreachableServer) {
  const auto r = parkgis_cli({"import", kDataset, "--quiet", "--db", "postgresql://postgres@127.0.0.1:1/parkgis"});
  expect_one_clear_line(r, "Connection refused; is the server running");
  const auto a = parkgis_cli({"analyze", "--db", "postgresql://postgres@127.0.0.1:1/parkgis"});
  expect_one_clear_line(a, "cannot connect to PostgreSQL postgresql://postgres@127.0.0.1:1/parkgis");
}

TEST(PostgisBadInput, WrongPasswordIsSaidAndNeverShown) {
  const std::string secret = "Wrong-Secret-4711";
  const auto r = parkgis_cli({"import", kDataset, "--quiet", "--schema", "pw_wrong", "--db", pg_uri("parkgis", "parkgis_pw", secret)});
  expect_one_clear_line(r, "password authentication failed for user \"parkgis_pw\"; check the user and its password in ~/.pgpass");
  EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
  EXPECT_EQ(tables_of("pw_wrong"), "0");
  // The same in conninfo form (as GDAL writes it).
  const std::string port = pg_uri().substr(pg_uri().rfind(':') + 1, pg_uri().rfind('/') - pg_uri().rfind(':') - 1);
  const auto c = parkgis_cli({"report", "--db", "PG:host=127.0.0.1 port=" + port + " user=parkgis_pw password=" + secret + " dbname=parkgis"});
  expect_one_clear_line(c, "password authentication failed");
  EXPECT_EQ(c.err.find(secret), std::string::npos) << c.err;
}

TEST(PostgisBadInput, RightPasswordIsUsedButNeverShownOrStored) {
  const std::string password = "parkgis-test-pw";
  const std::string db = pg_uri("parkgis", "parkgis_pw", password);
  std::string all;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", kDataset, "--db", db, "--schema", "pw_right"},
        {"analyze", "--db", db, "--schema", "pw_right"},
        {"report", "--db", db, "--schema", "pw_right", "--by", "park"},
        {"report", "--db", db, "--schema", "no_such_schema"},
        {"analyze", "--db", db + "?sslmode=disable", "--schema", "no_such_schema"}}) {
    const auto r = parkgis_cli(args);
    all += r.out + r.err;
    const bool should_work = args.back() != "no_such_schema" && args[4] != "no_such_schema";
    EXPECT_EQ(r.exit_code, should_work ? 0 : 1) << r.err;
  }
  EXPECT_NE(all.find("postgresql://parkgis_pw@127.0.0.1"), std::string::npos) << all;  // named, without the password
  EXPECT_EQ(all.find(password), std::string::npos) << all;
  EXPECT_EQ(psql("SELECT count(*) FROM pw_right.parkgis_meta WHERE value LIKE '%" + password + "%'"), "0");
  EXPECT_EQ(psql("SELECT count(*) FROM pw_right.runs WHERE config LIKE '%" + password + "%'"), "0");
}

TEST(PostgisBadInput, DatabaseWithoutPostgis) {
  const auto r = parkgis_cli({"import", kDataset, "--quiet", "--db", pg_uri("nopostgis")});
  expect_one_clear_line(r, "has no PostGIS (the extension postgis is not installed in it)");
}

TEST(PostgisBadInput, SchemaOwnedBySomeoneElse) {
  const std::string before = tables_of("theirs");
  const auto r = parkgis_cli({"import", kDataset, "--quiet", "--schema", "theirs", "--db", pg_uri("parkgis", "parkgis_user")});
  expect_one_clear_line(r, "user parkgis_user may not create tables in schema theirs (owned by postgres)");
  EXPECT_EQ(tables_of("theirs"), before);
}

TEST(PostgisBadInput, SchemaWithOtherProgramsTablesNeedsForce) {
  psql("DROP SCHEMA IF EXISTS shared CASCADE; CREATE SCHEMA shared; CREATE TABLE shared.roads (id int); INSERT INTO shared.roads VALUES (1)");
  const auto r = parkgis_cli({"import", kDataset, "--quiet", "--schema", "shared", "--db", pg_uri()});
  expect_one_clear_line(r, "holds tables parkgis did not write");
  EXPECT_EQ(tables_of("shared"), "1");
  const auto f = parkgis_cli({"import", kDataset, "--quiet", "--force", "--schema", "shared", "--db", pg_uri()});
  EXPECT_EQ(f.exit_code, 0) << f.err;
  EXPECT_EQ(psql("SELECT count(*) FROM shared.roads"), "1");  // kept
  EXPECT_EQ(psql("SELECT count(*) FROM shared.parcels") != "0", true);
}

TEST(PostgisBadInput, AnalysisWithoutImportAndUnknownSchema) {
  const auto r = parkgis_cli({"analyze", "--db", pg_uri(), "--schema", "never_imported"});
  expect_one_clear_line(r, "has no schema never_imported; create one with 'parkgis import DATASET --db");
  const auto s = parkgis_cli({"analyze", "--db", pg_uri() + "/x/y?bad=="});
  EXPECT_NE(s.exit_code, 0);
  const auto f = parkgis_cli({"analyze", "--db", "some.sqlite", "--schema", "x"});
  EXPECT_EQ(f.exit_code, 2) << f.err;
  EXPECT_NE(f.err.find("--schema applies to PostgreSQL databases only"), std::string::npos) << f.err;
}
