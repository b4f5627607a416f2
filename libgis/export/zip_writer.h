#pragma once
// Zip archives of a folder's files (survey packages), through minizip (zlib's contrib, Debian's
// libminizip): each entry carries its file's modification time (local time, as zip tools read the DOS
// date) and, for a name that is not ASCII, the UTF-8 flag.

#include <filesystem>
#include <string>

namespace parkgis::exporter {

// Every regular file of `folder` (sorted by name) as `top`/<name> in a new `zip_path`. Throws DataError
// naming the file when it cannot be written.
void zip_folder(const std::filesystem::path& folder, const std::string& top, const std::filesystem::path& zip_path);

}  // namespace parkgis::exporter
