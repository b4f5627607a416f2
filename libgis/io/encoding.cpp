#include "libgis/io/encoding.h"

#include <gdal_priv.h>
#include <iconv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "libgis/core/errors.h"

namespace parkgis::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUtf8 = "UTF-8";
constexpr int kMaxScannedFeatures = 5000;
constexpr std::size_t kMaxScannedBytes = std::size_t{8} << 20;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

const iconv_t kNoIconv = reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Upper case without blanks, '-', '_' and '.': "ANSI 936" -> "ANSI936", "utf-8" -> "UTF8".
std::string spelling_key(std::string_view s) {
  std::string key;
  for (unsigned char c : s)
    if (!std::isspace(c) && c != '-' && c != '_' && c != '.') key += static_cast<char>(std::toupper(c));
  return key;
}

std::string trim(std::string_view s) {
  if (s.substr(0, kUtf8Bom.size()) == kUtf8Bom) s.remove_prefix(kUtf8Bom.size());
  auto blank = [](char c) { return c == '\0' || std::isspace(static_cast<unsigned char>(c)); };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool iconv_knows(const std::string& name) {
  iconv_t cd = iconv_open(kUtf8, name.c_str());
  if (cd == kNoIconv) return false;
  iconv_close(cd);
  return true;
}

bool is_gb2312_spelling(const std::string& key) {
  return key == "GB2312" || key == "20936" || key == "CP20936" || key == "EUCCN" || key == "CSGB2312";
}

// --- validators -------------------------------------------------------------------------------------

enum class Scan { kValid, kInvalid, kCutAtEnd };  // kCutAtEnd: valid up to an unfinished last character

Scan scan_utf8(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b == 0xE0) { len = 3; lo = 0xA0; }
    else if (b == 0xED) { len = 3; hi = 0x9F; }  // no UTF-16 surrogates
    else if (b >= 0xE1 && b <= 0xEF) len = 3;
    else if (b == 0xF0) { len = 4; lo = 0x90; }
    else if (b >= 0xF1 && b <= 0xF3) len = 4;
    else if (b == 0xF4) { len = 4; hi = 0x8F; }  // nothing above U+10FFFF
    else return Scan::kInvalid;
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n) return Scan::kCutAtEnd;
      const unsigned char c = p[i + k];
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return Scan::kInvalid;
    }
    i += len;
  }
  return Scan::kValid;
}

Scan scan_gb18030(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  auto in = [](unsigned char c, unsigned char a, unsigned char b) { return c >= a && c <= b; };
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    if (!in(b, 0x81, 0xFE)) return Scan::kInvalid;
    if (i + 1 >= n) return Scan::kCutAtEnd;
    const unsigned char c = p[i + 1];
    if (in(c, 0x40, 0x7E) || in(c, 0x80, 0xFE)) { i += 2; continue; }
    if (!in(c, 0x30, 0x39)) return Scan::kInvalid;
    if (i + 2 >= n) return Scan::kCutAtEnd;
    if (!in(p[i + 2], 0x81, 0xFE)) return Scan::kInvalid;
    if (i + 3 >= n) return Scan::kCutAtEnd;
    if (!in(p[i + 3], 0x30, 0x39)) return Scan::kInvalid;
    i += 4;
  }
  return Scan::kValid;
}

bool is_ascii(std::string_view t) {
  return std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// What a sample of text is compatible with.
struct TextStats {
  bool non_ascii = false;
  bool utf8 = true;
  bool gb18030 = true;

  // may_be_cut: the string may have been cut at a byte limit (DBF field names are cut at 10 bytes,
  // values at the field width, a file sample at the read limit), so an unfinished last character is fine.
  void add(std::string_view s, bool may_be_cut) {
    if (is_ascii(s)) return;
    non_ascii = true;
    auto ok = [may_be_cut](Scan r) { return r == Scan::kValid || (may_be_cut && r == Scan::kCutAtEnd); };
    utf8 = utf8 && ok(scan_utf8(s));
    gb18030 = gb18030 && ok(scan_gb18030(s));
  }
  bool decided() const { return !utf8 && !gb18030; }
};

// --- decisions ----------------------------------------------------------------------------------------

SourceEncoding make(std::string name, std::string origin, std::string detail, bool guessed = false) {
  SourceEncoding e;
  e.name = std::move(name);
  e.origin = std::move(origin);
  e.detail = std::move(detail);
  e.guessed = guessed;
  return e;
}

// Turns what detection found into a decision. `what` names the source ("no .cpg and no language byte").
SourceEncoding from_stats(const TextStats& st, const std::string& what) {
  if (st.utf8)
    return make(kUtf8, "detected", what + (st.non_ascii ? "; the text is valid UTF-8" : "; the text is plain ASCII"));
  if (st.gb18030)
    return make("GB18030", "detected", what + "; text is not UTF-8 but reads as GB18030 (GBK)", true);
  SourceEncoding e = make(kUtf8, "detected",
                          what + "; the text is neither valid UTF-8 nor GB18030: invalid bytes are replaced by U+FFFD",
                          true);
  e.recode_strings = true;
  return e;
}

std::optional<fs::path> sibling(const fs::path& file, const std::string& ext_lower) {
  const fs::path base = file.parent_path() / file.stem();
  for (const std::string& ext : {ext_lower, spelling_key(ext_lower)}) {
    fs::path p = base;
    p += "." + ext;
    if (fs::is_regular_file(p)) return p;
  }
  std::error_code ec;
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (p.stem() == file.stem() && lower(p.extension().string()) == "." + ext_lower && entry.is_regular_file())
      return p;
  }
  return std::nullopt;
}

