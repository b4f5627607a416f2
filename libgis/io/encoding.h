#pragma once
// How the text of a source file is encoded, decided in this order (docs/dataset-format.md):
//   1. a .cpg file beside a shapefile (more spellings than GDAL knows: "ANSI 936", "65001", ...);
//   2. the DBF language driver byte (LDID, offset 29);
//   3. the manifest's "encoding";
//   4. detection: text that is not valid UTF-8 but is valid GB18030 is read as GB18030 (a superset of
//      GBK/CP936), with a warning.
// A CSV file has no declaration: a UTF-8 byte-order mark decides (even over the manifest), then the
// manifest, then detection over the first 8 MB.
// GeoPackage, GeoJSON, FileGDB and SpatiaLite sources are UTF-8 by their specifications; MapInfo files
// carry their own charset, which GDAL applies.
// A declared GB2312 is read as GB18030, which holds the traditional characters GB2312 lacks.

#include <string>
#include <string_view>
#include <vector>

namespace parkgis::io {

struct SourceEncoding {
  std::string name;    // iconv/GDAL name: "UTF-8", "CP936", "GB18030", "ISO-8859-1", ...
  std::string origin;  // "cpg", "ldid", "manifest", "detected", "format", "default"
  std::string detail;  // for people: e.g. ".cpg says 'ANSI 936'", "LDID 0x4D", "no declaration; ..."
  bool guessed = false;  // true when detection chose it: the import reports a warning
  // Open options for GDALOpenEx so that OGR returns UTF-8 strings (e.g. "ENCODING=CP936").
  std::vector<std::string> open_options;
  // True when OGR will still return the raw bytes (CSV in GBK): strings then go through
  // recode_to_utf8(s, name). Also true when detection found text that is neither valid UTF-8 nor GB18030
  // (name "UTF-8"): recode_to_utf8() then replaces the invalid bytes with U+FFFD.
  bool recode_strings = false;
};

// Decides the encoding of the source at `path` (a .shp, .dbf, .csv or any other OGR source).
// `manifest_encoding` is the dataset's "encoding" ("" when none). Throws DataError when the manifest
// names an encoding that iconv does not know.
SourceEncoding decide_encoding(const std::string& path, std::string_view manifest_encoding);

// Maps the spellings found in .cpg files and manifests to iconv names ("ANSI 936" -> "CP936",
// "65001" -> "UTF-8", "GB2312" -> "GB18030", "utf8" -> "UTF-8"). Returns "" when unknown.
std::string normalize_encoding_name(std::string_view spelling);

bool is_valid_utf8(std::string_view text);
bool is_valid_gb18030(std::string_view text);

// Converts text from `from` (an iconv name) to UTF-8. Invalid sequences become U+FFFD and set
// *lossy (when given) to true.
std::string recode_to_utf8(std::string_view text, const std::string& from, bool* lossy = nullptr);

}  // namespace parkgis::io
