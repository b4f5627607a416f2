#include "libgis/export/where_parser.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>

#include "libgis/core/errors.h"
#include "libgis/export/text_codec.h"

namespace parkgis::exporter {

namespace {

enum class Tok { word, quoted_ident, number, text, op, end, other };

struct Token {
  Tok kind = Tok::end;
  std::string text;  // word/ident/number/op as written; text without quotes
  std::size_t pos = 0;  // byte offset
};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class Parser {
 public:
  Parser(const std::string& text, const std::vector<std::string>& columns) : m_text(text), m_columns(columns) {}

  store::Filter parse() {
    store::Filter f;
    skip_space();
    if (peek().kind == Tok::end) fail(peek(), "the expression is empty; write e.g. area_mu > 10");
    std::vector<store::Condition> group;
    for (;;) {
      group.push_back(condition());
      const Token t = next();
      if (t.kind == Tok::end) break;
      const std::string kw = upper(t.text);
      if (t.kind == Tok::word && kw == "AND") continue;
      if (t.kind == Tok::word && kw == "OR") {
        f.any.push_back(std::move(group));
        group.clear();
        continue;
      }
      fail(t, "expected AND, OR or the end of the expression, got " + describe(t) + statement_hint(t));
    }
    f.any.push_back(std::move(group));
    return f;
  }

 private:
  [[noreturn]] void fail(const Token& t, const std::string& what) const {
    // Position in characters, 1-based.
    std::size_t chars = 1;
    for (std::size_t i = 0; i < t.pos && i < m_text.size(); i += utf8_char_length(static_cast<unsigned char>(m_text[i])))
      ++chars;
    throw UsageError("--where: at character " + std::to_string(chars) + ": " + what);
  }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::end: return "the end of the expression";
      case Tok::text: return "'" + t.text + "'";
      case Tok::quoted_ident: return "\"" + t.text + "\"";
      default: return "'" + t.text + "'";
    }
  }

  static std::string statement_hint(const Token& t) {
    if (t.text == ";") return " (only conditions joined by AND and OR are allowed, not statements)";
    if (t.text == "(" || t.text == ")") return " (parentheses are not supported: write ORs of ANDs, AND binds tighter)";
    if (t.text == "--" || t.text == "/*") return " (comments are not allowed)";
    return "";
  }

