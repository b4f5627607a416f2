#include "libgis/export/dbf_names.h"

#include <cctype>
#include <map>
#include <set>

#include "libgis/export/text_codec.h"

namespace parkgis::exporter {

namespace {

// Word abbreviations (rule 2). Readable to someone who knows the full column names.
const std::map<std::string, std::string>& abbreviations() {
  static const std::map<std::string, std::string> m = {
      {"status", "sts"},        {"enterprise", "ent"},     {"efficiency", "eff"},   {"registered", "reg"},
      {"coverage", "cov"},                {"ratio", "r"},          {"footprint", "fp"},
      {"vacancy", "vac"},       {"vacant", "vac"},         {"industrial", "ind"},   {"industry", "ind"},
      {"factory", "fac"},       {"comprehensive", "comp"}, {"building", "bldg"},    {"buildings", "bldgs"},
      {"density", "dens"},      {"supplied", "supp"},      {"unsupplied", "unsupp"}, {"approved", "appr"},
      {"output", "out"},        {"per", "p"},              {"value", "val"},        {"added", "add"},
      {"employee", "emp"},      {"employees", "emp"},      {"extension", "ext"},    {"developed", "dev"},
      {"required", "req"},      {"total", "tot"},          {"investment", "inv"},   {"invested", "inv"},
      {"survey", "svy"},        {"reason", "rsn"},         {"minimum", "min"},
      {"feature", "feat"},      {"severity", "sev"},       {"message", "msg"},      {"number", "no"},
      {"agreed", "agr"},        {"actual", "act"},               {"source", "src"},
                           {"share", "shr"},        {"rate", "rt"},            {"area", "ar"},          {"floor", "flr"},
      {"built", "blt"},        {"used", "use"},           {"parcels", "cnt"},
                                 
                         
  };
  return m;
}

// Cuts UTF-8 text to at most `limit` bytes in `encoding`, at a character boundary.
std::string cut(const std::string& text, const std::string& encoding, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_char_length(static_cast<unsigned char>(text[i]));
    const std::string ch = text.substr(i, n);
    if (encoded_length(out + ch, encoding) > limit) break;
    out += ch;
    i += n;
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Rule 0: names chosen by hand where the rule reads badly.
const std::map<std::string, std::string>& chosen() {
  static const std::map<std::string, std::string> m = {
      {"idle_fee_wan", "idle_fee"}, {"land_price_wan", "price_wan"}, {"check_items", "to_check"},
      {"tenant_list", "tenants"}};
  return m;
}

}  // namespace

std::size_t encoded_length(const std::string& text, const std::string& encoding) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_char_length(static_cast<unsigned char>(text[i]));
    const std::string ch = text.substr(i, len);
    i += len;
    if (ch.size() == 1) {
      ++n;
      continue;
    }
    const auto bytes = encode_utf8(ch, encoding);
    n += bytes ? bytes->size() : 4;
  }
  return n;
}

std::string dbf_name(const std::string& name, const std::string& encoding) {
  if (encoded_length(name, encoding) <= kDbfNameBytes) return name;
  if (const auto it = chosen().find(name); it != chosen().end()) return it->second;
  // Rule 2: abbreviate each word.
  std::vector<std::string> words;
  for (std::size_t start = 0;;) {
    const std::size_t end = name.find('_', start);
    std::string w = name.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (const auto it = abbreviations().find(lower(w)); it != abbreviations().end()) w = it->second;
    if (!w.empty()) words.push_back(w);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : "_") + w;
  if (encoded_length(joined, encoding) <= kDbfNameBytes) return joined;
  // Rule 3: drop underscores from the first one on.
  for (std::size_t pos = joined.find('_'); pos != std::string::npos; pos = joined.find('_')) {
    joined.erase(pos, 1);
    if (encoded_length(joined, encoding) <= kDbfNameBytes) return joined;
  }
  // Rule 4: cut at a character boundary.
  return cut(joined, encoding, kDbfNameBytes);
}

std::vector<std::string> dbf_names(const std::vector<std::string>& names, const std::string& encoding) {
  std::vector<std::string> out;
  std::set<std::string> taken;
  for (const std::string& n : names) {
    std::string s = dbf_name(n, encoding);
    if (taken.count(lower(s))) {
      for (int k = 2;; ++k) {
        const std::string suffix = "_" + std::to_string(k);
        const std::string candidate = cut(s, encoding, kDbfNameBytes - suffix.size()) + suffix;
        if (!taken.count(lower(candidate))) {
          s = candidate;
          break;
        }
      }
    }
    taken.insert(lower(s));
    out.push_back(s);
  }
  return out;
}

}  // namespace parkgis::exporter
