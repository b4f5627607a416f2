#include <gtest/gtest.h>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

#include "libgis/core/errors.h"
#include "libgis/io/encoding.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::DataError;
using parkgis::io::decide_encoding;
using parkgis::io::is_valid_gb18030;
using parkgis::io::is_valid_utf8;
using parkgis::io::normalize_encoding_name;
using parkgis::io::recode_to_utf8;
using parkgis::io::SourceEncoding;
using parkgis::test::TempDir;
using parkgis::test::write_text;

namespace {

// Traditional characters on purpose: 寧 and 時 are not in GB2312.
const std::string kTraditional = "寧德時代新能源科技股份有限公司";
const std::string kSimplified = "宁德小微园";
const std::string kOwnerField = "权利人";

// Writes a one-layer shapefile with a Chinese field name and the two values, in `encoding`
// (a GDAL layer creation option), then removes the .cpg GDAL wrote beside it.
std::string write_chinese_shapefile(const TempDir& dir, const std::string& encoding) {
  const std::string shp = dir.str("parcels.shp");
  parkgis::test::write_layer(
      shp, "ESRI Shapefile", 4549, {{kOwnerField, 'S'}, {"NAME", 'S'}},
      {{"POINT (500000 3000000)", {{kOwnerField, kTraditional}, {"NAME", kSimplified}}},
       {"POINT (500100 3000100)", {{kOwnerField, "ABC"}, {"NAME", "plain"}}}},
      {"ENCODING=" + encoding});
  fs::remove(dir.path() / "parcels.cpg");
  return shp;
}

unsigned char ldid(const std::string& shp) {
  std::ifstream in(fs::path(shp).replace_extension(".dbf"), std::ios::binary);
  in.seekg(29);
  return static_cast<unsigned char>(in.get());
}

void set_ldid(const std::string& shp, unsigned char value) {
  std::fstream f(fs::path(shp).replace_extension(".dbf"), std::ios::binary | std::ios::in | std::ios::out);
  f.seekp(29);
  f.put(static_cast<char>(value));
}

struct ReadBack {
  std::string field_name;  // name of the first field
  std::vector<std::string> first, second;  // values of the first two fields
};

// Reads the layer through GDAL as the importer would, with the decided open options.
ReadBack read_back(const std::string& path, const std::vector<std::string>& open_options) {
  GDALAllRegister();
  CPLStringList oo;
  for (const auto& o : open_options) oo.AddString(o.c_str());
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, nullptr, oo.List(), nullptr));
  if (!ds) throw std::runtime_error("cannot open " + path);
  OGRLayer* layer = ds->GetLayer(0);
  ReadBack r;
  r.field_name = layer->GetLayerDefn()->GetFieldDefn(0)->GetNameRef();
  for (auto& f : *layer) {
    r.first.push_back(f->GetFieldAsString(0));
    r.second.push_back(f->GetFieldAsString(1));
  }
  return r;
}

void expect_chinese_intact(const ReadBack& r) {
  EXPECT_EQ(r.field_name, kOwnerField);
  ASSERT_EQ(r.first.size(), 2u);
  EXPECT_EQ(r.first[0], kTraditional);
  EXPECT_EQ(r.second[0], kSimplified);
  EXPECT_EQ(r.first[1], "ABC");
}

std::string to_gbk(const std::string& utf8) {
  char* s = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936");
  std::string out(s);
  CPLFree(s);
  return out;
}

}  // namespace

TEST(EncodingShapefile, GbkWithoutCpgAndLdidIsDetectedAsGb18030) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  ASSERT_EQ(ldid(shp), 0) << "GDAL writes LDID 0 for a non-LDID encoding";
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_EQ(e.origin, "detected");
  EXPECT_TRUE(e.guessed);
  EXPECT_NE(e.detail.find("reads as GB18030"), std::string::npos) << e.detail;
  EXPECT_EQ(e.open_options, std::vector<std::string>{"ENCODING=GB18030"});
  EXPECT_FALSE(e.recode_strings);
  expect_chinese_intact(read_back(shp, e.open_options));
  // Why this module exists: GDAL alone passes the GBK bytes through unchanged.
  EXPECT_FALSE(is_valid_utf8(read_back(shp, {}).first[0]));
  // The .dbf path decides the same.
  EXPECT_EQ(decide_encoding(fs::path(shp).replace_extension(".dbf").string(), "").name, "GB18030");
}

