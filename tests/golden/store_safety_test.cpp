// Nothing corrupted, nothing lost: replacing a database that a killed writer left a hot journal beside,
// refusing to replace files that are not parkgis databases, permissions kept, a database replaced under
// a running analysis, locks reported as locks, late stop requests, and output that did not reach its
// file or standard output.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <chrono>

#include "app/cli/command.h"
#include "libgis/analysis/analyze.h"
#include "libgis/core/atomic_file.h"
#include "libgis/core/errors.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::test::TempDir;

namespace {

using Cli = parkgis::test::CliRun;

std::string dataset(const TempDir& tmp, const parkgis::test::TinyOptions& opt = {}) {
  fs::create_directories(tmp.path() / "ds");
  parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
  return tmp.str("ds");
}

// One SQL statement on a fresh connection, returning the first column of the first row as text.
std::string sql_text(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error(why);
  }
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  const std::string why = rc == SQLITE_ROW || rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (!why.empty()) throw std::runtime_error(why);
  return out;
}

// What 'kill -9' of a writer in the middle of its transaction leaves: a child process opens the
// database, rewrites most of its pages inside a transaction and dies without committing. The
// rollback journal stays beside the file, "hot".
void die_while_writing(const std::string& db_path) {
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) _exit(3);
    sqlite3_exec(db, "PRAGMA cache_size = 2", nullptr, nullptr, nullptr);  // pages spill to the file
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "CREATE TABLE filler (x BLOB)", nullptr, nullptr, nullptr);
    for (int i = 0; i < 200; ++i)
      sqlite3_exec(db, "INSERT INTO filler VALUES (zeroblob(20000))", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "UPDATE parcels SET land_use = 'XXXX'", nullptr, nullptr, nullptr);
    _exit(0);  // no COMMIT, no close: as after SIGKILL
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_TRUE(fs::exists(db_path + "-journal")) << "the test did not leave a hot journal";
}

