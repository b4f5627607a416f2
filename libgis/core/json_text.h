#pragma once
// JSON string literals for the JSON parkgis writes itself (configs, id lists for SQLite's json_each):
// quotes and backslashes escaped, control characters as \u00XX, UTF-8 passed through.

#include <cstdio>
#include <string>
#include <string_view>

namespace parkgis {

inline std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace parkgis
