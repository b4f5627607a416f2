#pragma once
// DBF field names: at most 10 bytes in the file's encoding. Long names are shortened by one fixed rule
// (docs/cli.md, "DBF field names"), so that the same column always gets the same short name and a
// returned survey file can be read back without fields.csv:
//   1. a name that fits (≤ 10 bytes in the target encoding) is kept;
//      (a few of parkgis's own columns have a hand-chosen short name: idle_fee_wan → idle_fee,
//      land_price_wan → price_wan, check_items → to_check)
//   2. otherwise each word (split at '_') is abbreviated from a fixed list (status → sts,
//      enterprise → ent, efficiency → eff, ...), and the words are joined with '_';
//   3. still too long: the underscores are dropped, from the first one on;
//   4. still too long: cut to 10 bytes at a character boundary (never inside a multi-byte character);
//   5. a name already taken gets "_2", "_3", ... in place of its last characters.
// Short names are compared case-insensitively for uniqueness, as DBF readers do.

#include <string>
#include <vector>

namespace parkgis::exporter {

inline constexpr std::size_t kDbfNameBytes = 10;

// Byte length of UTF-8 `text` in `encoding` (an iconv name: "CP936", "UTF-8"). Characters the
// encoding cannot hold count as 4 bytes (the name is then still unusable; the writer reports the text).
std::size_t encoded_length(const std::string& text, const std::string& encoding);

// Short names for `names` (UTF-8), in order, unique and each ≤ 10 bytes in `encoding`.
std::vector<std::string> dbf_names(const std::vector<std::string>& names, const std::string& encoding);

// The short name rule for one name, without the uniqueness step (5).
std::string dbf_name(const std::string& name, const std::string& encoding);

}  // namespace parkgis::exporter
