#include "libgis/export/zip_writer.h"

#include <zip.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

#include "libgis/core/errors.h"

namespace parkgis::exporter {

namespace fs = std::filesystem;

namespace {

constexpr uLong kUtf8NameFlag = 1u << 11;  // general purpose bit 11: the name is UTF-8 (APPNOTE 4.4.4)

// The file's modification time, as the local date and time zip entries store.
zip_fileinfo entry_info(const fs::path& p) {
  zip_fileinfo info{};
  struct stat st {};
  const std::time_t t = ::stat(p.c_str(), &st) == 0 ? st.st_mtime : std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  info.tmz_date.tm_year = static_cast<uInt>(std::max(1980, local.tm_year + 1900));
  info.tmz_date.tm_mon = static_cast<uInt>(local.tm_mon);
  info.tmz_date.tm_mday = static_cast<uInt>(local.tm_mday);
  info.tmz_date.tm_hour = static_cast<uInt>(local.tm_hour);
  info.tmz_date.tm_min = static_cast<uInt>(local.tm_min);
  info.tmz_date.tm_sec = static_cast<uInt>(local.tm_sec);
  return info;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string read_bytes(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) throw DataError("cannot read " + p.string());
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

void zip_folder(const fs::path& folder, const std::string& top, const fs::path& zip_path) {
  zipFile zip = zipOpen64(zip_path.string().c_str(), APPEND_STATUS_CREATE);
  if (!zip) throw DataError("cannot create " + zip_path.string());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const fs::path& p : files) {
    const std::string name = top + "/" + p.filename().string();
    const std::string bytes = read_bytes(p);
    const zip_fileinfo info = entry_info(p);
    ok = ok &&
         zipOpenNewFileInZip4_64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                 Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, nullptr, 0,
                                 /* version made by: Unix */ 3u << 8, is_ascii(name) ? 0 : kUtf8NameFlag,
                                 /* zip64 */ 0) == ZIP_OK &&
         zipWriteInFileInZip(zip, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK &&
         zipCloseFileInZip(zip) == ZIP_OK;
  }
  ok = zipClose(zip, nullptr) == ZIP_OK && ok;
  if (!ok) throw DataError("cannot write " + zip_path.string() + " (is the disk full?)");
}

}  // namespace parkgis::exporter