std::string read_prefix(const fs::path& p, std::size_t max_bytes, bool* truncated = nullptr) {
  std::ifstream in(p, std::ios::binary);
  std::string data(max_bytes, '\0');
  in.read(data.data(), static_cast<std::streamsize>(max_bytes));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (truncated) *truncated = data.size() == max_bytes && in.peek() != std::char_traits<char>::eof();
  return data;
}

std::string hex_byte(int b) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[(b >> 4) & 15] + digits[b & 15];
}

// Code page for a DBF language driver id (the table used by shapelib and GDAL); "" for none.
std::string ldid_code_page(int ldid) {
  static const std::map<int, int> table = {
      {1, 437},    {2, 850},    {3, 1252},   {8, 865},    {9, 437},    {10, 850},   {11, 437},
      {13, 437},   {14, 850},   {15, 437},   {16, 850},   {17, 437},   {18, 850},   {19, 932},
      {20, 850},   {21, 437},   {22, 850},   {23, 865},   {24, 437},   {25, 437},   {26, 850},
      {27, 437},   {28, 863},   {29, 850},   {31, 852},   {34, 852},   {35, 852},   {36, 860},
      {37, 850},   {38, 866},   {55, 850},   {64, 852},   {77, 936},   {78, 949},   {79, 950},
      {80, 874},   {88, 1252},  {89, 1252},  {100, 852},  {101, 866},  {102, 865},  {103, 861},
      {106, 737},  {107, 857},  {108, 863},  {120, 950},  {121, 949},  {122, 936},  {123, 932},
      {124, 874},  {134, 737},  {135, 852},  {136, 857},  {200, 1250}, {201, 1251}, {202, 1254},
      {203, 1253}, {204, 1257}};
  auto it = table.find(ldid);
  if (it == table.end()) return "";
  const std::string name = "CP" + std::to_string(it->second);
  return iconv_knows(name) ? name : "";
}

void register_gdal() {
  static const bool done = [] {
    GDALAllRegister();
    return true;
  }();
  (void)done;
}

// Reads field names and string values of a DBF without recoding (GDAL open option ENCODING="").
std::optional<TextStats> scan_dbf(const fs::path& dbf) {
  register_gdal();
  const char* const drivers[] = {"ESRI Shapefile", nullptr};
  const char* const options[] = {"ENCODING=", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(dbf.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                            options, nullptr));
  if (!ds || ds->GetLayerCount() < 1) return std::nullopt;
  OGRLayer* layer = ds->GetLayer(0);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  TextStats st;
  for (int i = 0; i < defn->GetFieldCount(); ++i) st.add(defn->GetFieldDefn(i)->GetNameRef(), true);
  layer->ResetReading();
  int count = 0;
  for (auto& feature : *layer) {
    for (int i = 0; i < defn->GetFieldCount() && !st.decided(); ++i) {
      const OGRFieldDefn* f = defn->GetFieldDefn(i);
      if (f->GetType() != OFTString || !feature->IsFieldSetAndNotNull(i)) continue;
      const std::string_view v = feature->GetFieldAsString(i);
      st.add(v, f->GetWidth() > 0 && v.size() >= static_cast<std::size_t>(f->GetWidth()));
    }
    if (++count >= kMaxScannedFeatures || st.decided()) break;
  }
  return st;
}

// Notes that the manifest was not used because the file declares its own encoding.
void note_manifest_unused(SourceEncoding& e, const std::string& manifest, std::string_view manifest_raw) {
  if (!manifest.empty() && manifest != e.name)
    e.detail += "; dataset.json's '" + std::string(manifest_raw) + "' is not used: the file's declaration comes first";
}

