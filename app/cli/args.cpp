#include "app/cli/args.h"

#include "libgis/core/errors.h"

namespace parkgis::cli {

Args::Args(std::string command, std::vector<std::string> argv)
    : m_command(std::move(command)), m_argv(std::move(argv)) {}

Args& Args::value(const std::string& name) {
  m_value_opts.insert(name);
  if (name == "--db") m_value_opts.insert("--schema");  // every --db may name a PostgreSQL schema
  return *this;
}

Args& Args::flag(const std::string& name) {
  m_flag_opts.insert(name);
  return *this;
}

void Args::parse() {
  const std::string hint = "; try 'parkgis " + m_command + " --help'";
  for (std::size_t i = 0; i < m_argv.size(); ++i) {
    std::string a = m_argv[i];
    if (a == "--help" || a == "-h") {
      m_help = true;
      continue;
    }
    if (a == "--") {
      for (++i; i < m_argv.size(); ++i) m_positional.push_back(m_argv[i]);
      break;
    }
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string name = a, inline_value;
      bool has_inline = false;
      if (const auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        inline_value = a.substr(eq + 1);
        has_inline = true;
      }
      if (m_flag_opts.count(name)) {
        if (has_inline) throw UsageError("option " + name + " takes no value" + hint);
        m_flags.insert(name);
      } else if (m_value_opts.count(name)) {
        if (has_inline) {
          m_values[name] = inline_value;
        } else {
          if (i + 1 >= m_argv.size()) throw UsageError("option " + name + " needs a value" + hint);
          m_values[name] = m_argv[++i];
        }
        m_all_values[name].push_back(m_values[name]);
      } else {
        throw UsageError("unknown option '" + a + "'" + hint);
      }
      continue;
    }
    m_positional.push_back(a);
  }
}

bool Args::has(const std::string& name) const { return m_flags.count(name) || m_values.count(name); }

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = m_values.find(name);
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::get_all(const std::string& name) const {
  auto it = m_all_values.find(name);
  return it == m_all_values.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::require(const std::string& name) const {
  auto v = get(name);
  if (!v || v->empty())
    throw UsageError("missing required option " + name + "; try 'parkgis " + m_command + " --help'");
  return *v;
}

std::optional<Date> Args::get_date(const std::string& name) const {
  auto v = get(name);
  if (!v) return std::nullopt;
  auto d = parse_date(*v);
  if (!d) throw UsageError(name + " expects a date like 2026-06-30, got \"" + *v + "\"");
  return d;
}

long Args::get_long(const std::string& name, long fallback, long min, long max) const {
  auto v = get(name);
  if (!v) return fallback;
  std::size_t used = 0;
  long n = 0;
  try {
    n = std::stol(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v->size())
    throw UsageError("option " + name + " expects a whole number, got \"" + *v + "\"");
  if (n < min || n > max)
    throw UsageError("option " + name + " must be between " + std::to_string(min) + " and " +
                     std::to_string(max) + ", got " + *v);
  return n;
}

}  // namespace parkgis::cli
