#pragma once
// Chinese labels of the coded values in the result tables, as every report shows them.

#include <map>
#include <string>

namespace parkgis::report {

// idle_status → label ("" for none). Suspected (疑似): land is idle in law only after investigation and a
// 认定书 (Order 53 Art. 9–11).
const std::map<std::string, std::string>& idle_labels();
// grade → label for the codes that are not letters (ungraded → 不定等级).
const std::map<std::string, std::string>& grade_labels();
// supply_status → label (not_supplied → 未供, supplied_not_used → 供而未用, in_use → 在用).
const std::map<std::string, std::string>& supply_labels();

// The label of `code` in `labels`, the code itself when it has none.
std::string label_of(const std::map<std::string, std::string>& labels, const std::string& code);

}  // namespace parkgis::report
