#include "app/viewer/theme_order.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace parkgis::viewer {

void order_themes_by_meaning(std::vector<style::Theme>& themes) {
  // Land first (supply, 批而未供, idle, reserve sites), then money and grades, then buildings, then what
  // changed between two evaluations (idle, supply and grade together).
  static constexpr std::array<std::string_view, 9> kOrder = {"supply",     "unsupplied",    "idle",  "sites",  "tax-per-mu",
                                                             "output-per-mu", "grade", "vacancy", "changes"};
  const auto rank = [](const style::Theme& t) {
    const auto it = std::find(kOrder.begin(), kOrder.end(), t.id);
    return static_cast<std::size_t>(it - kOrder.begin());  // unknown: after the known ones
  };
  std::stable_sort(themes.begin(), themes.end(),
                   [&](const style::Theme& a, const style::Theme& b) { return rank(a) < rank(b); });
}

}  // namespace parkgis::viewer
