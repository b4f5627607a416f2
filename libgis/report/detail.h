#pragma once
// Internals shared by the report writers (not part of the public API; tests may include it).

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "libgis/report/report.h"

namespace parkgis::report::detail {

// --- UTF-8 -------------------------------------------------------------------------------------------

// One step of decoding: the code point at s[pos] and the bytes it takes. Invalid input (bad lead or
// continuation byte, overlong form, surrogate, > U+10FFFF, truncated sequence) gives valid = false and
// length 1, so that callers can skip the byte and go on.
struct Utf8Step {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = false;
};
Utf8Step decode_utf8(std::string_view s, std::size_t pos);

// Terminal width of one code point (0, 1 or 2); see display_width().
int code_point_width(char32_t cp);

// --- cells -------------------------------------------------------------------------------------------

// The value of column `i` in a row, null when the row is short.
const store::Value& cell(const std::vector<store::Value>& row, std::size_t i);

// True when a column is shown as numbers (right-aligned): it has decimals or is a percent column, or
// every non-null value of its data rows (all sections) is a number and there is at least one number in
// it (totals included). Text in a totals row does not count: it is a label such as "合计".
bool is_numeric_column(const Report& report, std::size_t column);

// Numbers in shortest round-trip form ("0.1", "1e+20"); "" for NaN and ±inf.
std::string round_trip(double value);

// --- writers -----------------------------------------------------------------------------------------

void write_table(std::ostream& os, const Report& report);
void write_csv(std::ostream& os, const Report& report, const WriteOptions& options);
void write_json(std::ostream& os, const Report& report);
void write_markdown(std::ostream& os, const Report& report);
void write_html(std::ostream& os, const Report& report);

// The inline stylesheet of the HTML page.
extern const char* const kHtmlStyle;

// RFC 4648 base64 with padding, no line breaks.
std::string base64(std::string_view bytes);

}  // namespace parkgis::report::detail
