#pragma once
// One channel for problems found in data: every reader, check and repair reports here,
// and each front end (CLI, viewer, exporter) decides where they go.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace parkgis {

enum class Severity { info, warning, error };

const char* severity_name(Severity s);

struct Issue {
  Severity severity = Severity::warning;
  std::string code;        // stable machine-readable code, e.g. "duplicate_id"
  std::string layer;       // canonical layer name ("parcels"), or "" for the whole dataset
  std::string feature_id;  // the feature's id, or "fid:N" when it has none
  std::string message;     // what was wrong, where, and what was done about it
};

class IssueSink {
 public:
  void add(Issue issue);
  void add(Severity severity, std::string code, std::string layer, std::string feature_id,
           std::string message);

  const std::vector<Issue>& all() const { return m_issues; }
  std::size_t count(Severity s) const;
  std::size_t size() const { return m_issues.size(); }
  bool empty() const { return m_issues.empty(); }

  // Counts per (layer, code), in a stable order, for summaries.
  std::map<std::pair<std::string, std::string>, std::size_t> summary() const;

 private:
  std::vector<Issue> m_issues;
};

}  // namespace parkgis
