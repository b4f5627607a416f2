#include "app/cli/progress_printer.h"

#include "app/cli/interrupt.h"

#include <cstdio>
#include <ostream>

namespace parkgis::cli {

ProgressPrinter::ProgressPrinter(std::ostream& err, bool live, bool quiet)
    : m_err(err), m_live(live), m_quiet(quiet), m_stage_start(std::chrono::steady_clock::now()) {}

ProgressFn ProgressPrinter::callback() {
  // Also with --quiet: the callback is where a Ctrl-C is noticed.
  return [this](std::string_view stage, double fraction) { return on_progress(stage, fraction); };
}

bool ProgressPrinter::on_progress(std::string_view stage, double fraction) {
  if (interrupted()) return false;
  if (m_quiet) return true;
  const int percent = static_cast<int>(fraction * 100.0 + 0.5);
  const auto now = std::chrono::steady_clock::now();
  if (stage != m_stage) {
    if (!m_live && !m_stage.empty()) {
      const double secs = std::chrono::duration<double>(now - m_stage_start).count();
      char buf[64];
      std::snprintf(buf, sizeof buf, " done (%.1f s)\n", secs);
      m_err << buf;
    }
    m_stage = stage;
    m_stage_start = now;
    m_last_percent = -1;
    if (!m_live) m_err << "  " << m_stage << " ..." << std::flush;
  }
  if (m_live && percent != m_last_percent) {
    m_err << "\r  " << m_stage << " " << percent << "%\033[K" << std::flush;
    m_line_open = true;
  }
  m_last_percent = percent;
  return true;
}

void ProgressPrinter::finish() {
  if (m_quiet) return;
  if (m_live && m_line_open) {
    m_err << "\r\033[K" << std::flush;
  } else if (!m_live && !m_stage.empty()) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_stage_start).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, " done (%.1f s)\n", secs);
    m_err << buf;
  }
  m_stage.clear();
}

}  // namespace parkgis::cli