TEST(EncodingShapefile, LanguageByteForChineseMeansCp936) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  for (unsigned char id : {0x4D, 0x7A}) {
    set_ldid(shp, id);
    const SourceEncoding e = decide_encoding(shp, "UTF-8");  // a declaration in the file beats the manifest
    EXPECT_EQ(e.name, "CP936") << int(id);
    EXPECT_NE(e.detail.find("'UTF-8' is not used"), std::string::npos) << e.detail;
    EXPECT_EQ(e.origin, "ldid");
    EXPECT_FALSE(e.guessed);
    expect_chinese_intact(read_back(shp, e.open_options));
  }
}

TEST(EncodingShapefile, LanguageByte0x57IsIgnored) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  set_ldid(shp, 0x57);
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_EQ(e.origin, "detected");
  EXPECT_NE(e.detail.find("0x57"), std::string::npos) << e.detail;
  expect_chinese_intact(read_back(shp, e.open_options));
}

TEST(EncodingShapefile, CpgSpellings) {
  struct Case {
    const char* written;  // layer creation ENCODING
    const char* cpg;
    const char* want;
  };
  for (const Case& c : {Case{"CP936", "936", "CP936"}, Case{"CP936", "ANSI 936", "CP936"},
                        Case{"CP936", "GBK\r\n", "CP936"}, Case{"CP936", "GB2312", "GB18030"},
                        Case{"UTF-8", "65001", "UTF-8"}, Case{"UTF-8", "UTF-8", "UTF-8"},
                        Case{"UTF-8", "utf8", "UTF-8"}}) {
    TempDir dir;
    const std::string shp = write_chinese_shapefile(dir, c.written);
    write_text(dir.path() / "parcels.cpg", c.cpg);
    const SourceEncoding e = decide_encoding(shp, "");
    EXPECT_EQ(e.name, c.want) << c.cpg;
    EXPECT_EQ(e.origin, "cpg") << c.cpg;
    EXPECT_EQ(e.open_options, std::vector<std::string>{std::string("ENCODING=") + c.want});
    expect_chinese_intact(read_back(shp, e.open_options));
  }
}

TEST(EncodingShapefile, Gb2312CpgIsReadAsGb18030) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  write_text(dir.path() / "parcels.CPG", "GB2312");  // upper-case extension as some tools write it
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_NE(e.detail.find("traditional"), std::string::npos) << e.detail;
  EXPECT_EQ(read_back(shp, e.open_options).first[0], kTraditional);
}

TEST(EncodingShapefile, UnknownCpgIsIgnoredWithANote) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  write_text(dir.path() / "parcels.cpg", "NO-SUCH-CHARSET");
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_EQ(e.origin, "detected");
  EXPECT_NE(e.detail.find("NO-SUCH-CHARSET"), std::string::npos) << e.detail;
}

TEST(EncodingShapefile, ManifestIsUsedWhenTheFileDeclaresNothing) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  const SourceEncoding e = decide_encoding(shp, "GBK");
  EXPECT_EQ(e.name, "CP936");
  EXPECT_EQ(e.origin, "manifest");
  EXPECT_FALSE(e.guessed);
  EXPECT_EQ(e.open_options, std::vector<std::string>{"ENCODING=CP936"});
  expect_chinese_intact(read_back(shp, e.open_options));
}

TEST(EncodingShapefile, UnknownManifestEncodingIsADataError) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  try {
    decide_encoding(shp, "KOI9");
    FAIL() << "no DataError";
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "unknown encoding 'KOI9' in dataset.json; use UTF-8, GBK or GB18030");
  }
}

TEST(EncodingShapefile, Utf8WithoutCpgIsUtf8AndNotGuessed) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "UTF-8");
  ASSERT_EQ(ldid(shp), 0);
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "UTF-8");
  EXPECT_EQ(e.origin, "detected");
  EXPECT_FALSE(e.guessed);
  expect_chinese_intact(read_back(shp, e.open_options));
}

TEST(EncodingShapefile, Utf8FieldNameCutInsideACharacterStillCountsAsUtf8) {
  TempDir dir;
  const std::string shp = dir.str("cut.shp");
  // 4 Chinese characters are 12 UTF-8 bytes; DBF keeps 10, cutting the 4th character. The 10 bytes
  // left happen to be valid GB18030, so without allowing for the cut detection would answer GB18030.
  CPLPushErrorHandler(CPLQuietErrorHandler);  // GDAL warns about the laundered name
  parkgis::test::write_layer(shp, "ESRI Shapefile", 4549, {{"园区名称", 'S'}},
                             {{"POINT (500000 3000000)", {{"园区名称", kSimplified}}}}, {"ENCODING=UTF-8"});
  CPLPopErrorHandler();
  fs::remove(dir.path() / "cut.cpg");
  EXPECT_EQ(decide_encoding(shp, "").name, "UTF-8");
}

