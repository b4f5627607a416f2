#include "libgis/style/theme.h"

#include <cpl_error.h>
#include <cpl_json.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "libgis/core/data_paths.h"

#include "libgis/core/errors.h"

namespace parkgis::style {

namespace fs = std::filesystem;

std::string Rgba::hex() const {
  char buf[16];
  if (a == 255) std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  else std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", r, g, b, a);
  return buf;
}

std::optional<Rgba> parse_color(const std::string& t) {
  if ((t.size() != 7 && t.size() != 9) || t[0] != '#') return std::nullopt;
  if (t.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(std::stoi(t.substr(i, 2), nullptr, 16)); };
  Rgba c{byte(1), byte(3), byte(5), 255};
  if (t.size() == 9) c.a = byte(7);
  return c;
}

int Theme::classify(const store::Value& v) const {
  if (kind == Kind::single) return classes.empty() ? -1 : 0;
  if (store::is_null(v)) return -1;
  if (kind == Kind::categorized) {
    const std::string s = store::value_text(v);
    for (std::size_t i = 0; i < classes.size(); ++i)
      if (classes[i].value == s) return static_cast<int>(i);
    return -1;
  }
  const std::optional<double> number = store::value_number(v);
  if (!number) return -1;
  const double x = *number;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const ThemeClass& c = classes[i];
    if ((!c.min || x >= *c.min) && (!c.max || x < *c.max)) return static_cast<int>(i);
  }
  return -1;
}

const ThemeClass& Theme::class_for(const store::Value& v) const {
  const int i = classify(v);
  return i < 0 ? other : classes[static_cast<std::size_t>(i)];
}

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) { throw DataError(file + ": " + what); }

Rgba color(const CPLJSONObject& o, const std::string& key, const std::string& file) {
  const std::string t = o.GetString(key);
  auto c = parse_color(t);
  if (!c) fail(file, "\"" + key + "\" must be a colour like #d7191c, got \"" + t + "\"");
  return *c;
}

std::optional<double> bound(const CPLJSONObject& o, const std::string& key, const std::string& file) {
  const CPLJSONObject v = o.GetObj(key);
  if (!v.IsValid() || v.GetType() == CPLJSONObject::Type::Null) return std::nullopt;
  if (v.GetType() != CPLJSONObject::Type::Integer && v.GetType() != CPLJSONObject::Type::Double &&
      v.GetType() != CPLJSONObject::Type::Long)
    fail(file, "\"" + key + "\" must be a number or null");
  return v.ToDouble();
}

ThemeClass read_class(const CPLJSONObject& o, const std::string& file) {
  ThemeClass c;
  c.value = o.GetString("value");
  c.label_zh = o.GetString("label/zh");
  c.label_en = o.GetString("label/en");
  if (c.label_zh.empty()) fail(file, "every class needs a label with \"zh\"");
  if (c.label_en.empty()) c.label_en = c.label_zh;
  c.fill = color(o, "fill", file);
  if (o.GetObj("stroke").IsValid()) c.stroke = color(o, "stroke", file);
  c.min = bound(o, "min", file);
  c.max = bound(o, "max", file);
  return c;
}

}  // namespace

Theme load_theme(const std::string& path) {
  CPLJSONDocument doc;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool ok = doc.Load(path);
  CPLPopErrorHandler();
  if (!ok) fail(path, "cannot be read as JSON");
  const CPLJSONObject root = doc.GetRoot();
  Theme t;
  t.file = path;
  t.id = root.GetString("id");
  t.title_zh = root.GetString("title/zh");
  t.title_en = root.GetString("title/en");
  t.layer = root.GetString("layer");
  t.field = root.GetString("field");
  t.unit = root.GetString("unit");
  if (t.id.empty() || t.layer.empty() || t.title_zh.empty()) fail(path, "\"id\", \"layer\" and \"title\".\"zh\" are required");
  const std::string kind = root.GetString("kind");
  if (kind == "categorized") t.kind = Kind::categorized;
  else if (kind == "graduated") t.kind = Kind::graduated;
  else if (kind == "single") t.kind = Kind::single;
  else fail(path, "\"kind\" must be categorized, graduated or single, got \"" + kind + "\"");
  if (t.kind != Kind::single && t.field.empty()) fail(path, "\"field\" is required for a " + kind + " theme");
  if (root.GetObj("stroke").IsValid()) t.stroke = color(root, "stroke", path);
  t.stroke_width_mm = root.GetDouble("stroke_width_mm", 0.2);
  const CPLJSONArray classes = root.GetArray("classes");
  if (!classes.IsValid() || classes.Size() == 0) fail(path, "\"classes\" must be a non-empty list");
  for (int i = 0; i < classes.Size(); ++i) t.classes.push_back(read_class(classes[i], path));
  if (root.GetObj("other").IsValid()) t.other = read_class(root.GetObj("other"), path);
  else t.other = ThemeClass{"", std::nullopt, std::nullopt, "其他", "other", Rgba{224, 224, 224, 255}, std::nullopt};
  if (t.kind == Kind::categorized)
    for (const ThemeClass& c : t.classes)
      if (c.value.empty()) fail(path, "every class of a categorized theme needs a \"value\"");
  return t;
}

std::string styles_dir() { return parkgis::styles_dir().string(); }

std::vector<Theme> load_themes() {
  std::vector<Theme> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(styles_dir(), ec))
    if (e.path().extension() == ".json") out.push_back(load_theme(e.path().string()));
  if (ec) throw DataError("cannot read the styles folder " + styles_dir() + ": " + ec.message());
  std::sort(out.begin(), out.end(), [](const Theme& a, const Theme& b) { return a.id < b.id; });
  return out;
}

Theme find_theme(const std::string& id) {
  std::string ids;
  for (Theme& t : load_themes()) {
    if (t.id == id) return t;
    ids += (ids.empty() ? "" : ", ") + t.id;
  }
  throw UsageError("unknown theme '" + id + "'; the themes are " + ids);
}

}  // namespace parkgis::style
