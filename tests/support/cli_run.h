#pragma once
// Runs parkgis commands in-process (parkgis::cli::run) and keeps what they printed.

#include <sstream>
#include <string>
#include <vector>

#include "app/cli/command.h"

namespace parkgis::test {

struct CliRun {
  std::ostringstream out, err;
  int run(const std::vector<std::string>& argv) {
    out.str("");
    err.str("");
    parkgis::cli::Context ctx{out, err, false};
    return parkgis::cli::run(argv, ctx);
  }
};

}  // namespace parkgis::test
