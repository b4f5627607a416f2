#include "app/cli/interrupt.h"

#include <ostream>

#include <csignal>

namespace parkgis::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_signal(int sig) {
  g_interrupted = 1;
  std::signal(sig, SIG_DFL);
}

}  // namespace

void install_interrupt_handler() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

bool interrupted() { return g_interrupted != 0; }

void clear_interrupt() { g_interrupted = 0; }

void note_late_interrupt(std::ostream& err, const char* command, const std::string& what_was_done) {
  if (!interrupted()) return;
  err << "parkgis " << command << ": the stop request came too late to stop: " << what_was_done
      << "; the command completed\n";
}

}  // namespace parkgis::cli
