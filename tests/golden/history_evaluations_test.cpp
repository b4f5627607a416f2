// Evaluations kept per date (docs/history.md) on the bundled sample: two evaluations in one database
// give, table by table, the same rows as two databases of one evaluation each; the current tables stay
// the latest evaluation; report, export, render and survey-pack pick the evaluation of --as-of; a
// database of an earlier parkgis (no archives, no table evaluations) still opens and migrates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "libgis/history/dated_view.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::Date;

namespace {

const Date k2025{2025, 12, 31}, k2026{2026, 12, 31};

// Every row of a table as text (reals to 12 significant digits, the geometry's WKB in hex), sorted.
std::vector<std::string> table_rows(parkgis::store::Store& s, const std::string& table) {
  std::vector<std::string> out;
  const std::vector<std::string> cols = s.columns(table);
  const bool spatial = std::find(cols.begin(), cols.end(), "geom") != cols.end();
  std::vector<std::string> data;
  for (const std::string& c : cols)
    if (c != "fid" && c != "geom") data.push_back(c);
  s.read_table(table, data, spatial, "", [&](const parkgis::store::Row& r) {
    std::string line;
    for (std::size_t i = 0; i < data.size(); ++i) {
      std::string v;
      if (const auto* d = std::get_if<double>(&r.values[i])) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.12g", *d);
        v = buf;
      } else {
        v = parkgis::store::value_text(r.values[i]);
      }
      line += data[i] + "=" + v + "|";
    }
    static const char* hex = "0123456789abcdef";
    for (unsigned char c : r.wkb) line += std::string{hex[c >> 4], hex[c & 15]};
    out.push_back(std::move(line));
  });
  std::sort(out.begin(), out.end());
  return out;
}

class HistoryEvaluations : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = std::make_unique<parkgis::test::TempDir>();
    const std::string sample = std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde";
    parkgis::test::CliRun cli;
    for (const char* name : {"both", "d2025", "d2026"})
      ASSERT_EQ(cli.run({"import", sample, "--db", db(name), "--quiet"}), 0) << cli.err.str();
    // The later date first, then the earlier one: the current tables must stay the later evaluation.
    ASSERT_EQ(cli.run({"analyze", "--db", db("both"), "--as-of", k2026.iso(), "--quiet"}), 0) << cli.err.str();
    ASSERT_EQ(cli.run({"analyze", "--db", db("both"), "--as-of", k2025.iso()}), 0) << cli.err.str();
    analyze_err = cli.err.str();
    ASSERT_EQ(cli.run({"analyze", "--db", db("d2025"), "--as-of", k2025.iso(), "--quiet"}), 0) << cli.err.str();
    ASSERT_EQ(cli.run({"analyze", "--db", db("d2026"), "--as-of", k2026.iso(), "--quiet"}), 0) << cli.err.str();
  }
  static void TearDownTestSuite() { dir.reset(); }
  static std::string db(const std::string& name) { return dir->str(name + ".sqlite"); }

  static std::unique_ptr<parkgis::test::TempDir> dir;
  static std::string analyze_err;
  parkgis::test::CliRun cli;
};
std::unique_ptr<parkgis::test::TempDir> HistoryEvaluations::dir;
std::string HistoryEvaluations::analyze_err;

}  // namespace

TEST_F(HistoryEvaluations, TwoEvaluationsEqualTwoSingleDateDatabases) {
  auto both = parkgis::store::open_spatialite(db("both"));
  for (const auto& [date, single] : {std::pair{k2025, std::string("d2025")}, std::pair{k2026, std::string("d2026")}}) {
    auto view = parkgis::history::evaluation_view(*both, date);
    auto one = parkgis::store::open_spatialite(db(single));
    for (const std::string& t : parkgis::history::result_tables()) {
      const auto a = table_rows(*view, t), b = table_rows(*one, t);
      EXPECT_FALSE(b.empty()) << t;
      EXPECT_EQ(a.size(), b.size()) << t << " of " << date.iso();
      EXPECT_TRUE(a == b) << t << " of " << date.iso() << " differs from the single-date database";
    }
  }
  // The two dates really differ (2025 and 2026 enterprise figures, idle periods), so the check means something.
  auto v25 = parkgis::history::evaluation_view(*both, k2025);
  auto v26 = parkgis::history::evaluation_view(*both, k2026);
  EXPECT_NE(table_rows(*v25, "zone_metrics"), table_rows(*v26, "zone_metrics"));
}

