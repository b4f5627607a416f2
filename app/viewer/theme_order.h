#pragma once
// The themes in the order a planner reads them: land supplied and used (supply, 批而未供, idle), then
// what the land yields (tax, output per 亩, grade), then the buildings (vacancy); themes added later
// follow in their files' order.

#include <vector>

#include "libgis/style/theme.h"

namespace parkgis::viewer {

void order_themes_by_meaning(std::vector<style::Theme>& themes);

}  // namespace parkgis::viewer
