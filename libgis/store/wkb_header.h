#pragma once
// The few bytes of a WKB geometry the stores look at (byte order and type), and the EWKB form PostGIS
// takes with its SRID. Geometry itself is parsed by GEOS, never here.

#include <cstdint>
#include <string>
#include <string_view>

namespace parkgis::store::detail {

// ISO WKB header of a 2D MultiPolygon: byte order (0 or 1), then type 6 in that order.
inline bool is_multipolygon_wkb(std::string_view wkb) {
  if (wkb.size() < 5) return false;
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(wkb[i]); };
  if (b(0) == 1) return b(1) == 6 && b(2) == 0 && b(3) == 0 && b(4) == 0;
  if (b(0) == 0) return b(1) == 0 && b(2) == 0 && b(3) == 0 && b(4) == 6;
  return false;
}

// Appends the hex EWKB of a 2D MultiPolygon WKB with `srid` (the SRID flag set in the type and the SRID
// after it, in the geometry's byte order), as PostGIS reads it in COPY text.
inline void append_ewkb_hex(std::string& out, std::string_view wkb, int srid) {
  static const char* digits = "0123456789ABCDEF";
  const auto put = [&](unsigned char c) {
    out += digits[c >> 4];
    out += digits[c & 15];
  };
  const bool little = wkb[0] == 1;
  const std::uint32_t type = 6u | 0x20000000u;
  const auto put32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) put(static_cast<unsigned char>(little ? (v >> (8 * i)) : (v >> (8 * (3 - i)))));
  };
  put(static_cast<unsigned char>(wkb[0]));
  put32(type);
  put32(static_cast<std::uint32_t>(srid));
  for (std::size_t i = 5; i < wkb.size(); ++i) put(static_cast<unsigned char>(wkb[i]));
}

// Decodes PostgreSQL's hex bytea text ("\x0106..."); "" for anything else.
inline std::string bytea_from_hex(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return {};
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  std::string out((text.size() - 2) / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>((nibble(text[2 + 2 * i]) << 4) | nibble(text[3 + 2 * i]));
  return out;
}

}  // namespace parkgis::store::detail