TEST_F(HistoryEvaluations, CurrentTablesStayTheLatest) {
  EXPECT_NE(analyze_err.find("kept as the evaluation of 2025-12-31; the current tables still hold the latest evaluation"),
            std::string::npos)
      << analyze_err;
  auto both = parkgis::store::open_spatialite(db("both"));
  auto latest = parkgis::store::open_spatialite(db("d2026"));
  for (const std::string& t : parkgis::history::result_tables())
    EXPECT_TRUE(table_rows(*both, t) == table_rows(*latest, t)) << t << " is not the 2026-12-31 evaluation";
  // The archive holds the earlier evaluation, with its as_of first; the latest lies in the tables themselves.
  EXPECT_EQ(both->columns("zone_metrics_history").at(1), "as_of");
  std::map<std::string, long> per_date;
  both->read_table("zone_metrics_history", {"as_of"}, false, "", [&](const parkgis::store::Row& r) {
    per_date[parkgis::store::value_text(r.values[0])] += 1;
  });
  EXPECT_EQ(per_date, (std::map<std::string, long>{{"2025-12-31", 21}}));  // the sample's 21 zones
  const auto evals = parkgis::history::list_evaluations(*both);
  ASSERT_EQ(evals.size(), 2u);
  EXPECT_EQ(evals[0].as_of, k2025);
  EXPECT_EQ(evals[1].as_of, k2026);
}

TEST_F(HistoryEvaluations, ReportAndExportTakeAsOf) {
  const auto report = [&](const std::string& name, const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {"report", "--db", db(name), "--by", "zone", "--format", "csv"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    EXPECT_EQ(cli.run(argv), 0) << cli.err.str();
    return cli.out.str();
  };
  const std::string r25 = report("d2025", {}), r26 = report("d2026", {});
  ASSERT_NE(r25, r26);
  EXPECT_EQ(report("both", {"--as-of", k2025.iso()}), r25);
  EXPECT_EQ(report("both", {"--as-of", k2026.iso()}), r26);
  EXPECT_EQ(report("both", {}), r26);  // the latest by default

  const auto exported = [&](const std::string& name, const std::vector<std::string>& extra, const std::string& out) {
    std::vector<std::string> argv = {"export", "--db", db(name), "--layer", "parcels", "--format", "csv", "--quiet",
                                     "-o", dir->str(out)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    EXPECT_EQ(cli.run(argv), 0) << cli.err.str();
    return parkgis::test::read_text(dir->path() / out);
  };
  EXPECT_EQ(exported("both", {"--as-of", k2025.iso()}, "b25.csv"), exported("d2025", {}, "s25.csv"));
  EXPECT_EQ(exported("both", {}, "b26.csv"), exported("d2026", {}, "s26.csv"));
}

TEST_F(HistoryEvaluations, SurveyPackAndRenderTakeAsOf) {
  ASSERT_EQ(cli.run({"survey-pack", "--db", db("both"), "--zone", "YQ01-PQ1", "--as-of", k2025.iso(), "--format",
                     "geojson", "--quiet", "-o", dir->str("pack25")}),
            0)
      << cli.err.str();
  EXPECT_NE(parkgis::test::read_text(dir->path() / "pack25" / "README.txt").find("评价基准日 2025-12-31"), std::string::npos);
  ASSERT_EQ(cli.run({"survey-pack", "--db", db("both"), "--zone", "YQ01-PQ1", "--format", "geojson", "--quiet", "-o",
                     dir->str("pack26")}),
            0)
      << cli.err.str();
  EXPECT_NE(parkgis::test::read_text(dir->path() / "pack26" / "README.txt").find("评价基准日 2026-12-31"), std::string::npos);

  const auto render = [&](const std::string& name, const std::vector<std::string>& extra, const std::string& out) {
    std::vector<std::string> argv = {"render", "--db", db(name), "--theme", "idle", "--zone", "YQ01-PQ1", "--size",
                                     "400x300", "--date", "2027-01-01", "-o", dir->str(out)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    EXPECT_EQ(cli.run(argv), 0) << cli.err.str();
    return parkgis::test::read_text(dir->path() / out);
  };
  const std::string single25 = render("d2025", {}, "s25.png");
  EXPECT_EQ(render("both", {"--as-of", k2025.iso()}, "b25.png"), single25);
  EXPECT_EQ(render("both", {}, "b26.png"), render("d2026", {}, "s26.png"));
  EXPECT_NE(render("both", {}, "b26.png"), single25);
}

TEST_F(HistoryEvaluations, UnknownAsOfIsAUsageError) {
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"report", "--db", db("both")}, {"export", "--db", db("both"), "--layer", "zones", "-o", dir->str("z.csv")},
        {"render", "--db", db("both"), "--theme", "idle", "-o", dir->str("m.png")},
        {"survey-pack", "--db", db("both"), "--zone", "YQ01-PQ1", "-o", dir->str("p")}}) {
    std::vector<std::string> argv = cmd;
    argv.insert(argv.end(), {"--as-of", "2024-06-30"});
    EXPECT_EQ(cli.run(argv), 2) << cmd[0];
    EXPECT_NE(cli.err.str().find("parkgis " + cmd[0] + ": --as-of 2024-06-30: database " + db("both") +
                                 " has no evaluation of that date; evaluations: 2025-12-31, 2026-12-31 (list them with "
                                 "'parkgis runs --db " + db("both") + "')"),
              std::string::npos)
        << cli.err.str();
  }
  EXPECT_FALSE(fs::exists(dir->path() / "z.csv"));
}

