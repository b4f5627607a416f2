// UTF-8 → GBK/CP936 without substitution: what iconv (glibc) holds and refuses.
#include <gtest/gtest.h>

#include "libgis/export/text_codec.h"

using parkgis::exporter::code_point;
using parkgis::exporter::encode_utf8;
using parkgis::exporter::unencodable_chars;

TEST(TextCodec, GbkHoldsTraditionalCharacters) {
  // GB2312 lacks 寧/時/據, GBK (CP936) has them.
  const auto b = encode_utf8("寧德時代新能源科技股份有限公司", "CP936");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->size(), 30u);
  EXPECT_EQ(b->substr(0, 2), "\x8C\x8E");  // 寧
  EXPECT_EQ(unencodable_chars("寧德時代", "CP936"), "");
}

TEST(TextCodec, GbkCannotHoldExtensionBOrEmoji) {
  // U+20000 is in GB18030 (4-byte form) but not in GBK/CP936; iconv refuses it instead of writing '?'.
  EXPECT_FALSE(encode_utf8("\xF0\xA0\x80\x80", "CP936"));
  EXPECT_TRUE(encode_utf8("\xF0\xA0\x80\x80", "GB18030"));
  EXPECT_FALSE(encode_utf8("宁德😀", "CP936"));
  EXPECT_FALSE(encode_utf8("面积 m²", "CP936"));  // superscript two is not in GBK either
  EXPECT_EQ(unencodable_chars("A𠀀B😀C𠀀", "CP936"), "𠀀😀");
  EXPECT_EQ(code_point("𠀀"), "U+20000");
  EXPECT_EQ(code_point("²"), "U+00B2");
}

TEST(TextCodec, Utf8IsPassedThrough) {
  EXPECT_EQ(*encode_utf8("𠀀😀", "UTF-8"), "𠀀😀");
}
