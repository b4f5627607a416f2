#pragma once
// Prints progress on stderr: a self-updating line on a terminal, a line per stage otherwise. Its
// callback also asks the work to stop after a Ctrl-C (app/cli/interrupt.h), quiet or not.

#include <chrono>
#include <iosfwd>
#include <string>

#include "libgis/core/progress.h"

namespace parkgis::cli {

class ProgressPrinter {
 public:
  // live: a terminal (carriage-return updates); quiet: print nothing.
  ProgressPrinter(std::ostream& err, bool live, bool quiet);
  ProgressFn callback();
  void finish();  // ends the live line

 private:
  bool on_progress(std::string_view stage, double fraction);

  std::ostream& m_err;
  bool m_live, m_quiet;
  std::string m_stage;
  int m_last_percent = -1;
  bool m_line_open = false;
  std::chrono::steady_clock::time_point m_stage_start;
};

}  // namespace parkgis::cli
