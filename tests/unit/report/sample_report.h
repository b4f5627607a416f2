#pragma once
// The hand-made report that the writer tests render: two sections, Chinese and ASCII text, characters
// that need escaping, a null, a percent column, a value that rounds to -0.00 and a totals row.

#include <cstdint>
#include <string>

#include "libgis/report/report.h"

namespace parkgis::report::test {

inline store::Value text(const char* s) { return store::Value{std::string(s)}; }
inline store::Value integer(std::int64_t i) { return store::Value{i}; }
inline store::Value real(double d) { return store::Value{d}; }

inline Report sample_report() {
  Report r;
  r.title = "宁德小微园 — 园区汇总";
  r.notes = {"数据: ningde 2026-06-30", "parkgis 0.1.0"};
  r.columns = {{"park", "园区", "", -1, false},
               {"area", "面积", "亩", 1, false},
               {"companies", "企业数", "", -1, false},
               {"tax_per_mu", "亩均税收", "万元/亩", 2, false},
               {"idle_share", "闲置率", "", 1, true}};
  Section a;
  a.title = "蕉城园";
  a.rows = {{text("蕉城小微园A区"), real(120.5), integer(12), real(3.456), real(0.125)},
            {text("Lot \"B\", 2|3"), real(80.25), integer(3), store::Value{}, real(0.0)}};
  a.total = {text("合计"), real(200.75), integer(15), real(2.9), real(0.08)};
  Section b;
  b.title = "Fu'an <B>";
  b.rows = {{text("福安园"), real(1234.5678), integer(7), real(-0.001), real(1.0)}};
  r.sections = {a, b};
  return r;
}

}  // namespace parkgis::report::test
