#pragma once
// The parkgis(1) manual page in roff, made from the command registry and each command's own --help
// text, so the page says what the program says ('parkgis --man'; the build installs it gzipped).

#include <iosfwd>

namespace parkgis::cli {

void write_man_page(std::ostream& os);

}  // namespace parkgis::cli
