#include "libgis/io/shapefile_check.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>

namespace parkgis::io {

namespace fs = std::filesystem;

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
std::uint32_t le32(const unsigned char* p) {
  return (std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0];
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<unsigned char> read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) return {};
  std::vector<unsigned char> out(static_cast<std::size_t>(std::max<std::streamoff>(0, f.tellg())));
  f.seekg(0);
  if (!f.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size())))
    out.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, f.gcount())));
  return out;
}

// Shape types of the specification; a polygon file may also hold null shapes (type 0).
bool known_shape_type(std::uint32_t t) {
  switch (t) {
    case 0: case 1: case 3: case 5: case 8: case 11: case 13: case 15: case 18: case 21: case 23: case 25:
    case 28: case 31:
      return true;
  }
  return false;
}

}  // namespace

std::string sibling_file(const std::string& path, const std::string& ext) {
  const fs::path p(path);
  const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
  const std::string stem = lower(p.stem().string());
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (lower(entry.path().stem().string()) == stem && lower(entry.path().extension().string()) == ext)
      return entry.path().string();
  return "";
}

ShapefileCheck check_shapefile(const std::string& shp_path) {
  ShapefileCheck out;
  const std::vector<unsigned char> shp = read_all(shp_path);
  if (shp.size() < 100) {
    out.file_problem = "the .shp file is shorter than its 100-byte header (" + std::to_string(shp.size()) + " bytes)";
    return out;
  }
  const std::uint32_t file_type = le32(&shp[32]);
  if (const std::string dbf = sibling_file(shp_path, ".dbf"); !dbf.empty()) {
    std::ifstream f(dbf, std::ios::binary);
    unsigned char h[8] = {};
    if (f.read(reinterpret_cast<char*>(h), 8)) out.dbf_records = le32(&h[4]);
  }
  const std::string shx_path = sibling_file(shp_path, ".shx");
  if (shx_path.empty()) return out;  // GDAL refuses or rebuilds it; nothing to compare
  const std::vector<unsigned char> shx = read_all(shx_path);
  if (shx.size() < 100 || (shx.size() - 100) % 8 != 0) {
    out.file_problem = "the .shx index is damaged (its size, " + std::to_string(shx.size()) +
                       " bytes, is not a 100-byte header plus 8 bytes per record)";
    return out;
  }
  out.index_records = static_cast<long long>((shx.size() - 100) / 8);
  if (out.dbf_records >= 0 && out.dbf_records != out.index_records) {
    out.file_problem = "the .shx index lists " + std::to_string(out.index_records) + " records but the .dbf holds " +
                       std::to_string(out.dbf_records) + " (the files do not belong together, or one is damaged)";
  }
  for (long long i = 0; i < out.index_records; ++i) {
    const unsigned char* e = &shx[100 + 8 * static_cast<std::size_t>(i)];
    const std::uint64_t offset = std::uint64_t(be32(e)) * 2;
    const std::uint64_t length = std::uint64_t(be32(e + 4)) * 2;
    std::string reason;
    if (offset < 100 || offset + 8 > shp.size()) {
      reason = "its record lies beyond the end of the .shp file (truncated?)";
    } else if (offset + 8 + length > shp.size()) {
      reason = "its record runs past the end of the .shp file (truncated?)";
    } else {
      const unsigned char* r = &shp[offset];
      const std::uint32_t number = be32(r);
      const std::uint64_t content = std::uint64_t(be32(r + 4)) * 2;
      const std::uint32_t type = length >= 4 ? le32(r + 8) : 0;
      if (number != static_cast<std::uint64_t>(i + 1) || content != length)
        reason = "its record header in the .shp does not match the .shx index (overwritten bytes?)";
      else if (length < 4 || !known_shape_type(type) || (type != 0 && type != file_type))
        reason = "its shape type in the .shp is " + std::to_string(type) + ", not " + std::to_string(file_type) +
                 " as the file header says (overwritten bytes?)";
    }
    if (!reason.empty()) out.damaged.push_back({i, reason});
  }
  return out;
}

}  // namespace parkgis::io
