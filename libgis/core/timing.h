#pragma once
// Phase timings for performance work: with PARKGIS_TIMING=1 in the environment, each PhaseTimer
// prints "timing: <phase> <seconds> s" to stderr when it ends. Costs nothing measurable otherwise.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace parkgis {

inline bool timing_enabled() {
  static const bool on = [] {
    const char* env = std::getenv("PARKGIS_TIMING");
    return env && *env && *env != '0';
  }();
  return on;
}

class PhaseTimer {
 public:
  explicit PhaseTimer(std::string phase) : m_phase(std::move(phase)), m_start(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() { stop(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;
  // Ends the phase now (once); the destructor then prints nothing.
  void stop() {
    if (m_done) return;
    m_done = true;
    if (!timing_enabled()) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::fprintf(stderr, "timing: %-40s %7.3f s\n", m_phase.c_str(), s);
  }

 private:
  std::string m_phase;
  std::chrono::steady_clock::time_point m_start;
  bool m_done = false;
};

}  // namespace parkgis
