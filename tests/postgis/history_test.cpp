// Evaluations kept per date on PostGIS as in SpatiaLite: the Ningde sample imported into both stores and
// analysed as of 2026-12-31, then as of 2025-12-31 (an earlier date: written to the archives only). Then
// `parkgis runs` lists the same two evaluations from both, every table (result tables, archives,
// evaluations, runs, versions) holds the same rows, and a report --as-of each date reads the same figures
// from both.
#include <gtest/gtest.h>

#include <regex>

#include "tests/postgis/pg_server.h"
#include "tests/postgis/store_compare.h"
#include "tests/support/test_support.h"
#include "tests/support/two_versions.h"

using parkgis::test::parkgis_cli;
using parkgis::test::pg_uri;

namespace {

const char* kSchema = "ningde_history";

// The moments the analyses ran, which differ between the stores.
std::string without_run_time(const std::string& s) {
  return std::regex_replace(s, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}Z?"), "TIME");
}

}  // namespace

TEST(PostgisHistory, AnalysesOfTwoDatesAreKeptAsInSpatialite) {
  parkgis::test::TempDir tmp;
  const std::string lite = tmp.str("ningde.sqlite"), pg = pg_uri();
  const std::string sample = std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde";
  const std::vector<std::vector<std::string>> dbs = {{"--db", lite}, {"--db", pg, "--schema", kSchema}};
  const auto with_db = [](std::vector<std::string> args, const std::vector<std::string>& db) {
    args.insert(args.begin() + 1, db.begin(), db.end());
    return args;
  };
  for (const auto& db : dbs) {
    for (const std::vector<std::string>& cmd : {std::vector<std::string>{"import", sample, "--quiet", "--force"},
                                                {"analyze", "--as-of", "2026-12-31", "--quiet"},
                                                {"analyze", "--as-of", "2025-12-31", "--quiet"}}) {
      const auto r = parkgis_cli(with_db(cmd, db));
      ASSERT_EQ(r.exit_code, 0) << cmd[0] << " " << db[1] << ": " << r.err;
    }
  }

  const auto runs_lite = parkgis_cli({"runs", "--db", lite, "--format", "csv"});
  const auto runs_pg = parkgis_cli({"runs", "--db", pg, "--schema", kSchema, "--format", "csv"});
  ASSERT_EQ(runs_pg.exit_code, 0) << runs_pg.err;
  // Two evaluations, the later one the latest (as_of first, then the "latest" mark).
  EXPECT_NE(runs_pg.out.find("2025-12-31,,"), std::string::npos) << runs_pg.out;
  EXPECT_NE(runs_pg.out.find("2026-12-31,yes,"), std::string::npos) << runs_pg.out;
  EXPECT_EQ(without_run_time(runs_pg.out), without_run_time(runs_lite.out));

  auto a = parkgis::store::open_store(lite);
  auto b = parkgis::store::open_store(pg, kSchema);
  parkgis::test::expect_same_tables(*a, *b);

  for (const char* date : {"2025-12-31", "2026-12-31"}) {
    const auto ra = parkgis_cli({"report", "--db", lite, "--as-of", date, "--by", "zone", "--format", "csv"});
    const auto rb = parkgis_cli({"report", "--db", pg, "--schema", kSchema, "--as-of", date, "--by", "zone", "--format", "csv"});
    ASSERT_EQ(rb.exit_code, 0) << rb.err;
    EXPECT_EQ(without_run_time(ra.out), without_run_time(rb.out)) << date;
  }
  // A date without an evaluation is a usage error on PostGIS too.
  EXPECT_EQ(parkgis_cli({"report", "--db", pg, "--schema", kSchema, "--as-of", "2024-06-30"}).exit_code, 2);
}

// A later cadastre loaded with 'import --update' into a PostGIS schema records the same versions as in a
// SpatiaLite file (tests/support/two_versions.h: PG reshaped, PH to another holder, PR removed, PN added),
// and the evaluations before and after the change read the same figures from both.
TEST(PostgisHistory, ImportUpdateRecordsTheSameVersionsAsInSpatialite) {
  parkgis::test::TempDir tmp;
  parkgis::test::write_version(tmp.path() / "v1", 1);
  parkgis::test::write_version(tmp.path() / "v2", 2);
  const std::string lite = tmp.str("h.sqlite"), pg = pg_uri();
  const char* schema = "history_update";
  const std::vector<std::vector<std::string>> dbs = {{"--db", lite}, {"--db", pg, "--schema", schema}};
  for (const auto& db : dbs) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"import", tmp.str("v1"), "--quiet", "--force"},
                                         {"import", tmp.str("v2"), "--update"},
                                         {"analyze", "--as-of", "2025-12-31", "--quiet"},
                                         {"analyze", "--as-of", "2026-12-31", "--quiet"}}) {
      cmd.insert(cmd.begin() + 1, db.begin(), db.end());
      const auto r = parkgis_cli(cmd);
      ASSERT_EQ(r.exit_code, 0) << cmd[0] << " " << db[1] << ": " << r.err;
      if (cmd.back() == "--update") {
        // The summary names the changes: 1 added (PN), 1 removed (PR), 2 changed (PG shape, PH holder).
        EXPECT_NE(r.err.find("PN"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("PR"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("password"), std::string::npos) << r.err;
      }
    }
  }
  auto a = parkgis::store::open_store(lite);
  auto b = parkgis::store::open_store(pg, schema);
  parkgis::test::expect_same_tables(*a, *b);

  for (const char* parcel : {"PG", "PH", "PR", "PN"}) {
    const auto ha = parkgis_cli({"history", "--db", lite, "--parcel", parcel, "--format", "csv"});
    const auto hb = parkgis_cli({"history", "--db", pg, "--schema", schema, "--parcel", parcel, "--format", "csv"});
    ASSERT_EQ(hb.exit_code, 0) << hb.err;
    EXPECT_EQ(without_run_time(ha.out), without_run_time(hb.out)) << parcel;
  }
  // PR exists in the 2025 evaluation only; PN in the 2026 one only.
  const auto r25 = parkgis_cli({"report", "--db", pg, "--schema", schema, "--as-of", "2025-12-31", "--by", "parcel", "--format", "csv"});
  const auto r26 = parkgis_cli({"report", "--db", pg, "--schema", schema, "--by", "parcel", "--format", "csv"});
  ASSERT_EQ(r26.exit_code, 0) << r26.err;
  EXPECT_NE(r25.out.find("PR"), std::string::npos);
  EXPECT_EQ(r25.out.find("PN"), std::string::npos);
  EXPECT_NE(r26.out.find("PN"), std::string::npos);
  EXPECT_EQ(r26.out.find("PR,"), std::string::npos);
}
