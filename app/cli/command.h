#pragma once
// The subcommand registry: each command is a function over its arguments and two streams.
// Commands are called by main() and directly by tests.

#include <iosfwd>
#include <string>
#include <vector>

namespace parkgis::cli {

struct Context {
  std::ostream& out;  // results (tables, reports)
  std::ostream& err;  // progress, warnings, errors
  bool progress = false;  // print progress lines on err (stderr is a terminal)
};

using CommandFn = int (*)(const std::vector<std::string>& args, Context& ctx);

struct Command {
  const char* name;
  const char* summary;  // one line for 'parkgis --help'
  CommandFn run;
};

const std::vector<Command>& commands();

// Entry point shared by main() and tests: dispatches, maps exceptions to exit codes and messages.
int run(const std::vector<std::string>& argv, Context& ctx);

// One function per command, each in command_<name>.cpp.
int cmd_import(const std::vector<std::string>& args, Context& ctx);
int cmd_analyze(const std::vector<std::string>& args, Context& ctx);
int cmd_report(const std::vector<std::string>& args, Context& ctx);
int cmd_run(const std::vector<std::string>& args, Context& ctx);
int cmd_export(const std::vector<std::string>& args, Context& ctx);
int cmd_survey_pack(const std::vector<std::string>& args, Context& ctx);
int cmd_survey_merge(const std::vector<std::string>& args, Context& ctx);
int cmd_generate(const std::vector<std::string>& args, Context& ctx);
int cmd_render(const std::vector<std::string>& args, Context& ctx);
int cmd_runs(const std::vector<std::string>& args, Context& ctx);
int cmd_history(const std::vector<std::string>& args, Context& ctx);
int cmd_sites(const std::vector<std::string>& args, Context& ctx);
int cmd_trend(const std::vector<std::string>& args, Context& ctx);
int cmd_compare(const std::vector<std::string>& args, Context& ctx);
int cmd_copy(const std::vector<std::string>& args, Context& ctx);

}  // namespace parkgis::cli
