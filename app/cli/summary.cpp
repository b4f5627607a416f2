#include "app/cli/summary.h"

#include <map>
#include <ostream>

namespace parkgis::cli {

void print_issues(std::ostream& os, const std::vector<Issue>& issues, std::size_t examples) {
  if (issues.empty()) return;
  std::map<std::pair<std::string, std::string>, std::vector<const Issue*>> groups;
  for (const Issue& i : issues) groups[{i.layer, i.code}].push_back(&i);
  std::size_t errors = 0, warnings = 0;
  for (const Issue& i : issues) (i.severity == Severity::error ? errors : warnings)++;
  os << "issues: " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
     << (warnings == 1 ? "" : "s") << " (all are in the table import_issues)\n";
  for (const auto& [key, list] : groups) {
    os << "  " << severity_name(list.front()->severity) << " " << key.second << " ("
       << (key.first.empty() ? "dataset" : key.first) << "): " << list.size() << "\n";
    for (std::size_t k = 0; k < list.size() && k < examples; ++k) os << "    - " << list[k]->message << "\n";
    if (list.size() > examples) os << "    ... and " << list.size() - examples << " more\n";
  }
}

void print_import_summary(std::ostream& os, const ImportResult& r, const std::string& db_path) {
  os << "imported " << r.manifest.name << " into " << db_path << "\n";
  os << "working CRS: EPSG:" << r.srid << " (" << r.srid_reason << ")\n";
  for (const LayerReport& l : r.layers) {
    std::string name = l.layer;
    name.resize(12, ' ');
    if (l.source.empty()) {
      os << "  " << name << "(absent)\n";
      continue;
    }
    os << "  " << name << l.written << " of " << l.read << " features";
    if (!l.encoding.empty()) os << ", text " << l.encoding;
    os << "\n";
  }
  print_issues(os, r.issues.all());
}

}  // namespace parkgis::cli
