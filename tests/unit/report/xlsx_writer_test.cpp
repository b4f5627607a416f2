// The Excel writer: sheet names, number formats, and the file read back through GDAL (its XLSX driver
// for the values, /vsizip/ for the stored cell types, the frozen pane and the number formats).
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "libgis/report/xlsx_writer.h"
#include "tests/support/test_support.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

std::string zip_entry(const std::string& zip, const std::string& entry) {
  VSILFILE* f = VSIFOpenL(("/vsizip/" + zip + "/" + entry).c_str(), "rb");
  if (!f) return "";
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  VSIFCloseL(f);
  return out;
}

// Every cell of a sheet as text, rows × columns, through GDAL's XLSX driver (no header detection).
std::vector<std::vector<std::string>> cells(const std::string& path, const std::string& sheet) {
  GDALAllRegister();
  const char* options[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, nullptr, options));
  EXPECT_TRUE(ds) << path;
  std::vector<std::vector<std::string>> out;
  if (!ds) return out;
  OGRLayer* layer = ds->GetLayerByName(sheet.c_str());
  EXPECT_NE(layer, nullptr) << sheet;
  if (!layer) return out;
  for (auto& f : *layer) {
    std::vector<std::string> row;
    for (int i = 0; i < f->GetFieldCount(); ++i) row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    out.push_back(std::move(row));
  }
  return out;
}

TEST(XlsxSheetName, ValidUniqueAndAtMost31Characters) {
  EXPECT_EQ(sheet_name("园区", {}), "园区");
  EXPECT_EQ(sheet_name("a/b:c*d?[e]\\f", {}), "a_b_c_d__e__f");
  EXPECT_EQ(sheet_name("'quoted'", {}), "quoted");
  EXPECT_EQ(sheet_name("", {}), "Sheet");
  // 40 CJK characters: cut to 31 characters (93 bytes), never inside one.
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "宗";
  EXPECT_EQ(sheet_name(long_name, {}).size(), 31u * 3);
  EXPECT_EQ(sheet_name("Parks", {"parks"}), "Parks (2)");          // Excel ignores case
  EXPECT_EQ(sheet_name("园区", {"园区", "园区 (2)"}), "园区 (3)");
  EXPECT_EQ(sheet_name(long_name, {sheet_name(long_name, {})}).size(), 27u * 3 + 4);  // 27 + " (2)" = 31
  Report r;
  r.title = "宁德小微园 — 批次供地（批而未供）";
  EXPECT_EQ(sheet_name_of(r), "批次供地（批而未供）");
}

TEST(XlsxNumberFormat, FromDecimalsAndPercent) {
  EXPECT_EQ(number_format({"a", "面积", "亩", 1, false}, true), "0.0");
  EXPECT_EQ(number_format({"t", "亩均税收", "万元/亩", 2, false}, true), "0.00");
  EXPECT_EQ(number_format({"f", "建筑面积", "m²", 0, false}, true), "0");
  EXPECT_EQ(number_format({"r", "闲置率", "", 1, true}, true), "0.0%");
  EXPECT_EQ(number_format({"n", "企业数", "", -1, false}, true), "General");
  EXPECT_EQ(number_format({"p", "园区", "", -1, false}, false), "@");
}

TEST(XlsxWriter, SampleReportReadsBackWithNumbersAsNumbers) {
  parkgis::test::TempDir tmp;
  const std::string path = tmp.str("sample.xlsx");
  {
    std::ofstream f(path, std::ios::binary);
    write(f, test::sample_report(), Format::xlsx);
  }
  // Rows: title, first note, header, section 蕉城园 (2 rows + total), section "Fu'an <B>" (1 row),
  // blank, the second note. A group column (分组: the sections have no park/zone key) comes first.
  const auto c = cells(path, "园区汇总");
  ASSERT_EQ(c.size(), 9u);
  EXPECT_EQ(c[0][0], "宁德小微园 — 园区汇总");
  EXPECT_EQ(c[1][0], "数据: ningde 2026-06-30");
  EXPECT_EQ(c[2], (std::vector<std::string>{"分组", "园区", "面积 (亩)", "企业数", "亩均税收 (万元/亩)", "闲置率"}));
  EXPECT_EQ(c[3][0], "蕉城园");
  EXPECT_EQ(c[3][1], "蕉城小微园A区");
  EXPECT_EQ(std::stod(c[3][2]), 120.5);    // 亩, stored whole, shown with 1 decimal
  EXPECT_EQ(std::stod(c[3][4]), 3.456);    // 万元/亩, stored whole, shown 3.46
  EXPECT_EQ(std::stod(c[3][5]), 0.125);    // ratio, shown 12.5%
  EXPECT_EQ(c[4][4], "");                  // null stays empty
  EXPECT_EQ(c[5][1], "合计");
  EXPECT_EQ(c[6][0], "Fu'an <B>");
  EXPECT_EQ(c[8][0], "parkgis 0.1.0");

  const std::string sheet = zip_entry(path, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  const std::string pane = sheet.substr(sheet.find("<pane "), sheet.find("/>", sheet.find("<pane ")) - sheet.find("<pane "));
  EXPECT_NE(pane.find("ySplit=\"3\" topLeftCell=\"A4\""), std::string::npos) << pane;  // rows 1-3 stay
  EXPECT_NE(pane.find("state=\"frozen\""), std::string::npos) << pane;
  // C4 holds 120.5 as a number (no t="s": not a shared string).
  const auto at = sheet.find("<c r=\"C4\"");
  ASSERT_NE(at, std::string::npos);
  const std::string c4 = sheet.substr(at, sheet.find("</c>", at) - at);
  EXPECT_EQ(c4.find("t=\""), std::string::npos) << c4;
  EXPECT_NE(c4.find("<v>120.5</v>"), std::string::npos) << c4;
  const std::string styles = zip_entry(path, "xl/styles.xml");
  for (const char* f : {"formatCode=\"0.0\"", "formatCode=\"0.00\"", "formatCode=\"0.0%\""})
    EXPECT_NE(styles.find(f), std::string::npos) << f;
  // Widths fit the contents: column B (园区) holds "蕉城小微园A区" (6 CJK + 1 = 13) + 2 = 15.
  EXPECT_NE(sheet.find("<col min=\"2\" max=\"2\" width=\"15.7109375\""), std::string::npos) << sheet;
}

TEST(XlsxWriter, WorkbookHasASheetPerReport) {
  parkgis::test::TempDir tmp;
  const std::string path = tmp.str("book.xlsx");
  Report b = test::sample_report();
  b.title = "other";
  {
    std::ofstream f(path, std::ios::binary);
    write_workbook(f, {{"园区", test::sample_report()}, {"园区", b}, {"a:b", b}});
  }
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  std::vector<std::string> names;
  for (OGRLayer* l : ds->GetLayers()) names.push_back(l->GetName());
  EXPECT_EQ(names, (std::vector<std::string>{"园区", "园区 (2)", "a_b"}));
}

}  // namespace
}  // namespace parkgis::report
