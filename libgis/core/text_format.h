#pragma once
// Numbers in messages: fixed decimals, the C locale's point (snprintf), no thousands separators.

#include <cstdio>
#include <string>

namespace parkgis {

inline std::string fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace parkgis
