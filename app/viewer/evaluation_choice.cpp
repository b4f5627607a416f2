#include "app/viewer/evaluation_choice.h"

#include <mutex>

namespace parkgis::viewer {

namespace {
std::mutex g_mutex;
std::optional<Date> g_as_of;
}  // namespace

void set_evaluation_date(const std::optional<Date>& as_of) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_as_of = as_of;
}

std::optional<Date> evaluation_date() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_as_of;
}

}  // namespace parkgis::viewer
