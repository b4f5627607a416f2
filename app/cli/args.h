#pragma once
// A small command-line parser for the subcommands: declared options only, with values checked and
// quoted back in errors (UsageError -> exit code 2).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "libgis/core/dates.h"

namespace parkgis::cli {

class Args {
 public:
  // command: the subcommand's name, used in error messages ("try 'parkgis import --help'").
  Args(std::string command, std::vector<std::string> argv);

  // Declare options before parse(). A value option takes the next argument (or --opt=value).
  Args& value(const std::string& name);  // e.g. "--db"
  Args& flag(const std::string& name);   // e.g. "--quiet"
  void parse();                          // throws UsageError on unknown options or missing values

  bool has(const std::string& name) const;
  std::optional<std::string> get(const std::string& name) const;  // the last value given
  // Every value of a repeatable option, in the order given (--basemap A --basemap B).
  std::vector<std::string> get_all(const std::string& name) const;
  std::string require(const std::string& name) const;  // throws UsageError if missing
  long get_long(const std::string& name, long fallback, long min, long max) const;
  // A date option (YYYY-MM-DD and the other spellings parse_date takes); none when absent.
  std::optional<Date> get_date(const std::string& name) const;
  const std::vector<std::string>& positional() const { return m_positional; }
  bool help() const { return m_help; }

 private:
  std::string m_command;
  std::vector<std::string> m_argv;
  std::set<std::string> m_value_opts, m_flag_opts;
  std::map<std::string, std::string> m_values;
  std::map<std::string, std::vector<std::string>> m_all_values;
  std::set<std::string> m_flags;
  std::vector<std::string> m_positional;
  bool m_help = false;
};

}  // namespace parkgis::cli
