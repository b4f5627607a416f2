#include "app/cli/man_page.h"

#include <ostream>
#include <sstream>
#include <string>

#include "app/cli/command.h"

namespace parkgis::cli {

namespace {

// Text safe in roff: backslashes doubled, and a line that starts with "." or "'" (a request) guarded.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string help_of(const Command& c) {
  std::ostringstream out, err;
  Context ctx{out, err, false};
  c.run({"--help"}, ctx);
  return out.str();
}

}  // namespace

void write_man_page(std::ostream& os) {
  os << ".TH PARKGIS 1 \"\" \"parkgis " << PARKGIS_VERSION << "\" \"User Commands\"\n"
     << ".SH NAME\nparkgis \\- land analysis for industrial parks (小微园)\n"
     << ".SH SYNOPSIS\n.B parkgis\n.I command\n[\\fIoptions\\fR]\n.br\n.B parkgis\n\\-\\-help | \\-\\-version\n"
     << ".SH DESCRIPTION\n"
     << "parkgis imports the land-survey layers of industrial parks (parks, zones, parcels, buildings, approval\n"
     << "batches, enterprises) into a SpatiaLite database, computes idle land, 批而未供, 亩均 yields and grades and\n"
     << "vacancy, and writes reports (text, CSV, JSON, Markdown, HTML, Excel), GIS layers with styles, survey\n"
     << "packages and map sheets. 'parkgis-viewer' shows the same database on a map.\n"
     << ".SH COMMANDS\n";
  for (const Command& c : commands()) {
    os << ".SS " << c.name << "\n" << roff(c.summary) << ".\n.PP\n.nf\n" << roff(help_of(c)) << ".fi\n";
  }
  os << ".SH EXIT STATUS\n0 success, 1 data error (bad or missing data, a file that cannot be written), 2 usage error,\n"
     << "130 interrupted.\n"
     << ".SH FILES\n.TP\n.I /usr/share/parkgis/styles\nthe map themes (PARKGIS_STYLES_DIR overrides)\n"
     << ".TP\n.I /usr/share/parkgis/datasets/ningde\nthe bundled sample dataset, the default of 'parkgis run'\n"
     << ".TP\n.I /usr/share/parkgis/docs\nthe manual (cli.md, indicators.md, dataset-format.md, ...)\n"
     << ".SH ENVIRONMENT\n.TP\n.B PARKGIS_DATA_DIR\nthe folder holding styles/ and datasets/ instead of the installed one\n"
     << ".SH SEE ALSO\n.BR parkgis-viewer (1)\n";
}

}  // namespace parkgis::cli
