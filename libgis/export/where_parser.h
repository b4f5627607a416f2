#pragma once
// '--where' expressions → a store::Filter (conditions with quoted identifiers and bound values; the
// text is never spliced into SQL). The grammar:
//
//   expr      := condition { (AND | OR) condition }       AND binds tighter than OR
//   condition := column op value | column IS [NOT] NULL
//   op        := = | != | <> | < | <= | > | >= | LIKE
//   value     := number (12, -3.5, 1e3) | 'text' ('' inside for a quote)
//   column    := name of one of the layer's columns (letters, digits, _), or "quoted"
//
// Keywords are case-insensitive. Parentheses, NOT, functions, ';' and anything else are rejected with a
// message that names the position (1-based, in characters) and what was expected.

#include <string>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::exporter {

// Throws UsageError ("--where: at character N: ...") when the text does not parse or names a column
// that is not in `columns`.
store::Filter parse_where(const std::string& text, const std::vector<std::string>& columns);

// Every row group of `filter` gets `extra` conditions (AND); an empty filter becomes one group.
store::Filter and_all(const store::Filter& filter, const std::vector<store::Condition>& extra);

}  // namespace parkgis::exporter
