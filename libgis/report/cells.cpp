// How values look in the reports: fixed decimals, percent, nulls.

#include <charconv>
#include <algorithm>
#include <cmath>
#include <string>
#include <variant>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"

namespace parkgis::report {
namespace {

const char* const kNull = "—";

// A finite number as decimal digits: value = ±0.d₁d₂…dₙ × 10^point, digits without leading zeros
// (empty for zero). Taken from the shortest round-trip form, so that 2.675 is "2675", point 1, not the
// 2.67499999… that the binary double holds: rounding then works on the number people wrote.
struct Decimal {
  bool negative = false;
  std::string digits;
  int point = 0;
};

Decimal to_decimal(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string text(buf, res.ptr);  // "-1.2345e+02"
  Decimal d;
  std::size_t pos = 0;
  if (text[pos] == '-') {
    d.negative = true;
    ++pos;
  }
  const std::size_t e = text.find('e');
  for (std::size_t i = pos; i < e; ++i)
    if (text[i] != '.') d.digits += text[i];
  d.point = std::stoi(text.substr(e + 1)) + 1;
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.point = 0;
  return d;
}

// Rounds half away from zero (四舍五入) to `decimals` digits after the point.
void round_to(Decimal& d, int decimals) {
  const int keep = d.point + decimals;  // digits to keep
  if (keep >= static_cast<int>(d.digits.size())) return;
  if (keep < 0) {
    d.digits.clear();
    return;
  }
  const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(keep));
  if (up) {
    std::size_t i = d.digits.size();
    while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
    if (i == 0) {
      d.digits.insert(d.digits.begin(), '1');
      ++d.point;
    } else {
      ++d.digits[i - 1];
    }
  }
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
}

// Plain notation (never an exponent) with exactly `decimals` digits after the point, or as many as the
// number has when decimals < 0. No sign for zero, so rounding never shows "-0.0".
std::string plain(const Decimal& d, int decimals) {
  const int n = static_cast<int>(d.digits.size());
  auto digit = [&](int i) { return i >= 0 && i < n ? d.digits[static_cast<std::size_t>(i)] : '0'; };
  std::string out = d.negative && n > 0 ? "-" : "";
  if (d.point <= 0) out += '0';
  for (int i = 0; i < d.point; ++i) out += digit(i);
  const int frac = decimals >= 0 ? decimals : std::max(0, n - d.point);
  if (frac > 0) out += '.';
  for (int i = 0; i < frac; ++i) out += digit(d.point + i);
  return out;
}

std::string format_real(const Column& column, double v) {
  if (!std::isfinite(v)) return kNull;
  Decimal d = to_decimal(v);
  if (column.percent && !d.digits.empty()) d.point += 2;  // ×100 in decimal: exact
  if (column.decimals >= 0) round_to(d, column.decimals);
  return plain(d, column.decimals) + (column.percent ? "%" : "");
}

}  // namespace

std::string format_value(const Column& column, const store::Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    if (column.percent) return format_real(column, static_cast<double>(*i));
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&value)) return format_real(column, *d);
  return kNull;
}

std::string column_label(const Column& column) {
  if (column.unit.empty()) return column.header;
  return column.header + " (" + column.unit + ")";
}

namespace detail {

const store::Value& cell(const std::vector<store::Value>& row, std::size_t i) {
  static const store::Value null_value;
  return i < row.size() ? row[i] : null_value;
}

bool is_numeric_column(const Report& report, std::size_t column) {
  if (column >= report.columns.size()) return false;
  const Column& c = report.columns[column];
  if (c.decimals >= 0 || c.percent) return true;
  // Text in a totals row is a label ("合计"), not a reason to left-align the numbers above it.
  bool any_number = false;
  for (const Section& s : report.sections) {
    for (const auto& row : s.rows) {
      const store::Value& v = cell(row, column);
      if (std::holds_alternative<std::string>(v)) return false;
      if (!store::is_null(v)) any_number = true;
    }
    const store::Value& t = cell(s.total, column);
    if (!store::is_null(t) && !std::holds_alternative<std::string>(t)) any_number = true;
  }
  return any_number;
}

std::string round_trip(double value) {
  if (!std::isfinite(value)) return "";
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

}  // namespace detail
}  // namespace parkgis::report