  void skip_space() {
    while (m_i < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_i]))) ++m_i;
  }

  Token peek() {
    const std::size_t save = m_i;
    Token t = next();
    m_i = save;
    return t;
  }

  Token next() {
    skip_space();
    Token t;
    t.pos = m_i;
    if (m_i >= m_text.size()) return t;
    const char c = m_text[m_i];
    const auto at = [&](std::size_t k) { return m_i + k < m_text.size() ? m_text[m_i + k] : '\0'; };
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = m_i;
      while (j < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '_')) ++j;
      t.kind = Tok::word;
      t.text = m_text.substr(m_i, j - m_i);
      m_i = j;
      return t;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || ((c == '-' || c == '+' || c == '.') &&
                                                         (std::isdigit(static_cast<unsigned char>(at(1))) || at(1) == '.'))) {
      std::size_t j = m_i + 1;
      while (j < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '.' ||
                                   ((m_text[j] == '-' || m_text[j] == '+') && (m_text[j - 1] == 'e' || m_text[j - 1] == 'E'))))
        ++j;
      t.kind = Tok::number;
      t.text = m_text.substr(m_i, j - m_i);
      m_i = j;
      return t;
    }
    if (c == '\'' || c == '"') {
      std::string s;
      std::size_t j = m_i + 1;
      for (;; ++j) {
        if (j >= m_text.size()) fail(t, std::string("the quote ") + c + " is not closed");
        if (m_text[j] == c) {
          if (j + 1 < m_text.size() && m_text[j + 1] == c) {
            s += c;
            ++j;
            continue;
          }
          break;
        }
        s += m_text[j];
      }
      t.kind = c == '\'' ? Tok::text : Tok::quoted_ident;
      t.text = s;
      m_i = j + 1;
      return t;
    }
    static const char* const ops[] = {"<=", ">=", "!=", "<>", "=", "<", ">"};
    for (const char* op : ops) {
      if (m_text.compare(m_i, std::char_traits<char>::length(op), op) == 0) {
        t.kind = Tok::op;
        t.text = op;
        m_i += t.text.size();
        return t;
      }
    }
    t.kind = Tok::other;
    if ((c == '-' && at(1) == '-') || (c == '/' && at(1) == '*')) t.text = m_text.substr(m_i, 2);
    else t.text = m_text.substr(m_i, utf8_char_length(static_cast<unsigned char>(c)));
    m_i += t.text.size();
    return t;
  }

  std::string column_list() const {
    std::string s;
    for (const std::string& c : m_columns) s += (s.empty() ? "" : ", ") + c;
    return s;
  }

  store::Condition condition() {
    const Token col = next();
    if (col.kind != Tok::word && col.kind != Tok::quoted_ident)
      fail(col, "expected a column name, got " + describe(col) + statement_hint(col));
    const auto known = std::find(m_columns.begin(), m_columns.end(), col.text);
    if (known == m_columns.end())
      fail(col, "unknown column \"" + col.text + "\"; the layer's columns are " + column_list());
    store::Condition c;
    c.column = col.text;
    const Token op = next();
    const std::string kw = upper(op.text);
    if (op.kind == Tok::word && kw == "IS") {
      Token t = next();
      bool negated = false;
      if (t.kind == Tok::word && upper(t.text) == "NOT") {
        negated = true;
        t = next();
      }
      if (t.kind != Tok::word || upper(t.text) != "NULL")
        fail(t, std::string("expected ") + (negated ? "NULL" : "NULL or NOT NULL") + " after IS, got " + describe(t));
      c.op = negated ? "IS NOT NULL" : "IS NULL";
      return c;
    }
    if (op.kind == Tok::word && kw == "LIKE") c.op = "LIKE";
    else if (op.kind == Tok::op) c.op = op.text == "<>" ? "!=" : op.text;
    else
      fail(op, "expected an operator (=, !=, <>, <, <=, >, >=, LIKE, IS NULL, IS NOT NULL) after " + col.text +
                   ", got " + describe(op) + statement_hint(op));
    const Token v = next();
    if (v.kind == Tok::text) {
      c.value = v.text;
    } else if (v.kind == Tok::number) {
      const bool integral = v.text.find_first_of(".eE") == std::string::npos;
      char* end = nullptr;
      errno = 0;
      if (integral) {
        const long long n = std::strtoll(v.text.c_str(), &end, 10);
        if (*end != '\0' || errno == ERANGE) fail(v, "'" + v.text + "' is not a number");
        c.value = static_cast<std::int64_t>(n);
      } else {
        const double d = std::strtod(v.text.c_str(), &end);
        if (*end != '\0' || errno == ERANGE) fail(v, "'" + v.text + "' is not a number");
        c.value = d;
      }
    } else if (v.kind == Tok::word && upper(v.text) == "NULL") {
      fail(v, "compare with NULL using IS NULL or IS NOT NULL");
    } else {
      fail(v, "expected a number or 'quoted text' after " + op.text + ", got " + describe(v) +
                  (v.kind == Tok::word || v.kind == Tok::quoted_ident ? " (comparing two columns is not supported; quote text with ')" : statement_hint(v)));
    }
    return c;
  }

  const std::string& m_text;
  const std::vector<std::string>& m_columns;
  std::size_t m_i = 0;
};

}  // namespace

store::Filter parse_where(const std::string& text, const std::vector<std::string>& columns) {
  return Parser(text, columns).parse();
}

store::Filter and_all(const store::Filter& filter, const std::vector<store::Condition>& extra) {
  store::Filter out = filter;
  if (extra.empty()) return out;
  if (out.any.empty()) out.any.push_back({});
  for (auto& group : out.any) group.insert(group.end(), extra.begin(), extra.end());
  return out;
}

}  // namespace parkgis::exporter
