// The shipped themes load, and values fall into the right classes.
#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/style/theme.h"
#include "tests/support/test_support.h"

using namespace parkgis;

TEST(StyleThemes, EveryShippedThemeLoads) {
  const auto themes = style::load_themes();
  std::vector<std::string> ids;
  for (const auto& t : themes) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"changes", "grade", "idle", "output-per-mu", "sites", "supply", "tax-per-mu", "unsupplied", "vacancy"}));
  for (const auto& t : themes) {
    EXPECT_FALSE(t.title_zh.empty()) << t.id;
    for (const auto& c : t.classes) EXPECT_FALSE(c.label_zh.empty()) << t.id;
  }
}

TEST(StyleThemes, GraduatedClassesAreHalfOpen) {
  const style::Theme t = style::find_theme("tax-per-mu");
  EXPECT_EQ(t.classify(store::Value{4.99}), 0);
  EXPECT_EQ(t.classify(store::Value{5.0}), 1);  // [5, 10)
  EXPECT_EQ(t.classify(store::Value{39.9}), 3);
  EXPECT_EQ(t.classify(store::Value{1e6}), 4);
  EXPECT_EQ(t.classify(store::Value{}), -1);  // null -> "other"
  EXPECT_EQ(t.class_for(store::Value{}).label_zh, "无企业数据");
}

TEST(StyleThemes, CategorizedAndSingle) {
  const style::Theme idle = style::find_theme("idle");
  EXPECT_EQ(idle.class_for(store::Value{std::string("reclaim_candidate")}).fill.hex(), "#b2182b");
  EXPECT_EQ(idle.classify(store::Value{std::string("bogus")}), -1);
  const style::Theme u = style::find_theme("unsupplied");
  EXPECT_EQ(u.classify(store::Value{}), 0);
  EXPECT_EQ(u.classes[0].fill.hex(), "#f768a1b3");
}

TEST(StyleThemes, UnknownThemeListsTheIds) {
  try {
    style::find_theme("nope");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown theme 'nope'; the themes are changes, grade, idle, output-per-mu, sites, supply, tax-per-mu, unsupplied, vacancy");
  }
}

TEST(StyleThemes, MalformedColourIsAnError) {
  test::TempDir tmp;
  test::write_text(tmp.path() / "t.json",
                   R"({"id":"x","title":{"zh":"x"},"layer":"parcel_metrics","kind":"single","classes":[{"fill":"red","label":{"zh":"a"}}]})");
  try {
    style::load_theme(tmp.str("t.json"));
    FAIL();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()), tmp.str("t.json") + ": \"fill\" must be a colour like #d7191c, got \"red\"");
  }
}
