// Terminal width of text: a compact version of wcwidth() from the Unicode East Asian Width property.
// Ambiguous characters ("—", "─", Greek, Cyrillic) count 1, as in terminals outside CJK legacy modes.

#include <algorithm>
#include <iterator>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Nonspacing/enclosing marks, zero-width and format characters, Hangul medial/final jamo.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
    {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0610, 0x061A},   {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DC},   {0x06DF, 0x06E4},   {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},   {0x1160, 0x11FF},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},
    {0x200B, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x2064},   {0x20D0, 0x20FF},   {0x302A, 0x302D},
    {0x3099, 0x309A},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFEFF, 0xFEFF},   {0xE0000, 0xE007F},
    {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F), merged into runs; emoji that terminals draw wide included.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},    // CJK radicals, Kangxi radicals, ideographic description, CJK symbols/punctuation
    {0x3041, 0x33FF},    // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul jamo extended A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1AFF0, 0x1B2FF},  // Tangut, Khitan, kana supplements
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F2FF},  // enclosed ideographic supplement
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F680, 0x1F6FF},  // transport and map symbols
    {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD},  // CJK extensions B..F, compatibility supplement
    {0x30000, 0x3FFFD},  // CJK extensions G..
};

template <std::size_t N>
constexpr bool sorted(const Range (&table)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].first > table[i].last) return false;
    if (i > 0 && table[i - 1].last >= table[i].first) return false;
  }
  return true;
}
static_assert(sorted(kZeroWidth) && sorted(kWide), "width tables must be sorted and disjoint");

template <std::size_t N>
bool in(const Range (&table)[N], char32_t cp) {
  const Range* end = table + N;
  const Range* r = std::upper_bound(table, end, cp, [](char32_t c, const Range& x) { return c < x.first; });
  return r != table && cp <= std::prev(r)->last;
}

}  // namespace

namespace detail {

int code_point_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;  // C0/C1 control characters
  if (cp < 0x300) return 1;
  if (in(kZeroWidth, cp)) return 0;
  if (in(kWide, cp)) return 2;
  return 1;
}

}  // namespace detail

std::size_t display_width(const std::string& utf8) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const detail::Utf8Step step = detail::decode_utf8(utf8, pos);
    width += step.valid ? static_cast<std::size_t>(detail::code_point_width(step.cp)) : 1;
    pos += step.length;
  }
  return width;
}

}  // namespace parkgis::report