TEST(EncodingShapefile, TextThatIsNeitherUtf8NorGb18030IsRecodedByUs) {
  TempDir dir;
  const std::string shp = write_chinese_shapefile(dir, "CP936");
  const fs::path dbf = fs::path(shp).replace_extension(".dbf");
  std::string bytes = parkgis::test::read_text(dbf);
  const std::size_t at = bytes.find(to_gbk(kSimplified));
  ASSERT_NE(at, std::string::npos);
  bytes[at] = '\xFF';  // no encoding we detect has a 0xFF byte
  write_text(dbf, bytes);
  const SourceEncoding e = decide_encoding(shp, "");
  EXPECT_EQ(e.name, "UTF-8");
  EXPECT_TRUE(e.guessed);
  EXPECT_TRUE(e.recode_strings);
  EXPECT_NE(e.detail.find("neither"), std::string::npos) << e.detail;
  // GDAL passes the bytes through; recoding replaces the bad ones and says so.
  bool lossy = false;
  const std::string value = recode_to_utf8(read_back(shp, e.open_options).second[0], e.name, &lossy);
  EXPECT_TRUE(lossy);
  EXPECT_TRUE(is_valid_utf8(value));
  EXPECT_NE(value.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(EncodingCsv, GbkCsvIsRecodedByUs) {
  TempDir dir;
  const fs::path csv = dir.path() / "firms.csv";
  write_text(csv, to_gbk("name,owner\n" + kSimplified + "," + kTraditional + "\n"));
  const SourceEncoding e = decide_encoding(csv.string(), "");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_TRUE(e.guessed);
  EXPECT_TRUE(e.recode_strings);
  EXPECT_TRUE(e.open_options.empty());
  const ReadBack r = read_back(csv.string(), e.open_options);
  ASSERT_EQ(r.second.size(), 1u);
  EXPECT_EQ(recode_to_utf8(r.second[0], e.name), kTraditional);
  EXPECT_EQ(recode_to_utf8(r.first[0], e.name), kSimplified);
}

TEST(EncodingCsv, Utf8BomAndManifest) {
  TempDir dir;
  const fs::path csv = dir.path() / "firms.csv";
  write_text(csv, "\xEF\xBB\xBFname\n" + kSimplified + "\n");
  SourceEncoding e = decide_encoding(csv.string(), "GBK");
  EXPECT_EQ(e.name, "UTF-8");
  EXPECT_FALSE(e.recode_strings);
  EXPECT_FALSE(e.guessed);

  write_text(csv, "name\n" + kSimplified + "\n");
  e = decide_encoding(csv.string(), "");
  EXPECT_EQ(e.name, "UTF-8");
  EXPECT_FALSE(e.guessed);
  e = decide_encoding(csv.string(), "gb18030");
  EXPECT_EQ(e.name, "GB18030");
  EXPECT_EQ(e.origin, "manifest");
  EXPECT_TRUE(e.recode_strings);
}

TEST(EncodingCsv, TextThatIsNeitherUtf8NorGb18030) {
  TempDir dir;
  const fs::path csv = dir.path() / "bad.csv";
  write_text(csv, "name\nab\xFF\x80\n");
  const SourceEncoding e = decide_encoding(csv.string(), "");
  EXPECT_EQ(e.name, "UTF-8");
  EXPECT_TRUE(e.guessed);
  EXPECT_TRUE(e.recode_strings);
  EXPECT_NE(e.detail.find("neither"), std::string::npos) << e.detail;
}

TEST(EncodingFormats, Utf8ByFormat) {
  for (const char* p : {"a.gpkg", "a.geojson", "b.GeoJSON", "c.gdb", "d.sqlite", "e.tab"}) {
    const SourceEncoding e = decide_encoding(p, "");
    EXPECT_EQ(e.name, "UTF-8") << p;
    EXPECT_EQ(e.origin, "format") << p;
    EXPECT_TRUE(e.open_options.empty());
    EXPECT_FALSE(e.recode_strings);
  }
}

TEST(EncodingNames, Spellings) {
  const std::pair<const char*, const char*> cases[] = {
      {"UTF-8", "UTF-8"},       {"utf8", "UTF-8"},        {"65001", "UTF-8"},         {"936", "CP936"},
      {"CP936", "CP936"},       {"ANSI 936", "CP936"},    {" GBK\n", "CP936"},        {"MS936", "CP936"},
      {"windows-936", "CP936"}, {"GB18030", "GB18030"},   {"54936", "GB18030"},       {"GB2312", "GB18030"},
      {"20936", "GB18030"},     {"EUC-CN", "GB18030"},    {"1252", "CP1252"},         {"ANSI 1252", "CP1252"},
      {"88591", "ISO-8859-1"},  {"ISO-8859-1", "ISO-8859-1"}, {"BIG5", "BIG5"},       {"950", "CP950"},
      {"1251", "CP1251"},       {"88592", "ISO-8859-2"},  {"KOI8-R", "KOI8-R"},       {"", ""},
      {"no such", ""},          {"99999", ""}};
  for (const auto& [in, want] : cases) EXPECT_EQ(normalize_encoding_name(in), want) << in;
}

TEST(EncodingValidators, Utf8) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(is_valid_utf8(kTraditional));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));       // U+1F600
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
  EXPECT_TRUE(is_valid_utf8(std::string_view("a\0b", 3)));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));              // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));          // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE5\x9B"));              // cut inside a character
  EXPECT_FALSE(is_valid_utf8("\x80"));                  // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8(to_gbk(kSimplified)));
}

