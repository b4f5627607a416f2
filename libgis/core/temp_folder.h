#pragma once
// A private folder that is removed with everything in it when the object goes (also on exceptions):
// <parent>/.parkgis-<purpose>-<pid>-<n>.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

#include "libgis/core/errors.h"

namespace parkgis {

class TempFolder {
 public:
  TempFolder(const std::filesystem::path& parent, const std::string& purpose) {
    static std::atomic<int> counter{0};
    m_path = parent / (".parkgis-" + purpose + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
    if (!std::filesystem::create_directories(m_path, ec))
      throw DataError("cannot write into " + parent.string() + ": " + ec.message() + " (is the folder writable?)");
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace parkgis
