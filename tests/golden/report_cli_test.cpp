// parkgis report through the CLI: every level and format on the tiny dataset, with bad options.
#include <cpl_json.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/cli/command.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;

namespace {

struct Cli {
  int rc = 0;
  std::string out, err;
};

Cli cli(const std::vector<std::string>& argv) {
  std::ostringstream o, e;
  parkgis::cli::Context ctx{o, e, false};
  Cli r;
  r.rc = parkgis::cli::run(argv, ctx);
  r.out = o.str();
  r.err = e.str();
  return r;
}

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::write_tiny_dataset(tmp.str("ds"));
    db = tmp.str("x.sqlite");
    ASSERT_EQ(cli({"import", tmp.str("ds"), "--db", db, "--quiet"}).rc, 0);
    ASSERT_EQ(cli({"analyze", "--db", db, "--as-of", "2026-06-30", "--quiet"}).rc, 0);
  }
  parkgis::test::TempDir tmp;
  std::string db;
};

}  // namespace

TEST_F(ReportCli, TableByParkHasTheTotalsRow) {
  const Cli r = cli({"report", "--db", db});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("蕉城小微园"), std::string::npos);
  EXPECT_NE(r.out.find("合计"), std::string::npos);
  EXPECT_NE(r.out.find("评价时点 2026-06-30"), std::string::npos);
}

TEST_F(ReportCli, EveryLevelAndFormat) {
  for (const char* level : {"park", "zone", "parcel", "enterprise", "approval"}) {
    for (const char* format : {"table", "csv", "json", "md", "html"}) {
      const std::string file = tmp.str(std::string(level) + "." + format);
      const Cli r = cli({"report", "--db", db, "--by", level, "--format", format, "-o", file});
      ASSERT_EQ(r.rc, 0) << level << " " << format << ": " << r.err;
      const std::string text = parkgis::test::read_text(file);
      EXPECT_GT(text.size(), 100u) << file;
      if (std::string(format) == "json") {
        CPLJSONDocument doc;
        EXPECT_TRUE(doc.LoadMemory(text)) << file;
        EXPECT_TRUE(doc.GetRoot().GetArray("sections").IsValid()) << file;
      }
      if (std::string(format) == "html") {
        EXPECT_EQ(text.rfind("<!DOCTYPE html>", 0), 0u) << file;
        EXPECT_EQ(text.find("http"), std::string::npos) << file << " must not load anything";
      }
    }
  }
  // The parcel table names the reclaim candidate in Chinese.
  EXPECT_NE(parkgis::test::read_text(tmp.str("parcel.md")).find("满两年未动工（可依法无偿收回）"), std::string::npos);
  // The approval batches: AP1 (approved 2019-05-01, 7 full years on 2026-06-30): 500 000 m² = 750 亩
  // approved, 15 亩 supplied (parcel A), 735 亩 unsupplied, supply rate 2 %.
  const std::string batches = parkgis::test::read_text(tmp.str("approval.csv"));
  EXPECT_NE(batches.find("approval_id,zone_id,approved,age_years,approved_mu,supplied_mu,unsupplied_mu,supply_rate"),
            std::string::npos)
      << batches;
  EXPECT_NE(batches.find("AP1,Z1,2019-05-01,7,750,15,735,0.02"), std::string::npos) << batches;
  EXPECT_NE(parkgis::test::read_text(tmp.str("approval.md")).find("批而未供"), std::string::npos);
}

TEST_F(ReportCli, CsvBomForExcel) {
  const Cli r = cli({"report", "--db", db, "--by", "zone", "--format", "csv", "--bom"});
  ASSERT_EQ(r.rc, 0);
  EXPECT_EQ(r.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(r.out.substr(3, 8), "section,");
}

TEST_F(ReportCli, FiltersAndErrors) {
  Cli r = cli({"report", "--db", db, "--by", "parcel", "--zone", "Z2", "--format", "csv"});
  ASSERT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find(",B,"), std::string::npos);
  EXPECT_EQ(r.out.find(",A,"), std::string::npos);
  r = cli({"report", "--db", db, "--zone", "Z7"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "parkgis report: error: no zone with zone_id Z7 in " + db + "\n");
  r = cli({"report", "--db", db, "--format", "pdf"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "parkgis report: unknown format 'pdf'; use table, csv, json, md, html or xlsx\n");
  r = cli({"report", "--db", db, "--by", "county"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "parkgis report: unknown level 'county'; use park, zone, parcel, enterprise, approval or site\n");
}

TEST_F(ReportCli, HtmlEmbedsAMapPerSection) {
  const std::string file = tmp.str("zones.html");
  const Cli r = cli({"report", "--db", db, "--by", "zone", "--format", "html", "--maps", "idle", "-o", file});
  ASSERT_EQ(r.rc, 0) << r.err;
  const std::string html = parkgis::test::read_text(file);
  std::size_t maps = 0;
  for (auto at = html.find("data:image/png;base64,"); at != std::string::npos; at = html.find("data:image/png;base64,", at + 1))
    ++maps;
  EXPECT_EQ(maps, 1u);  // one park, one section, one map
  const Cli bad = cli({"report", "--db", db, "--format", "csv", "--maps", "idle"});
  EXPECT_EQ(bad.rc, 2);
  EXPECT_EQ(bad.err, "parkgis report: --maps goes with --format html\n");
}

TEST_F(ReportCli, ReportBeforeAnalyzeSaysWhatToDo) {
  const std::string fresh = tmp.str("fresh.sqlite");
  ASSERT_EQ(cli({"import", tmp.str("ds"), "--db", fresh, "--quiet"}).rc, 0);
  const Cli r = cli({"report", "--db", fresh});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "parkgis report: error: " + fresh + " has no analysis results (table runs); run 'parkgis analyze --db " +
                       fresh + "' first\n");
}
