#pragma once
// Phase timings for performance work: with PARKGIS_TIMING=1 in the environment, each PhaseTimer
// prints "timing: <phase> <seconds> s <resident MiB> MiB at <seconds since the first timer> s" to stderr
// when it ends (the process's memory in use at that moment, from /proc/self/statm where there is one; the
// last figure shows the time spent between phases). Costs nothing measurable otherwise.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace parkgis {

// Resident memory of this process in MiB; 0 where /proc/self/statm is not readable.
inline long resident_mib() {
  long pages = 0, resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

inline bool timing_enabled() {
  static const bool on = [] {
    const char* env = std::getenv("PARKGIS_TIMING");
    return env && *env && *env != '0';
  }();
  return on;
}

// When the process's first PhaseTimer started (the clock of the "at" column).
inline std::chrono::steady_clock::time_point timing_epoch() {
  static const std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now();
  return epoch;
}

class PhaseTimer {
 public:
  explicit PhaseTimer(std::string phase) : m_phase(std::move(phase)), m_start(std::chrono::steady_clock::now()) {
    timing_epoch();
  }
  ~PhaseTimer() { stop(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;
  // Ends the phase now (once); the destructor then prints nothing.
  void stop() {
    if (m_done) return;
    m_done = true;
    if (!timing_enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - m_start).count();
    const double at = std::chrono::duration<double>(now - timing_epoch()).count();
    std::fprintf(stderr, "timing: %-40s %7.3f s %6ld MiB  at %7.3f s\n", m_phase.c_str(), s, resident_mib(), at);
  }

 private:
  std::string m_phase;
  std::chrono::steady_clock::time_point m_start;
  bool m_done = false;
};

}  // namespace parkgis
