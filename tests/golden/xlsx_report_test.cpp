// Excel reports through the CLI on the tiny dataset, read back by GDAL's XLSX driver and, where
// python3-openpyxl is installed, by openpyxl (number formats, frozen rows, widths).
#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <cstdio>
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

std::string run_output(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    if (pclose(p) != 0) return "";
  }
  return out;
}

// A python3 that has openpyxl (Debian's, not a virtual environment's), or "".
std::string python_with_openpyxl() {
  for (const char* py : {"/usr/bin/python3", "python3"})
    if (run_output(std::string(py) + " -c 'import openpyxl; print(1)' 2>/dev/null") == "1\n") return py;
  return "";
}

class XlsxCli : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::TinyOptions opt;
    opt.order53 = true;
    parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
    db = tmp.str("x.sqlite");
    ASSERT_EQ(cli({"import", tmp.str("ds"), "--db", db, "--quiet"}).rc, 0);
    ASSERT_EQ(cli({"analyze", "--db", db, "--as-of", "2026-06-30", "--quiet"}).rc, 0);
  }
  parkgis::test::TempDir tmp;
  std::string db;
};

}  // namespace

TEST_F(XlsxCli, BinaryFormatNeedsAFile) {
  Cli r = cli({"report", "--db", db, "--format", "xlsx"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "parkgis report: --format xlsx writes a binary file: give -o FILE.xlsx\n");
  EXPECT_EQ(r.out, "");
  r = cli({"report", "--db", db, "--workbook"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "parkgis report: --workbook writes a binary file: give -o FILE.xlsx\n");
  r = cli({"report", "--db", db, "--workbook", "--by", "zone", "-o", tmp.str("w.xlsx")});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "parkgis report: --by does not go with --workbook (it holds every report)\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "w.xlsx"));
  // Written atomically: a folder that does not exist is a data error and leaves nothing behind.
  r = cli({"report", "--db", db, "--workbook", "-o", tmp.str("no/such/w.xlsx")});
  EXPECT_EQ(r.rc, 1);
}

TEST_F(XlsxCli, EveryLevelAsXlsx) {
  GDALAllRegister();
  for (const char* level : {"park", "zone", "parcel", "enterprise", "approval"}) {
    const std::string file = tmp.str(std::string(level) + ".xlsx");
    const Cli r = cli({"report", "--db", db, "--by", level, "--format", "xlsx", "-o", file});
    ASSERT_EQ(r.rc, 0) << level << ": " << r.err;
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds) << file;
    EXPECT_EQ(ds->GetLayerCount(), 1) << file;
  }
}

TEST_F(XlsxCli, WorkbookHasEveryReport) {
  const std::string file = tmp.str("all.xlsx");
  const Cli r = cli({"report", "--db", db, "--workbook", "-o", file});
  ASSERT_EQ(r.rc, 0) << r.err;
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  std::vector<std::string> names;
  for (OGRLayer* l : ds->GetLayers()) names.push_back(l->GetName());
  EXPECT_EQ(names, (std::vector<std::string>{"园区", "片区", "宗地", "企业", "闲置土地", "批而未供", "批次"}));

  const std::string py = python_with_openpyxl();
  if (py.empty()) GTEST_SKIP() << "python3-openpyxl is not installed; the GDAL checks above ran";
  const std::string json = run_output(py + " " + PARKGIS_SOURCE_DIR "/tests/golden/xlsx_dump.py '" + file + "'");
  CPLJSONDocument doc;
  ASSERT_TRUE(doc.LoadMemory(json)) << json;
  const CPLJSONArray sheets = doc.GetRoot().ToArray();
  ASSERT_EQ(sheets.Size(), 7);
  // Each sheet: title row (dataset — report), the evaluation date, the header row (frozen below it).
  for (int s = 0; s < sheets.Size(); ++s) {
    EXPECT_EQ(sheets[s].GetString("freeze"), "A4") << sheets[s].GetString("name");
    const CPLJSONArray rows = sheets[s].GetArray("rows");
    EXPECT_NE(rows[0].ToArray()[0].ToArray()[0].ToString().find(" — "), std::string::npos);
    EXPECT_EQ(rows[1].ToArray()[0].ToArray()[0].ToString().rfind("评价时点 2026-06-30", 0), 0u);
  }
  // The park sheet: a header → [first data value, number format]. Totals row is bold (not checked).
  const auto column = [&](int sheet, const std::string& header) {
    const CPLJSONArray rows = sheets[sheet].GetArray("rows");
    const CPLJSONArray head = rows[2].ToArray();
    for (int c = 0; c < head.Size(); ++c)
      if (head[c].ToArray()[0].ToString() == header) return rows[3].ToArray()[c].ToArray();
    ADD_FAILURE() << "no column " << header;
    return CPLJSONArray();
  };
  // Park P1: 1000 m × 1000 m = 1 000 000 m² = 1500 亩, stored as a number, shown with 1 decimal.
  const CPLJSONArray area = column(0, "面积 (亩)");
  EXPECT_EQ(area[2].ToString(), "number");
  EXPECT_NEAR(area[0].ToDouble(), 1500.0, 1e-6);  // 亩
  EXPECT_EQ(area[1].ToString(), "0.0");
  EXPECT_EQ(column(0, "闲置率")[1].ToString(), "0.0%");
  EXPECT_EQ(column(0, "亩均税收 (万元/亩)")[1].ToString(), "0.00");
  EXPECT_EQ(column(0, "建筑面积 (m²)")[1].ToString(), "0");
  // The 闲置土地 sheet lists only suspected idle parcels: B (never started) and the others with a status.
  const CPLJSONArray idle = sheets[4].GetArray("rows");
  const CPLJSONArray idle_head = idle[2].ToArray();
  int status = -1;
  for (int c = 0; c < idle_head.Size(); ++c)
    if (idle_head[c].ToArray()[0].ToString() == "闲置状态") status = c;
  ASSERT_GE(status, 0);
  int listed = 0;
  for (int i = 3; i < idle.Size(); ++i) {
    const CPLJSONArray row = idle[i].ToArray();
    if (row.Size() <= status || row[status].ToArray()[0].GetType() == CPLJSONObject::Type::Null) break;  // notes
    EXPECT_NE(row[status].ToArray()[0].ToString(), "") << i;
    ++listed;
  }
  EXPECT_GT(listed, 0);
  // Widths fit: the group column (园区 names) is wider than the default 8.43 characters.
  EXPECT_GT(sheets[1].GetObj("widths").GetDouble("A"), 10.0);
}
