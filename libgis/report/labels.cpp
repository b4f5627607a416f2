#include "libgis/report/labels.h"

namespace parkgis::report {

const std::map<std::string, std::string>& idle_labels() {
  static const std::map<std::string, std::string> m = {{"none", ""},
                                                       {"idle_not_started", "疑似闲置（未动工）"},
                                                       {"idle_stalled", "疑似闲置（中止开发）"},
                                                       {"reclaim_candidate", "满两年未动工（可依法无偿收回）"},
                                                       {"idle_gov_cause", "疑似闲置（政府原因）"},
                                                       {"unknown", "待核实（资料不全）"}};
  return m;
}

const std::map<std::string, std::string>& grade_labels() {
  static const std::map<std::string, std::string> m = {{"ungraded", "不定等级"}};
  return m;
}

const std::map<std::string, std::string>& supply_labels() {
  static const std::map<std::string, std::string> m = {
      {"not_supplied", "未供"}, {"supplied_not_used", "供而未用"}, {"in_use", "在用"}};
  return m;
}

std::string label_of(const std::map<std::string, std::string>& labels, const std::string& code) {
  const auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

}  // namespace parkgis::report
