#include "libgis/store/table.h"

#include <charconv>

namespace parkgis::store {

int TableDef::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return static_cast<int>(i);
  return -1;
}

Filter Filter::equals(const std::string& column, const std::string& value) {
  Filter f;
  f.any.push_back({Condition{column, "=", Value{value}}});
  return f;
}

std::optional<double> value_number(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    double d = 0;
    const auto res = std::from_chars(s->data(), s->data() + s->size(), d);
    if (!s->empty() && res.ec == std::errc() && res.ptr == s->data() + s->size()) return d;
  }
  return std::nullopt;
}

std::string value_text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, res.ptr);
  }
  return "";
}

}  // namespace parkgis::store
