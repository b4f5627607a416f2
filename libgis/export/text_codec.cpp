#include "libgis/export/text_codec.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>

#include "libgis/core/errors.h"

namespace parkgis::exporter {

std::size_t utf8_char_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::optional<std::string> encode_utf8(const std::string& text, const std::string& encoding) {
  if (encoding == "UTF-8") return text;
  iconv_t cd = iconv_open(encoding.c_str(), "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
    throw DataError("the text encoding " + encoding + " is not known to iconv on this system");
  std::string out(text.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  const bool ok = r != static_cast<std::size_t>(-1) && in_left == 0 &&
                  iconv(cd, nullptr, nullptr, &dst, &out_left) != static_cast<std::size_t>(-1);
  iconv_close(cd);
  // glibc counts characters it converted "irreversibly" (approximations) in r: refuse those too.
  if (!ok || r > 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

std::string unencodable_chars(const std::string& text, const std::string& encoding) {
  std::string bad;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_char_length(static_cast<unsigned char>(text[i]));
    const std::string ch = text.substr(i, n);
    i += n;
    if (ch.size() > 1 && !encode_utf8(ch, encoding) && bad.find(ch) == std::string::npos) bad += ch;
  }
  return bad;
}

std::string code_point(const std::string& c) {
  if (c.empty()) return "";
  const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(c[i])); };
  std::uint32_t cp = b(0);
  if (c.size() == 2) cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  else if (c.size() == 3) cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  else if (c.size() == 4) cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace parkgis::exporter
