#include "libgis/io/encoding.h"
#include "libgis/core/errors.h"
namespace parkgis::io {
SourceEncoding decide_encoding(const std::string&, std::string_view) { throw DataError("encoding: not implemented yet"); }
std::string normalize_encoding_name(std::string_view) { return ""; }
bool is_valid_utf8(std::string_view) { return true; }
bool is_valid_gb18030(std::string_view) { return false; }
std::string recode_to_utf8(std::string_view t, const std::string&, bool*) { return std::string(t); }
}
