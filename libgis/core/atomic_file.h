#pragma once
// Files written whole or not at all: the content goes to a temporary file beside the target (same
// folder, so the rename cannot cross filesystems), is flushed and synced, and is renamed into place
// only when every write succeeded. A full disk or an exception leaves the previous file as it was and
// no partial file.

#include <functional>
#include <iosfwd>
#include <string>

namespace parkgis {

// Throws DataError naming the path and the cause (e.g. "No space left on device").
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

}  // namespace parkgis
