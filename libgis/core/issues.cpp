#include "libgis/core/issues.h"

#include <algorithm>

namespace parkgis {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

void IssueSink::add(Issue issue) { m_issues.push_back(std::move(issue)); }

void IssueSink::add(Severity severity, std::string code, std::string layer, std::string feature_id,
                    std::string message) {
  m_issues.push_back(
      Issue{severity, std::move(code), std::move(layer), std::move(feature_id), std::move(message)});
}

std::size_t IssueSink::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(m_issues.begin(), m_issues.end(),
                                                [s](const Issue& i) { return i.severity == s; }));
}

std::map<std::pair<std::string, std::string>, std::size_t> IssueSink::summary() const {
  std::map<std::pair<std::string, std::string>, std::size_t> out;
  for (const Issue& i : m_issues) ++out[{i.layer, i.code}];
  return out;
}

}  // namespace parkgis
