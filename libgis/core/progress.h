#pragma once
// Progress reporting for long work. A callback receives a short stage label and a fraction in [0, 1].
// It returns false to ask the work to stop (the viewer's Cancel button); the work then throws Cancelled.

#include <functional>
#include <stdexcept>
#include <string_view>

namespace parkgis {

using ProgressFn = std::function<bool(std::string_view stage, double fraction)>;

class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled by the user") {}
};

// Calls fn if set; throws Cancelled when it asks to stop.
inline void report_progress(const ProgressFn& fn, std::string_view stage, double fraction) {
  if (fn && !fn(stage, fraction)) throw Cancelled();
}

}  // namespace parkgis