SourceEncoding decide_shapefile(const fs::path& path, const std::string& manifest, std::string_view manifest_raw) {
  const std::optional<fs::path> dbf =
      lower(path.extension().string()) == ".dbf" ? std::optional(path) : sibling(path, "dbf");
  std::string notes;  // things ignored on the way, prefixed to the final detail
  if (std::optional<fs::path> cpg = sibling(path, "cpg")) {
    const std::string text = trim(read_prefix(*cpg, 256));
    const std::string name = normalize_encoding_name(text);
    if (!name.empty()) {
      SourceEncoding e = make(name, "cpg", ".cpg says '" + text + "'");
      if (is_gb2312_spelling(spelling_key(text)))
        e.detail += "; GB2312 is read as GB18030, which also holds the traditional characters GB2312 lacks";
      e.open_options = {"ENCODING=" + name};
      note_manifest_unused(e, manifest, manifest_raw);
      return e;
    }
    notes = ".cpg says '" + text + "', which is not an encoding this system knows, so it was ignored; ";
  }
  int ldid = 0;
  if (dbf) {
    const std::string head = read_prefix(*dbf, 32);
    if (head.size() >= 32) ldid = static_cast<unsigned char>(head[29]);
  }
  if (ldid != 0 && ldid != 0x57) {
    const std::string name = ldid_code_page(ldid);
    if (!name.empty()) {
      SourceEncoding e = make(name, "ldid", notes + "DBF language byte (LDID) " + hex_byte(ldid) + " means " + name);
      e.open_options = {"ENCODING=" + name};
      note_manifest_unused(e, manifest, manifest_raw);
      return e;
    }
    notes += "unknown DBF language byte " + hex_byte(ldid) + " ignored; ";
  } else if (ldid == 0x57) {
    notes += "DBF language byte 0x57 (the writer's ANSI code page) ignored: as ISO-8859-1 it garbles Chinese; ";
  }
  SourceEncoding e;
  if (!manifest.empty()) {
    e = make(manifest, "manifest", notes + "dataset.json says '" + std::string(manifest_raw) + "'");
  } else if (!dbf) {
    e = make(kUtf8, "default", notes + "no .dbf beside the .shp, so there is no text to decode");
  } else if (std::optional<TextStats> st = scan_dbf(*dbf)) {
    e = from_stats(*st, notes + (notes.empty() ? "no .cpg and no language byte" : "no usable declaration"));
  } else {
    e = make(kUtf8, "default", notes + "could not read " + dbf->filename().string() + " to detect its encoding", true);
  }
  e.open_options = {"ENCODING=" + e.name};
  return e;
}

SourceEncoding decide_csv(const fs::path& path, const std::string& manifest, std::string_view manifest_raw) {
  bool truncated = false;
  const std::string data = read_prefix(path, kMaxScannedBytes, &truncated);
  if (std::string_view(data).substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    std::string detail = "the file starts with a UTF-8 byte-order mark";
    if (!manifest.empty() && manifest != kUtf8)
      detail += " (dataset.json says '" + std::string(manifest_raw) + "', which the mark overrides)";
    return make(kUtf8, "detected", detail);
  }
  SourceEncoding e;
  if (!manifest.empty()) {
    e = make(manifest, "manifest", "dataset.json says '" + std::string(manifest_raw) + "'");
  } else {
    TextStats st;
    st.add(data, truncated);
    e = from_stats(st, "a CSV file has no encoding declaration");
  }
  e.recode_strings = e.recode_strings || e.name != kUtf8;
  return e;
}

bool is_utf8_format(const std::string& ext) {
  for (const char* x : {".gpkg", ".geojson", ".json", ".geojsonl", ".geojsons", ".gdb", ".sqlite", ".fgb", ".kml",
                        ".gml", ".tab", ".mif", ".mid"})
    if (ext == x) return true;
  return false;
}

// iconv descriptors per source encoding, one cache per thread (iconv_t keeps state).
class IconvCache {
 public:
  IconvCache() = default;
  IconvCache(const IconvCache&) = delete;
  IconvCache& operator=(const IconvCache&) = delete;
  ~IconvCache() {
    for (auto& entry : m_cds) iconv_close(entry.second);
  }
  iconv_t get(const std::string& from) {
    auto it = m_cds.find(from);
    if (it != m_cds.end()) return it->second;
    iconv_t cd = iconv_open(kUtf8, from.c_str());
    if (cd == kNoIconv)
      throw DataError("cannot convert text from '" + from + "': the system's iconv does not know this encoding");
    m_cds.emplace(from, cd);
    return cd;
  }

