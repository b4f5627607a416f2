// 'parkgis render': the map sheet without a window, in-process and as the real program without a
// display; errors keep the exit codes of every command.
#include <gtest/gtest.h>

#include <QImage>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "app/cli/command.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

int render(const std::vector<std::string>& args, std::string* err = nullptr) {
  return parkgis::test::run_cli({"render"}, args, err);
}

}  // namespace

TEST(RenderCommand, WritesAZoneSheet) {
  const std::string out = parkgis::test::gui_tmp("cmd-zone.png");
  ASSERT_EQ(render({"--db", parkgis::test::ningde_db(), "--theme", "grade", "--zone", "YQ10-PQ1", "--size", "900x640",
                    "--title", "柘荣 亩均等级", "-o", out}),
            0);
  QImage img;
  ASSERT_TRUE(img.load(QString::fromStdString(out)));
  EXPECT_EQ(img.size(), QSize(900, 640));
}

TEST(RenderCommand, ErrorsAndExitCodes) {
  std::string err;
  const std::string db = parkgis::test::ningde_db();
  EXPECT_EQ(render({"--db", db, "--theme", "nope", "-o", parkgis::test::gui_tmp("x.png")}, &err), 2);
  EXPECT_NE(err.find("the themes are"), std::string::npos) << err;
  EXPECT_EQ(render({"--db", db, "--theme", "idle", "-o", parkgis::test::gui_tmp("x.jpg")}, &err), 2);
  EXPECT_EQ(render({"--db", db, "--theme", "idle", "--size", "big", "-o", parkgis::test::gui_tmp("x.png")}, &err), 2);
  EXPECT_EQ(render({"--db", db, "--theme", "idle", "--zone", "NOPE", "-o", parkgis::test::gui_tmp("x.png")}, &err), 1);
  EXPECT_NE(err.find("no zone NOPE"), std::string::npos) << err;
  EXPECT_EQ(render({"--db", parkgis::test::gui_tmp("missing.sqlite"), "--theme", "idle", "-o", parkgis::test::gui_tmp("x.png")}, &err), 1);
  EXPECT_FALSE(std::filesystem::exists(parkgis::test::gui_tmp("x.png")));
}

// A database that was imported but never analysed has nothing to colour: an error, not a grey map.
TEST(RenderCommand, DatabaseWithoutAnalysisIsAnError) {
  const std::string db = parkgis::test::gui_tmp("imported-only.sqlite");
  std::ostringstream out, errs;
  parkgis::cli::Context ctx{out, errs, false};
  ASSERT_EQ(parkgis::cli::run({"import", std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", "--db", db, "--quiet"}, ctx), 0)
      << errs.str();
  std::string err;
  const std::string png = parkgis::test::gui_tmp("unanalysed.png");
  EXPECT_EQ(render({"--db", db, "--theme", "idle", "-o", png}, &err), 1);
  EXPECT_EQ(err, "parkgis render: error: " + db + " has no analysis results (table parcel_metrics); run 'parkgis analyze --db " +
                     db + "' first\n");
  EXPECT_FALSE(std::filesystem::exists(png));
}

TEST(RenderCommand, RunsWithoutADisplay) {
  const std::string out = parkgis::test::gui_tmp("cmd-nodisplay.pdf");
  const std::string cmd = "env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY " + std::string(PARKGIS_BIN_DIR) +
                          "/parkgis render --db '" + parkgis::test::ningde_db() + "' --theme supply --lang en -o '" + out +
                          "' 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_GT(std::filesystem::file_size(out), 10000u);
}
