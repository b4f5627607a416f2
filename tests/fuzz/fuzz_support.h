#pragma once
// Shared by the libFuzzer targets: a private scratch folder per process (inputs that are files are
// written there), and the rule every target follows: parkgis may refuse an input only with its own
// DataError or UsageError; any other exception, crash, leak or undefined behaviour is a finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace parkgis::fuzz {

inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto p = std::filesystem::temp_directory_path() / ("parkgis-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return dir;
}

inline std::string write_file(const std::string& name, const std::uint8_t* data, std::size_t size) {
  const auto path = scratch() / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path.string();
}

// Splits the input at the first line "----" (two-part inputs: a manifest and a table, ...).
inline std::pair<std::string, std::string> split_parts(const std::uint8_t* data, std::size_t size) {
  const std::string all(reinterpret_cast<const char*>(data), size);
  const auto at = all.find("\n----\n");
  if (at == std::string::npos) return {all, ""};
  return {all.substr(0, at + 1), all.substr(at + 6)};
}

}  // namespace parkgis::fuzz