// Another connection of this process in a transaction (begun with `begin`) that it ends after `ms`
// milliseconds on its own thread, as a second writer or a reader in another program would.
class HeldTransaction {
 public:
  HeldTransaction(const std::string& db_path, const char* begin, int ms) {
    if (sqlite3_open(db_path.c_str(), &m_db) != SQLITE_OK || sqlite3_exec(m_db, begin, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot begin a transaction on " + db_path);
    m_thread = std::thread([this, ms] {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    });
  }
  ~HeldTransaction() {
    m_thread.join();
    sqlite3_close(m_db);
  }

 private:
  sqlite3* m_db = nullptr;
  std::thread m_thread;
};

mode_t mode_of(const std::string& path) {
  struct stat st {};
  stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

}  // namespace

// The corruption of the reliability review: a journal left by a killed analysis must be rolled back
// into the old file, never replayed into the new database that import renames over it.
TEST(StoreSafety, HotJournalOfTheOldDatabaseNeverReachesTheNewOne) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"run", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  die_while_writing(db);
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  EXPECT_FALSE(fs::exists(db + "-journal"));
  EXPECT_EQ(sql_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'filler'"), "0");
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM parcels WHERE land_use = 'XXXX'"), "0");
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'parcel_metrics'"), "0")
      << "the old analysis tables came back";
  ASSERT_EQ(cli.run({"analyze", "--db", db, "--quiet"}), 0) << cli.err.str();
  ASSERT_EQ(cli.run({"report", "--db", db, "--by", "zone", "--format", "csv"}), 0) << cli.err.str();
  EXPECT_NE(cli.out.str().find("Z1"), std::string::npos);
}

TEST(StoreSafety, ImportReplacesOnlyParkgisDatabases) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  Cli cli;
  // Another program's SQLite database.
  const std::string other = tmp.str("other.sqlite");
  {
    sqlite3* db = nullptr;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE accounts (x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::string before = parkgis::test::read_text(other);
  EXPECT_EQ(cli.run({"import", ds, "--db", other, "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis import: error: " + other +
                               " exists and is an SQLite database of another program; 'parkgis import' replaces only "
                               "parkgis databases. Give another --db, or add --force to replace this file\n");
  EXPECT_EQ(parkgis::test::read_text(other), before);
  // A GeoPackage.
  const std::string gpkg = tmp.str("layers.gpkg");
  parkgis::test::write_layer(gpkg, "GPKG", 4549, {{"name", 'S'}}, {{"POINT (400000 2950000)", {{"name", "a"}}}});
  EXPECT_EQ(cli.run({"import", ds, "--db", gpkg, "--quiet"}), 1);
  EXPECT_NE(cli.err.str().find("exists and is a GeoPackage"), std::string::npos) << cli.err.str();
  // A text file.
  parkgis::test::write_text(tmp.path() / "notes.txt", "do not lose me");
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("notes.txt"), "--quiet"}), 1);
  EXPECT_NE(cli.err.str().find("exists and is not an SQLite file"), std::string::npos) << cli.err.str();
  EXPECT_EQ(parkgis::test::read_text(tmp.path() / "notes.txt"), "do not lose me");
  // --force replaces them...
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("notes.txt"), "--force", "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(parkgis::store::inspect_target(tmp.str("notes.txt")), parkgis::store::TargetKind::parkgis);
  // ...but never a file of the dataset being imported.
  const std::string shp = (fs::path(ds) / "parcels.shp").string();
  const std::string shp_before = parkgis::test::read_text(shp);
  EXPECT_EQ(cli.run({"import", ds, "--db", shp, "--force", "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis import: error: " + shp +
                               " is a file of the dataset being imported (not an SQLite file); give the database "
                               "another name, e.g. " + (fs::absolute(shp).parent_path() / "parkgis.sqlite").string() + "\n");
  EXPECT_EQ(parkgis::test::read_text(shp), shp_before);
}

TEST(StoreSafety, ImportKeepsPermissionsAndRefusesReadOnlyDatabases) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0);
  chmod(db.c_str(), 0640);
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(mode_of(db), 0640u);
  chmod(db.c_str(), 0444);
  const std::string before = parkgis::test::read_text(db);
  EXPECT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis import: error: database " + db +
                               " is read-only; parkgis will not replace it. Make it writable (chmod u+w " + db +
                               ") or add --force (the new database stays read-only too)\n");
  EXPECT_EQ(parkgis::test::read_text(db), before);
  EXPECT_EQ(cli.run({"import", ds, "--db", db, "--quiet", "--force"}), 0) << cli.err.str();
  EXPECT_EQ(mode_of(db), 0444u);
}

// An analysis that opened the database before an import replaced it must not report success while its
// results go into the unlinked old file.
TEST(StoreSafety, AnalysisOfAReplacedDatabaseFailsClearly) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0);
  auto store = parkgis::store::open_spatialite(db);
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  parkgis::analysis::AnalyzeOptions o;
  try {
    parkgis::analysis::analyze(*store, o);
    FAIL() << "the analysis wrote into a replaced database";
  } catch (const parkgis::DataError& e) {
    EXPECT_EQ(std::string(e.what()), "database " + db +
                                         " was replaced (by 'parkgis import' or another program) after this command "
                                         "opened it; nothing was written; run the command again on the new database");
  }
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'parcel_metrics'"), "0");
}

// A locked database is reported as locked (not as "not a parkgis database"), after the wait.
TEST(StoreSafety, LockedDatabaseIsReportedAsLocked) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"run", ds, "--db", db, "--quiet"}), 0);
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  setenv("PARKGIS_BUSY_TIMEOUT_MS", "200", 1);
  EXPECT_EQ(cli.run({"report", "--db", db}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis report: error: database " + db +
                               " is locked by another program or parkgis command (reading or writing) and stayed "
                               "locked for 0 s; try again when it has finished\n");
  EXPECT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 1);
  EXPECT_NE(cli.err.str().find("is locked by another program"), std::string::npos) << cli.err.str();
  unsetenv("PARKGIS_BUSY_TIMEOUT_MS");
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(sql_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(cli.run({"report", "--db", db}), 0);
}