TEST(EncodingValidators, Gb18030) {
  EXPECT_TRUE(is_valid_gb18030(""));
  EXPECT_TRUE(is_valid_gb18030("plain ASCII"));
  EXPECT_TRUE(is_valid_gb18030(to_gbk(kTraditional)));
  EXPECT_TRUE(is_valid_gb18030("\x81\x40"));            // lowest two-byte code
  EXPECT_TRUE(is_valid_gb18030("\xFE\xFE"));
  EXPECT_TRUE(is_valid_gb18030("\x81\x30\x81\x30"));    // four-byte code (U+0080)
  EXPECT_FALSE(is_valid_gb18030("\x80"));
  EXPECT_FALSE(is_valid_gb18030("\xFF\x40"));
  EXPECT_FALSE(is_valid_gb18030("\x81\x7F"));           // 0x7F is not a trail byte
  EXPECT_FALSE(is_valid_gb18030("\x81\xFF"));
  EXPECT_FALSE(is_valid_gb18030("\xB5"));               // lead byte at the end
  EXPECT_FALSE(is_valid_gb18030("\x81\x30\x81"));       // cut four-byte code
  EXPECT_FALSE(is_valid_gb18030("\x81\x30\x20\x30"));
  EXPECT_FALSE(is_valid_gb18030("\x81\x30\x81\x3A"));
}

TEST(EncodingRecode, ToUtf8) {
  bool lossy = false;
  EXPECT_EQ(recode_to_utf8(to_gbk(kTraditional), "GB18030", &lossy), kTraditional);
  EXPECT_EQ(recode_to_utf8(to_gbk(kSimplified), "CP936", &lossy), kSimplified);
  EXPECT_EQ(recode_to_utf8("\x81\x30\x81\x30", "GB18030", &lossy), "\xC2\x80");
  EXPECT_EQ(recode_to_utf8("", "GB18030", &lossy), "");
  EXPECT_FALSE(lossy);

  EXPECT_EQ(recode_to_utf8("a\xFF" "b", "GB18030", &lossy), "a\xEF\xBF\xBD" "b");
  EXPECT_TRUE(lossy);
  lossy = false;
  EXPECT_EQ(recode_to_utf8("ab\xB5", "GB18030", &lossy), "ab\xEF\xBF\xBD");  // ends inside a character
  EXPECT_TRUE(lossy);
  lossy = false;
  EXPECT_EQ(recode_to_utf8("x\xC0\x80y", "UTF-8", &lossy), "x\xEF\xBF\xBD\xEF\xBF\xBDy");
  EXPECT_TRUE(lossy);
  EXPECT_EQ(recode_to_utf8("caf\xE9", "ISO-8859-1"), "café");
  // One byte becoming three makes the output buffer grow.
  std::string euros;
  for (int i = 0; i < 1000; ++i) euros += "€";
  EXPECT_EQ(recode_to_utf8(std::string(1000, '\x80'), "CP1252"), euros);
  EXPECT_THROW(recode_to_utf8("x", "NO-SUCH-CHARSET"), DataError);
}
