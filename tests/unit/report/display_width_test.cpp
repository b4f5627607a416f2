#include <gtest/gtest.h>

#include "libgis/report/report.h"

namespace parkgis::report {
namespace {

TEST(ReportDisplayWidth, AsciiAndChinese) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("亩均"), 4u);
  EXPECT_EQ(display_width("宁德小微园"), 10u);
  EXPECT_EQ(display_width("蕉城小微园A区"), 13u);
  EXPECT_EQ(display_width("亩均税收 (万元/亩)"), 18u);
  EXPECT_EQ(display_width("宁德小微园（示例）"), 18u);  // fullwidth parentheses
  EXPECT_EQ(display_width("。、「」"), 8u);               // CJK symbols and punctuation
  EXPECT_EQ(display_width("𠀀"), 2u);                    // CJK extension B (4-byte UTF-8)
}

TEST(ReportDisplayWidth, CombiningMarksAndZeroWidth) {
  EXPECT_EQ(display_width("\xC3\xA9"), 1u);   // é precomposed U+00E9
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);  // e + U+0301 combining acute
  EXPECT_EQ(display_width("a\xE2\x80\x8B" "b"), 2u);  // U+200B zero width space
  EXPECT_EQ(display_width("\xEF\xBB\xBF" "a"), 1u);   // BOM / zero width no-break space
}

TEST(ReportDisplayWidth, FullwidthKanaHangulAndAmbiguous) {
  EXPECT_EQ(display_width("ＡＢ"), 4u);
  EXPECT_EQ(display_width("￥"), 2u);  // U+FFE5
  EXPECT_EQ(display_width("ｱ"), 1u);   // halfwidth katakana
  EXPECT_EQ(display_width("かな"), 4u);
  EXPECT_EQ(display_width("한국"), 4u);
  EXPECT_EQ(display_width("—"), 1u);   // em dash: East Asian ambiguous counts 1
  EXPECT_EQ(display_width("㎡"), 2u);  // CJK compatibility
}

TEST(ReportDisplayWidth, InvalidBytesCountOneEach) {
  EXPECT_EQ(display_width("\xFF\xFE"), 2u);
  EXPECT_EQ(display_width("a\xE5\xAE"), 3u);     // truncated 宁
  EXPECT_EQ(display_width("\xC0\xAF"), 2u);      // overlong "/"
  EXPECT_EQ(display_width("\xED\xA0\x80"), 3u);  // surrogate
  EXPECT_EQ(display_width("\x80宁"), 3u);
}

}  // namespace
}  // namespace parkgis::report
