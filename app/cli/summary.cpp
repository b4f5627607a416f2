#include "app/cli/summary.h"

#include <map>
#include <ostream>

namespace parkgis::cli {

void print_issues(std::ostream& os, const std::vector<Issue>& issues, std::size_t examples, const std::string& table) {
  if (issues.empty()) return;
  std::map<std::pair<std::string, std::string>, std::vector<const Issue*>> groups;
  for (const Issue& i : issues) groups[{i.layer, i.code}].push_back(&i);
  std::size_t errors = 0, warnings = 0;
  for (const Issue& i : issues) (i.severity == Severity::error ? errors : warnings)++;
  os << "issues: " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
     << (warnings == 1 ? "" : "s") << (table.empty() ? "" : " (all are in the table " + table + ")") << "\n";
  for (const auto& [key, list] : groups) {
    os << "  " << severity_name(list.front()->severity) << " " << key.second << " ("
       << (key.first.empty() ? "dataset" : key.first) << "): " << list.size() << "\n";
    for (std::size_t k = 0; k < list.size() && k < examples; ++k) os << "    - " << list[k]->message << "\n";
    if (list.size() > examples) os << "    ... and " << list.size() - examples << " more\n";
  }
}

void print_analyze_summary(std::ostream& os, const analysis::AnalyzeResult& r) {
  static const char* const source_text[] = {"--as-of", "the dataset's as_of", "today"};
  const char* from = r.as_of_source == "option" ? source_text[0] : r.as_of_source == "dataset" ? source_text[1] : source_text[2];
  os << "analysed " << r.parcels << " parcels, " << r.zones << " zones, " << r.parks << " parks, " << r.enterprises
     << " enterprises as of " << r.as_of.iso() << " (" << from << "); run " << r.run_id << ", config "
     << r.config.source << "\n";
  if (!r.land_as_of.empty()) os << "land data: the version valid from " << r.land_as_of << "\n";
  if (!r.current)
    os << "kept as the evaluation of " << r.as_of.iso() << "; the current tables still hold the latest evaluation "
       << "(a later date; 'parkgis runs' lists them)\n";
  print_issues(os, r.issues.all(), 3, "");
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
    if (l.unreadable > 0) os << " (+" << l.unreadable << " unreadable records skipped: LOST)";
    if (!l.encoding.empty()) os << ", text " << l.encoding;
    os << "\n";
  }
  print_issues(os, r.issues.all(), 3, "import_issues");
}

}  // namespace parkgis::cli