// A second writer waits for the first (BEGIN IMMEDIATE with the busy timeout) instead of failing.
TEST(StoreSafety, SecondWriterWaitsForTheFirst) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0);
  HeldTransaction first_writer(db, "BEGIN IMMEDIATE", 300);
  EXPECT_EQ(cli.run({"analyze", "--db", db, "--quiet"}), 0) << cli.err.str();
}

// A reader in the middle of a read transaction (the viewer, a report) delays the writer's COMMIT; it
// does not make it fail after all its work.
TEST(StoreSafety, ReaderDoesNotBreakAWriter) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"run", ds, "--db", db, "--quiet"}), 0);
  {
    HeldTransaction viewer(db, "BEGIN; SELECT count(*) FROM parcel_metrics", 500);
    EXPECT_EQ(cli.run({"analyze", "--db", db, "--quiet"}), 0) << cli.err.str();
  }
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM runs"), "2");
}

// A stop request honoured until the commit; after it, the results are kept and the caller is told.
TEST(StoreSafety, StopRequestsBeforeAndAfterTheCommit) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0);
  auto store = parkgis::store::open_spatialite(db);
  parkgis::analysis::AnalyzeOptions o;
  // Asked to stop while the results are written: nothing is committed.
  o.progress = [](std::string_view stage, double f) { return !(stage == "writing results" && f > 0.5); };
  EXPECT_THROW(parkgis::analysis::analyze(*store, o), parkgis::Cancelled);
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'parcel_metrics'"), "0");
  // Asked to stop only once everything is committed: no exception, the results are there.
  o.progress = [](std::string_view stage, double f) { return !(stage == "writing results" && f >= 1.0); };
  EXPECT_NO_THROW(parkgis::analysis::analyze(*store, o));
  EXPECT_EQ(sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'parcel_metrics'"), "1");
}

TEST(StoreSafety, StaleTemporariesOfDeadImportsAreRemoved) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  const pid_t dead = fork();  // a process id that no longer runs
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  parkgis::test::write_text(db + ".tmp-" + std::to_string(dead), "left by a killed import");
  parkgis::test::write_text(db + ".tmp-1", "process 1 still runs: kept");
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  EXPECT_FALSE(fs::exists(db + ".tmp-" + std::to_string(dead)));
  EXPECT_TRUE(fs::exists(db + ".tmp-1"));
}

TEST(OutputSafety, FailedWriteLeavesThePreviousFile) {
  TempDir tmp;
  const std::string path = tmp.str("report.csv");
  parkgis::test::write_text(path, "previous report");
  EXPECT_THROW(parkgis::write_file_atomically(path,
                                              [](std::ostream& os) {
                                                os << "half a report";
                                                throw parkgis::DataError("failed in the middle");
                                              }),
               parkgis::DataError);
  EXPECT_EQ(parkgis::test::read_text(path), "previous report");
  for (const auto& e : fs::directory_iterator(tmp.path())) EXPECT_EQ(e.path().filename(), "report.csv");
  parkgis::write_file_atomically(path, [](std::ostream& os) { os << "new report"; });
  EXPECT_EQ(parkgis::test::read_text(path), "new report");
}

// /dev/full fails every write with ENOSPC, as a full disk does.
TEST(OutputSafety, FullDiskIsAnErrorForFilesAndStandardOutput) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const std::string db = tmp.str("x.sqlite");
  Cli cli;
  ASSERT_EQ(cli.run({"run", ds, "--db", db, "--quiet"}), 0);
  const std::string bin = std::string(PARKGIS_BIN_DIR) + "/parkgis";
  const std::string err = tmp.str("err.txt");
  const int rc = std::system((bin + " report --db " + db + " --by parcel --format csv > /dev/full 2> " + err).c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 1);
  EXPECT_EQ(parkgis::test::read_text(err),
            "parkgis report: error: cannot write the results to standard output: No space left on device (the disk "
            "is full); the output is incomplete\n");
}
