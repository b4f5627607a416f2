#include "libgis/core/data_paths.h"

#include <cstdlib>
#include <system_error>

namespace parkgis {

namespace fs = std::filesystem;

namespace {

// <bin>/<PARKGIS_BIN_TO_DATA> (e.g. ../share/parkgis) when it holds styles/; empty otherwise.
fs::path installed_data_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);  // the running program, symlinks resolved
  if (ec || exe.empty()) return {};
  const fs::path dir = (exe.parent_path() / PARKGIS_BIN_TO_DATA).lexically_normal();
  return fs::is_directory(dir / "styles", ec) ? dir : fs::path();
}

}  // namespace

fs::path data_dir() {
  if (const char* env = std::getenv("PARKGIS_DATA_DIR"); env && *env) return env;
  static const fs::path installed = installed_data_dir();
  return installed.empty() ? fs::path(PARKGIS_SOURCE_DIR) : installed;
}

fs::path styles_dir() {
  if (const char* env = std::getenv("PARKGIS_STYLES_DIR"); env && *env) return env;
  return data_dir() / "styles";
}

fs::path sample_dataset_dir() { return data_dir() / "datasets" / "ningde"; }

}  // namespace parkgis
