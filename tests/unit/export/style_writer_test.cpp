// .qml and .sld from the themes in styles/: well-formed XML that names only the fields of the output.
#include <cpl_minixml.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "libgis/core/errors.h"
#include "libgis/export/style_writer.h"

using parkgis::exporter::OutField;
using parkgis::exporter::plain_theme;
using parkgis::exporter::qml_document;
using parkgis::exporter::sld_document;

namespace {

OutField field(const std::string& name, const std::string& out, parkgis::store::ColumnType type, const std::string& zh) {
  OutField f;
  f.name = name;
  f.out_name = out;
  f.type = type;
  f.label = {zh, "", ""};
  return f;
}

const std::vector<OutField> kFields = {
    field("parcel_id", "parcel_id", parkgis::store::ColumnType::text, "宗地代码"),
    field("idle_status", "idle_sts", parkgis::store::ColumnType::text, "闲置状态"),
    field("tax_per_mu", "tax_per_mu", parkgis::store::ColumnType::real, "亩均税收"),
};

struct XmlDoc {
  explicit XmlDoc(const std::string& text) : root(CPLParseXMLString(text.c_str())) {}
  ~XmlDoc() { CPLDestroyXMLNode(root); }
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
  CPLXMLNode* root;
};

// Every attribute value and text of the tree, depth first.
void collect(const CPLXMLNode* n, std::vector<std::pair<std::string, std::string>>& out, const std::string& parent = "") {
  for (; n; n = n->psNext) {
    if (n->eType == CXT_Attribute && n->psChild) out.emplace_back(parent + "@" + n->pszValue, n->psChild->pszValue);
    if (n->eType == CXT_Text) out.emplace_back(parent, n->pszValue);
    if (n->eType == CXT_Element || n->eType == CXT_Attribute) collect(n->psChild, out, n->eType == CXT_Element ? n->pszValue : parent);
  }
}

std::set<std::string> out_names() {
  std::set<std::string> s;
  for (const OutField& f : kFields) s.insert(f.out_name);
  return s;
}

}  // namespace

TEST(StyleWriter, QmlIsWellFormedAndNamesOutputFields) {
  const parkgis::style::Theme theme = parkgis::style::find_theme("idle");
  const std::string qml = qml_document(&theme, kFields, "parcel_id");
  XmlDoc doc(qml);
  ASSERT_NE(doc.root, nullptr) << qml;
  std::vector<std::pair<std::string, std::string>> items;
  collect(doc.root, items);
  std::vector<std::string> labels;
  const std::regex quoted("\"([^\"]+)\"");
  for (const auto& [where, value] : items) {
    if (where == "rule@label") labels.push_back(value);
    if (where == "rule@filter" && value != "ELSE") {
      for (std::sregex_iterator it(value.begin(), value.end(), quoted), end; it != end; ++it) {
        EXPECT_TRUE(out_names().count((*it)[1])) << value;
      }
    }
    if (where == "alias@field" || where == "text-style@fieldName") {
      EXPECT_TRUE(out_names().count(value)) << value;
    }
  }
  // Chinese legend labels, in the theme's order, then its "other" class.
  ASSERT_EQ(labels.size(), 7u);
  EXPECT_EQ(labels[0], "满两年未动工（可依法无偿收回）");
  EXPECT_EQ(labels[3], "疑似闲置（政府原因）");
  EXPECT_EQ(labels[4], "待核实（资料不全）");
  EXPECT_EQ(labels[6], "无数据");
  EXPECT_NE(qml.find("filter=\"&quot;idle_sts&quot; = &apos;reclaim_candidate&apos;\""), std::string::npos);
  EXPECT_NE(qml.find("<alias field=\"idle_sts\" index=\"1\" name=\"闲置状态\"/>"), std::string::npos);
  EXPECT_NE(qml.find("value=\"178,24,43,255\""), std::string::npos);  // #b2182b
}

TEST(StyleWriter, GraduatedRulesKeepTheThemesHalfOpenBounds) {
  const parkgis::style::Theme theme = parkgis::style::find_theme("tax-per-mu");
  const std::string qml = qml_document(&theme, kFields, "");
  const std::string sld = sld_document(theme, kFields, "parcels");
  XmlDoc q(qml), s(sld);
  ASSERT_NE(q.root, nullptr);
  ASSERT_NE(s.root, nullptr) << sld;
  EXPECT_NE(qml.find("&quot;tax_per_mu&quot; &gt;= "), std::string::npos);
  EXPECT_NE(qml.find("filter=\"ELSE\""), std::string::npos);
  EXPECT_EQ(qml.find("labelsEnabled=\"1\""), std::string::npos);
  EXPECT_NE(sld.find("<ogc:PropertyIsLessThan><ogc:PropertyName>tax_per_mu</ogc:PropertyName>"), std::string::npos);
  EXPECT_NE(sld.find("<ElseFilter/>"), std::string::npos);
  EXPECT_NE(sld.find("<Title>亩均税收</Title>"), std::string::npos);
  std::vector<std::pair<std::string, std::string>> items;
  collect(s.root, items);
  for (const auto& [where, value] : items) {
    if (where == "ogc:PropertyName") {
      EXPECT_TRUE(out_names().count(value)) << value;
    }
  }
}

TEST(StyleWriter, PlainThemeAndTransparentFill) {
  const parkgis::style::Theme t = plain_theme("zone", "片区边界", "#ffffff00", "#e31a1c", 0.8);
  const std::string qml = qml_document(&t, kFields, "");
  const std::string sld = sld_document(t, kFields, "zone");
  EXPECT_NE(qml.find("<prop k=\"style\" v=\"no\"/>"), std::string::npos);
  EXPECT_EQ(sld.find("<Fill>"), std::string::npos);
  EXPECT_NE(sld.find("<CssParameter name=\"stroke\">#e31a1c</CssParameter>"), std::string::npos);
  XmlDoc q(qml), s(sld);
  EXPECT_NE(q.root, nullptr);
  EXPECT_NE(s.root, nullptr);
}

TEST(StyleWriter, ThemeForAMissingFieldIsRefused) {
  const parkgis::style::Theme theme = parkgis::style::find_theme("grade");
  EXPECT_FALSE(parkgis::exporter::theme_fits(theme, kFields));
  EXPECT_THROW(qml_document(&theme, kFields, ""), parkgis::DataError);
}

TEST(StyleWriter, XmlEscape) {
  EXPECT_EQ(parkgis::exporter::xml_escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
}
