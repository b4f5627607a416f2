// Many users on one schema: reports while an analysis replaces the results see the old results or the
// new ones, never a mix; a second analysis waits for the first (with a message) or fails clearly after the
// busy timeout, never interleaves.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>

#include "libgis/store/store.h"
#include "tests/postgis/pg_server.h"
#include "tests/support/test_support.h"

using parkgis::test::parkgis_cli;
using parkgis::test::pg_uri;
using parkgis::test::psql;

namespace {

const char* kSchema = "many_users";
const std::string kBin = std::string(PARKGIS_BIN_DIR) + "/parkgis";

class PostgisConcurrency : public ::testing::Test {
 protected:
  // Prepared by the first test (not in SetUpTestSuite, where a failure would only skip the tests).
  void SetUp() override {
    static bool ready = false;
    if (!ready) prepare();
    ready = true;
  }
  static void prepare() {
    const auto r = parkgis_cli({"import", std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", "--quiet", "--db", pg_uri(), "--schema", kSchema});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static std::string analyze_and_report(const std::string& as_of) {
    EXPECT_EQ(parkgis_cli({"analyze", "--quiet", "--db", pg_uri(), "--schema", kSchema, "--as-of", as_of}).exit_code, 0);
    return report();
  }
  // The zone report as JSON: its notes name the run (from the table runs) and the figures come from
  // zone_metrics, so a report that mixed two analyses would pair one run's date with the other's figures.
  static std::string report() {
    const auto r = parkgis_cli({"report", "--db", pg_uri(), "--schema", kSchema, "--by", "zone", "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // The evaluation date a report names ("评价时点 YYYY-MM-DD"), and the report without its run line.
  static std::string as_of_of(const std::string& report) {
    const std::size_t at = report.find("评价时点 ");
    return at == std::string::npos ? "" : report.substr(at + std::string("评价时点 ").size(), 10);
  }
  static std::string figures_of(const std::string& report) {
    std::string out;
    std::size_t start = 0;
    while (start < report.size()) {
      std::size_t end = report.find('\n', start);
      if (end == std::string::npos) end = report.size();
      const std::string line = report.substr(start, end - start);
      if (line.find("评价时点 ") == std::string::npos) out += line + "\n";
      start = end + 1;
    }
    return out;
  }
  // Starts `parkgis ARGS` in the background, its stderr into `err_file`; returns the shell's pid file.
  static void start(const std::string& args, const std::string& err_file, const std::string& done_file,
                    const std::string& env = "") {
    const std::string cmd = "(" + env + " " + kBin + " " + args + " 2>" + err_file + "; echo $? > " + done_file + ") &";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  static bool wait_for(const std::string& done_file, int seconds) {
    for (int i = 0; i < seconds * 20; ++i) {
      if (!parkgis::test::read_text(done_file).empty()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  static std::string runs() { return psql(std::string("SELECT count(*) FROM ") + kSchema + ".runs"); }
};

}  // namespace

TEST_F(PostgisConcurrency, ReportsDuringAnAnalysisSeeTheOldOrTheNewResults) {
  const std::string before = figures_of(analyze_and_report("2025-06-30"));
  const std::string after = figures_of(analyze_and_report("2026-06-30"));
  ASSERT_NE(before, after);  // the two evaluation dates give different figures
  // Evaluations are kept per date and the result tables show the latest: a new import starts the schema
  // afresh, so that 2025-06-30 is the latest again and the analysis below (a later date) replaces it.
  prepare();
  ASSERT_EQ(figures_of(analyze_and_report("2025-06-30")), before);
  parkgis::test::TempDir tmp;
  start("analyze --quiet --db " + pg_uri() + " --schema " + kSchema + " --as-of 2026-06-30", tmp.str("err"), tmp.str("done"));
  int reads = 0, old_seen = 0, new_seen = 0;
  while (parkgis::test::read_text(tmp.str("done")).empty() && reads < 500) {
    const std::string full = report();
    const std::string r = figures_of(full), as_of = as_of_of(full);
    ++reads;
    if (r == before && as_of == "2025-06-30") ++old_seen;
    else if (r == after && as_of == "2026-06-30") ++new_seen;
    else ADD_FAILURE() << "a report mixed two analyses (run of " << as_of << "):\n" << full;
  }
  ASSERT_TRUE(wait_for(tmp.str("done"), 60));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done")), "0\n") << parkgis::test::read_text(tmp.str("err"));
  EXPECT_GT(reads, 0);
  EXPECT_EQ(figures_of(report()), after);
  std::printf("%d reports during the analysis: %d old, %d new\n", reads, old_seen, new_seen);
}

TEST_F(PostgisConcurrency, TwoAnalysesAtOnceBothCompleteOneAfterTheOther) {
  const std::string expected = figures_of(analyze_and_report("2026-06-30"));
  const long runs_before = std::stol(runs());
  parkgis::test::TempDir tmp;
  const std::string args = "analyze --quiet --db " + pg_uri() + " --schema " + kSchema + " --as-of 2026-06-30";
  start(args, tmp.str("err1"), tmp.str("done1"));
  start(args, tmp.str("err2"), tmp.str("done2"));
  ASSERT_TRUE(wait_for(tmp.str("done1"), 120));
  ASSERT_TRUE(wait_for(tmp.str("done2"), 120));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done1")), "0\n") << parkgis::test::read_text(tmp.str("err1"));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done2")), "0\n") << parkgis::test::read_text(tmp.str("err2"));
  EXPECT_EQ(std::stol(runs()), runs_before + 2);
  EXPECT_EQ(figures_of(report()), expected);
}

TEST_F(PostgisConcurrency, AnalysisWaitsForTheSchemaLockWithAMessageThenFailsClearly) {
  analyze_and_report("2026-06-30");
  const long runs_before = std::stol(runs());
  parkgis::test::TempDir tmp;
  // Another writer holds the schema's lock for 4 s (as an analysis in its write phase does).
  const std::string hold = "(psql -X -q -h 127.0.0.1 -p " + pg_uri().substr(pg_uri().rfind(':') + 1, pg_uri().rfind('/') - pg_uri().rfind(':') - 1) +
                           " -U postgres -d parkgis -c \"SELECT pg_advisory_lock(1885826931, hashtext('" + kSchema +
                           "')), pg_sleep(4)\" >/dev/null 2>&1) &";
  ASSERT_EQ(std::system(hold.c_str()), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  const std::string args = "analyze --quiet --db " + pg_uri() + " --schema " + kSchema;
  start(args, tmp.str("err_fail"), tmp.str("done_fail"), "PARKGIS_BUSY_TIMEOUT_MS=500");
  start(args, tmp.str("err_wait"), tmp.str("done_wait"));
  ASSERT_TRUE(wait_for(tmp.str("done_fail"), 60));
  ASSERT_TRUE(wait_for(tmp.str("done_wait"), 60));
  const std::string failed = parkgis::test::read_text(tmp.str("err_fail"));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done_fail")), "1\n") << failed;
  EXPECT_NE(failed.find("waiting for"), std::string::npos) << failed;
  EXPECT_NE(failed.find("is in use by another parkgis command"), std::string::npos) << failed;
  EXPECT_NE(failed.find("nothing was written"), std::string::npos) << failed;
  const std::string waited = parkgis::test::read_text(tmp.str("err_wait"));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done_wait")), "0\n") << waited;
  EXPECT_NE(waited.find("waiting for"), std::string::npos) << waited;
  EXPECT_EQ(std::stol(runs()), runs_before + 1);  // the failed one wrote nothing
}

// The snapshot itself, step by step: a reader that has read the run keeps reading that run's figures while
// an analysis waits for it (with a message), and sees the new ones once it ends its reading.
TEST_F(PostgisConcurrency, AReaderKeepsOneStateWhileAnAnalysisWaitsForIt) {
  analyze_and_report("2025-06-30");
  const auto zone_figures = [](parkgis::store::Store& s) {
    std::vector<std::string> cols;
    for (const auto& d : s.column_defs("zone_metrics")) cols.push_back(d.name);
    std::string out;
    s.read_table("zone_metrics", cols, false, "", [&](const parkgis::store::Row& r) {
      for (const auto& v : r.values) out += parkgis::store::value_text(v) + ";";
      out += "\n";
    });
    return out;
  };
  const auto last_as_of = [](parkgis::store::Store& s) {
    std::string as_of;
    s.read_table("runs", {"as_of"}, false, "run_id", [&](const parkgis::store::Row& r) { as_of = parkgis::store::value_text(r.values[0]); });
    return as_of;
  };
  auto reader = parkgis::store::open_store(pg_uri(), kSchema);
  ASSERT_EQ(last_as_of(*reader), "2025-06-30");
  const std::string old_figures = zone_figures(*reader);
  parkgis::test::TempDir tmp;
  start("analyze --quiet --db " + pg_uri() + " --schema " + kSchema + " --as-of 2026-06-30", tmp.str("err"), tmp.str("done"));
  // Without the snapshot the analysis (about a second) would be committed long before this wait ends.
  EXPECT_FALSE(wait_for(tmp.str("done"), 8)) << "the analysis did not wait for the reader";
  EXPECT_EQ(zone_figures(*reader), old_figures);
  EXPECT_EQ(last_as_of(*reader), "2025-06-30");
  reader->end_reading();
  ASSERT_TRUE(wait_for(tmp.str("done"), 60));
  const std::string err = parkgis::test::read_text(tmp.str("err"));
  EXPECT_EQ(parkgis::test::read_text(tmp.str("done")), "0\n") << err;
  EXPECT_NE(err.find("waiting for the readers of schema many_users"), std::string::npos) << err;
  EXPECT_EQ(last_as_of(*reader), "2026-06-30");
  EXPECT_NE(zone_figures(*reader), old_figures);
}
