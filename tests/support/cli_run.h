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

// Runs `argv` then `more` in-process; what it printed on stderr goes to *err when given. Returns the exit code.
inline int run_cli(std::vector<std::string> argv, const std::vector<std::string>& more, std::string* err = nullptr) {
  argv.insert(argv.end(), more.begin(), more.end());
  CliRun cli;
  const int rc = cli.run(argv);
  if (err) *err = cli.err.str();
  return rc;
}

}  // namespace parkgis::test
