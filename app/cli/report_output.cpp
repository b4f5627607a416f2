#include "app/cli/report_output.h"

#include <ostream>
#include <string>

#include "libgis/core/atomic_file.h"
#include "libgis/core/errors.h"

namespace parkgis::cli {

report::Format report_format(const Args& args) {
  const report::Format format = report::parse_format(args.get("--format").value_or("table"));
  if (report::is_binary(format) && !args.get("-o"))
    throw UsageError(std::string("--format ") + report::format_name(format) + " writes a binary file: give -o FILE." +
                     report::format_name(format));
  return format;
}

int write_report(const Args& args, const report::Report& rep, report::Format format, Context& ctx) {
  report::WriteOptions wo;
  wo.csv_bom = args.has("--bom");
  if (auto out = args.get("-o"))
    write_file_atomically(*out, [&](std::ostream& f) { report::write(f, rep, format, wo); });
  else
    report::write(ctx.out, rep, format, wo);
  return kExitOk;
}

}  // namespace parkgis::cli