TEST_F(HistoryEvaluations, DatabaseOfAnEarlierParkgisOpensAndMigrates) {
  // The layout of the previous parkgis: result tables and runs, no archives and no table evaluations.
  fs::copy_file(db("d2026"), db("old"));
  {
    auto s = parkgis::store::open_spatialite(db("old"));
    s->begin();
    for (const std::string& t : parkgis::history::result_tables()) s->drop_table(parkgis::history::archive_table(t));
    s->drop_table(parkgis::history::kEvaluationsTable);
    s->commit();
  }
  // Read: its one evaluation, dated by its last run.
  ASSERT_EQ(cli.run({"runs", "--db", db("old"), "--format", "csv"}), 0) << cli.err.str();
  EXPECT_NE(cli.out.str().find("2026-12-31,yes,"), std::string::npos) << cli.out.str();
  EXPECT_EQ(cli.run({"report", "--db", db("old"), "--as-of", k2026.iso(), "--format", "csv"}), 0) << cli.err.str();
  EXPECT_EQ(cli.run({"report", "--db", db("old"), "--as-of", k2025.iso()}), 2);
  EXPECT_NE(cli.err.str().find("evaluations: 2026-12-31"), std::string::npos) << cli.err.str();

  // First write: the old evaluation is archived, the new one added beside it.
  ASSERT_EQ(cli.run({"analyze", "--db", db("old"), "--as-of", k2025.iso(), "--quiet"}), 0) << cli.err.str();
  auto old = parkgis::store::open_spatialite(db("old"));
  auto both = parkgis::store::open_spatialite(db("both"));
  ASSERT_EQ(parkgis::history::list_evaluations(*old).size(), 2u);
  for (const Date& d : {k2025, k2026}) {
    auto a = parkgis::history::evaluation_view(*old, d);
    auto b = parkgis::history::evaluation_view(*both, d);
    for (const std::string& t : parkgis::history::result_tables())
      EXPECT_TRUE(table_rows(*a, t) == table_rows(*b, t)) << t << " of " << d.iso();
  }
}

TEST_F(HistoryEvaluations, ALaterDateMovesTheLatestIntoTheArchives) {
  // 2025-12-31 first, then 2026-12-31: the 2025 evaluation moves to the archives, and reads as before.
  fs::copy_file(db("d2025"), db("moved"));
  ASSERT_EQ(cli.run({"analyze", "--db", db("moved"), "--as-of", k2026.iso(), "--quiet"}), 0) << cli.err.str();
  auto moved = parkgis::store::open_spatialite(db("moved"));
  auto one25 = parkgis::store::open_spatialite(db("d2025"));
  auto one26 = parkgis::store::open_spatialite(db("d2026"));
  auto view25 = parkgis::history::evaluation_view(*moved, k2025);
  for (const std::string& t : parkgis::history::result_tables()) {
    EXPECT_TRUE(table_rows(*view25, t) == table_rows(*one25, t)) << t << " of 2025-12-31";
    EXPECT_TRUE(table_rows(*moved, t) == table_rows(*one26, t)) << t << " of 2026-12-31";
  }
  // Analysing the latest date again replaces it and leaves the archive alone.
  ASSERT_EQ(cli.run({"analyze", "--db", db("moved"), "--as-of", k2026.iso(), "--quiet"}), 0) << cli.err.str();
  std::map<std::string, long> per_date;
  moved->read_table("parcel_metrics_history", {"as_of"}, false, "", [&](const parkgis::store::Row& r) {
    per_date[parkgis::store::value_text(r.values[0])] += 1;
  });
  EXPECT_EQ(per_date, (std::map<std::string, long>{{"2025-12-31", 250}}));  // the sample's 250 parcels, once
  auto again25 = parkgis::history::evaluation_view(*moved, k2025);
  EXPECT_TRUE(table_rows(*again25, "parcel_metrics") == table_rows(*one25, "parcel_metrics"));
  EXPECT_EQ(parkgis::history::list_evaluations(*moved).size(), 2u);
}
