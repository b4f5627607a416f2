// A full disk, for real: a small tmpfs is mounted (the test runs as root, as CI does; elsewhere it is
// skipped), filled up, and import, report and export must each fail with a message that says the disk
// is full, leave no partial file, and leave the previous database and files as they were.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/cli/command.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::test::TempDir;

namespace {

class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    disk = tmp.path() / "disk";
    fs::create_directories(disk);
    if (geteuid() != 0 || mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=12m") != 0)
      GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
    mounted = true;
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::write_tiny_dataset(tmp.str("ds"));
  }
  void TearDown() override {
    if (mounted) umount2(disk.c_str(), MNT_DETACH);
  }
  int run(const std::vector<std::string>& argv) {
    const int rc = cli.run(argv);
    err.str(cli.err.str());
    return rc;
  }
  // Leaves about `free_bytes` free on the tmpfs (0: none at all).
  void fill_up(std::uintmax_t free_bytes) {
    const fs::space_info s = fs::space(disk);
    std::FILE* f = std::fopen((disk / "filler").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::setvbuf(f, nullptr, _IONBF, 0);
    const std::string block(64 * 1024, 'x');
    std::uintmax_t n = 0;
    for (; n + block.size() + free_bytes < s.available; n += block.size())
      if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) break;
    if (free_bytes == 0)
      for (std::size_t chunk : {std::size_t(4096), std::size_t(1)})
        while (std::fwrite(block.data(), 1, chunk, f) == chunk) {
        }
    std::fclose(f);
  }
  std::vector<std::string> leftovers() const {
    std::vector<std::string> out_names;
    for (const auto& e : fs::directory_iterator(disk))
      if (e.path().filename().string().find(".tmp-") != std::string::npos) out_names.push_back(e.path().filename());
    return out_names;
  }

  TempDir tmp;
  fs::path disk;
  bool mounted = false;
  parkgis::test::CliRun cli;
  std::ostringstream err;
};

}  // namespace

TEST_F(FullDisk, ImportFailsSayingSoAndKeepsTheOldDatabase) {
  const std::string db = (disk / "x.sqlite").string();
  ASSERT_EQ(run({"run", tmp.str("ds"), "--db", db, "--quiet"}), 0) << err.str();
  const std::string before = parkgis::test::read_text(db);
  fill_up(64 * 1024);
  EXPECT_EQ(run({"import", tmp.str("ds"), "--db", db, "--quiet"}), 1);
  EXPECT_NE(err.str().find("cannot create " + db + ": the disk is full ("), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("free some space and run the command again (the database is left as it was)"), std::string::npos)
      << err.str();
  EXPECT_EQ(parkgis::test::read_text(db), before);
  EXPECT_TRUE(leftovers().empty());
  // The analysis of the old database fails the same way and leaves it readable.
  EXPECT_EQ(run({"analyze", "--db", db, "--quiet"}), 1);
  EXPECT_NE(err.str().find("the disk is full"), std::string::npos) << err.str();
  EXPECT_EQ(run({"report", "--db", db, "--by", "zone", "--format", "csv"}), 0) << err.str();
}

TEST_F(FullDisk, ReportAndExportFailSayingSoAndLeaveNoPartialFile) {
  const std::string db = tmp.str("x.sqlite");  // the database is elsewhere; only the outputs are on the full disk
  ASSERT_EQ(run({"run", tmp.str("ds"), "--db", db, "--quiet"}), 0) << err.str();
  const std::string report = (disk / "parcels.csv").string();
  ASSERT_EQ(run({"report", "--db", db, "--by", "parcel", "--format", "csv", "-o", report}), 0) << err.str();
  const std::string before = parkgis::test::read_text(report);
  fill_up(0);
  EXPECT_EQ(run({"report", "--db", db, "--by", "parcel", "--format", "html", "-o", report}), 1);
  EXPECT_NE(err.str().find("cannot write " + report + ": No space left on device (free some space"), std::string::npos)
      << err.str();
  EXPECT_EQ(parkgis::test::read_text(report), before);
  EXPECT_EQ(run({"export", "--db", db, "--layer", "parcels", "-o", (disk / "parcels.shp").string()}), 1);
  EXPECT_NE(err.str().find("is full"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(disk / "parcels.shp"));
  EXPECT_TRUE(leftovers().empty());
}