 private:
  std::map<std::string, iconv_t> m_cds;
};

}  // namespace

std::string normalize_encoding_name(std::string_view spelling) {
  const std::string text = trim(spelling);
  const std::string key = spelling_key(text);
  if (key.empty()) return "";
  static const std::map<std::string, std::string> known = {
      {"UTF8", "UTF-8"},         {"65001", "UTF-8"},        {"CP65001", "UTF-8"},     {"936", "CP936"},
      {"CP936", "CP936"},        {"ANSI936", "CP936"},      {"GBK", "CP936"},         {"MS936", "CP936"},
      {"WINDOWS936", "CP936"},   {"GB18030", "GB18030"},    {"54936", "GB18030"},     {"CP54936", "GB18030"},
      {"1252", "CP1252"},        {"ANSI1252", "CP1252"},    {"CP1252", "CP1252"},     {"WINDOWS1252", "CP1252"},
      {"88591", "ISO-8859-1"},   {"ISO88591", "ISO-8859-1"}, {"LATIN1", "ISO-8859-1"}, {"950", "CP950"},
      {"CP950", "CP950"},        {"ANSI950", "CP950"},      {"BIG5", "BIG5"}};
  if (is_gb2312_spelling(key)) return "GB18030";
  if (auto it = known.find(key); it != known.end()) return it->second;
  // Code page numbers as ESRI writes them: "1251", "ANSI 1251" -> CP1251; "88592" -> ISO-8859-2.
  std::string digits = key.rfind("ANSI", 0) == 0 ? key.substr(4) : key;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::string name = digits.rfind("8859", 0) == 0 && digits.size() > 4 ? "ISO-8859-" + digits.substr(4)
                                                                          : "CP" + digits;
    return iconv_knows(name) ? name : "";
  }
  return iconv_knows(text) ? text : "";
}

SourceEncoding decide_encoding(const std::string& path, std::string_view manifest_encoding) {
  const std::string manifest = normalize_encoding_name(manifest_encoding);
  if (manifest.empty() && !trim(manifest_encoding).empty())
    throw DataError("unknown encoding '" + std::string(manifest_encoding) +
                    "' in dataset.json; use UTF-8, GBK or GB18030");
  const fs::path p(path);
  const std::string ext = lower(p.extension().string());
  if (ext == ".shp" || ext == ".dbf") return decide_shapefile(p, manifest, manifest_encoding);
  if (ext == ".csv" || ext == ".txt") return decide_csv(p, manifest, manifest_encoding);
  if (is_utf8_format(ext)) {
    const bool mapinfo = ext == ".tab" || ext == ".mif" || ext == ".mid";
    return make(kUtf8, "format",
                mapinfo ? "MapInfo files declare their charset; GDAL returns the text as UTF-8"
                        : "the format stores text as UTF-8");
  }
  if (!manifest.empty()) {
    SourceEncoding e = make(manifest, "manifest", "dataset.json says '" + std::string(manifest_encoding) + "'");
    e.recode_strings = manifest != kUtf8;
    return e;
  }
  return make(kUtf8, "default", "no declaration for this format; GDAL returns its text unchanged, read as UTF-8");
}

bool is_valid_utf8(std::string_view text) { return scan_utf8(text) == Scan::kValid; }

bool is_valid_gb18030(std::string_view text) { return scan_gb18030(text) == Scan::kValid; }

std::string recode_to_utf8(std::string_view text, const std::string& from, bool* lossy) {
  if (spelling_key(from) == "UTF8" && is_valid_utf8(text)) return std::string(text);
  thread_local IconvCache cache;
  iconv_t cd = cache.get(from);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
  std::string out(text.size() * 2 + 16, '\0');
  std::size_t used = 0;
  char* in = const_cast<char*>(text.data());  // iconv's signature is not const-correct
  std::size_t in_left = text.size();
  auto append = [&](std::string_view s) {
    if (out.size() - used < s.size()) out.resize(out.size() * 2 + s.size());
    out.replace(used, s.size(), s);
    used += s.size();
  };
  while (in_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    const std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    const int err = errno;
    used = static_cast<std::size_t>(dst - out.data());
    if (r != static_cast<std::size_t>(-1)) continue;  // all converted
    if (err == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ: an invalid byte, skipped; EINVAL: the text ends inside a character.
    if (lossy) *lossy = true;
    append(kReplacement);
    if (err == EINVAL) {
      in_left = 0;
    } else {
      ++in;
      --in_left;
    }
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  out.resize(used);
  return out;
}

}  // namespace parkgis::io
