#pragma once
// UTF-8 text into the bytes of a target encoding (iconv), without substitution: a character the
// encoding cannot hold is reported, never replaced by '?'.

#include <optional>
#include <string>

namespace parkgis::exporter {

// Bytes of the UTF-8 character that starts with `lead` (1 for a stray or invalid byte).
std::size_t utf8_char_length(unsigned char lead);

// `text` (UTF-8) in `encoding` ("CP936", "UTF-8", ...); nullopt when some character cannot be encoded.
// Throws DataError when iconv does not know the encoding.
std::optional<std::string> encode_utf8(const std::string& text, const std::string& encoding);

// The characters of `text` that `encoding` cannot hold, in order, each once ("" when all fit).
std::string unencodable_chars(const std::string& text, const std::string& encoding);

// "U+20000" style code point of a UTF-8 character.
std::string code_point(const std::string& utf8_char);

}  // namespace parkgis::exporter
