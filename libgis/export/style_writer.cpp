#include "libgis/export/style_writer.h"

#include <cstdio>
#include <sstream>

#include "libgis/core/errors.h"

namespace parkgis::exporter {

namespace {

// Plain decimal (no exponent: QGIS expressions and SLD readers all take it).
std::string number(double v) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.10f", v);
  std::string s = buf;
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s == "-0" ? "0" : s;
}

std::string qgis_color(const style::Rgba& c) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(c.a);
}

std::string hex6(const style::Rgba& c) {
  style::Rgba opaque = c;
  opaque.a = 255;
  return opaque.hex();
}

const OutField* find_field(const std::vector<OutField>& fields, const std::string& name) {
  for (const OutField& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

bool numeric(const OutField& f) {
  return f.type == store::ColumnType::integer || f.type == store::ColumnType::real;
}

// QGIS expression text for a categorized value: a number for numeric fields, else a quoted string.
std::string qgis_literal(const OutField& f, const std::string& value) {
  if (numeric(f)) return value;
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

struct Rule {
  std::string label;
  std::string qgis_filter;  // "" = every feature; "ELSE" = what no other rule takes
  std::string sld_filter;   // ogc:Filter content; "" = every feature; "ELSE"
  style::Rgba fill, stroke;
};

std::vector<Rule> rules_of(const style::Theme& theme, const std::vector<OutField>& fields) {
  std::vector<Rule> rules;
  const OutField* field = theme.kind == style::Kind::single ? nullptr : find_field(fields, theme.field);
  if (theme.kind != style::Kind::single && !field)
    throw DataError("theme " + theme.id + " colours by " + theme.field + ", which this layer does not have");
  const std::string q = field ? "\"" + field->out_name + "\"" : "";
  const std::string prop = field ? "<ogc:PropertyName>" + xml_escape(field->out_name) + "</ogc:PropertyName>" : "";
  for (const style::ThemeClass& c : theme.classes) {
    Rule r{c.label_zh, "", "", c.fill, c.stroke.value_or(theme.stroke)};
    if (theme.kind == style::Kind::categorized) {
      r.qgis_filter = q + " = " + qgis_literal(*field, c.value);
      r.sld_filter = "<ogc:PropertyIsEqualTo>" + prop + "<ogc:Literal>" + xml_escape(c.value) +
                     "</ogc:Literal></ogc:PropertyIsEqualTo>";
    } else if (theme.kind == style::Kind::graduated) {
      std::vector<std::string> qs, ss;
      if (c.min) {
        qs.push_back(q + " >= " + number(*c.min));
        ss.push_back("<ogc:PropertyIsGreaterThanOrEqualTo>" + prop + "<ogc:Literal>" + number(*c.min) +
                     "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>");
      }
      if (c.max) {
        qs.push_back(q + " < " + number(*c.max));
        ss.push_back("<ogc:PropertyIsLessThan>" + prop + "<ogc:Literal>" + number(*c.max) +
                     "</ogc:Literal></ogc:PropertyIsLessThan>");
      }
      if (qs.empty()) {  // an unbounded class takes every non-null value
        qs.push_back(q + " IS NOT NULL");
        ss.push_back("<ogc:Not><ogc:PropertyIsNull>" + prop + "</ogc:PropertyIsNull></ogc:Not>");
      }
      r.qgis_filter = qs.size() == 1 ? qs[0] : qs[0] + " AND " + qs[1];
      r.sld_filter = ss.size() == 1 ? ss[0] : "<ogc:And>" + ss[0] + ss[1] + "</ogc:And>";
    }
    rules.push_back(r);
  }
  if (theme.kind != style::Kind::single)
    rules.push_back(Rule{theme.other.label_zh, "ELSE", "ELSE", theme.other.fill, theme.other.stroke.value_or(theme.stroke)});
  return rules;
}

void qml_symbol(std::ostringstream& os, std::size_t index, const Rule& r, double stroke_mm) {
  const std::string fill = qgis_color(r.fill), stroke = qgis_color(r.stroke), width = number(stroke_mm);
  os << "      <symbol type=\"fill\" name=\"" << index << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
     << "        <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
     << "          <Option type=\"Map\">\n"
     << "            <Option name=\"color\" type=\"QString\" value=\"" << fill << "\"/>\n"
     << "            <Option name=\"joinstyle\" type=\"QString\" value=\"bevel\"/>\n"
     << "            <Option name=\"outline_color\" type=\"QString\" value=\"" << stroke << "\"/>\n"
     << "            <Option name=\"outline_style\" type=\"QString\" value=\"solid\"/>\n"
     << "            <Option name=\"outline_width\" type=\"QString\" value=\"" << width << "\"/>\n"
     << "            <Option name=\"outline_width_unit\" type=\"QString\" value=\"MM\"/>\n"
     << "            <Option name=\"style\" type=\"QString\" value=\"" << (r.fill.a == 0 ? "no" : "solid") << "\"/>\n"
     << "          </Option>\n"
     << "          <prop k=\"color\" v=\"" << fill << "\"/>\n"
     << "          <prop k=\"joinstyle\" v=\"bevel\"/>\n"
     << "          <prop k=\"outline_color\" v=\"" << stroke << "\"/>\n"
     << "          <prop k=\"outline_style\" v=\"solid\"/>\n"
     << "          <prop k=\"outline_width\" v=\"" << width << "\"/>\n"
     << "          <prop k=\"outline_width_unit\" v=\"MM\"/>\n"
     << "          <prop k=\"style\" v=\"" << (r.fill.a == 0 ? "no" : "solid") << "\"/>\n"
     << "        </layer>\n"
     << "      </symbol>\n";
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

style::Theme plain_theme(const std::string& id, const std::string& title_zh, const std::string& fill,
                         const std::string& stroke, double stroke_width_mm) {
  style::Theme t;
  t.id = id;
  t.title_zh = t.title_en = title_zh;
  t.kind = style::Kind::single;
  style::ThemeClass c;
  c.label_zh = c.label_en = title_zh;
  c.fill = style::parse_color(fill).value_or(style::Rgba{200, 200, 200, 255});
  t.classes.push_back(c);
  t.other = c;
  t.stroke = style::parse_color(stroke).value_or(style::Rgba{96, 96, 96, 255});
  t.stroke_width_mm = stroke_width_mm;
  t.file = "(built in)";
  return t;
}

bool theme_fits(const style::Theme& theme, const std::vector<OutField>& fields) {
  return theme.kind == style::Kind::single || find_field(fields, theme.field) != nullptr;
}

std::string qml_document(const style::Theme* theme, const std::vector<OutField>& fields, const std::string& label_column) {
  std::ostringstream os;
  const OutField* label = label_column.empty() ? nullptr : find_field(fields, label_column);
  os << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
     << "<qgis version=\"3.22.0\" styleCategories=\"AllStyleCategories\" labelsEnabled=\""
     << (theme && label ? 1 : 0) << "\">\n";
  if (theme) {
    const std::vector<Rule> rules = rules_of(*theme, fields);
    os << "  <!-- parkgis theme " << xml_escape(theme->id) << ": " << xml_escape(theme->title_zh)
       << (theme->unit.empty() ? "" : " (" + xml_escape(theme->unit) + ")") << " -->\n"
       << "  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n"
       << "    <rules key=\"root\">\n";
    for (std::size_t i = 0; i < rules.size(); ++i) {
      os << "      <rule key=\"rule" << i << "\" symbol=\"" << i << "\" label=\"" << xml_escape(rules[i].label) << "\"";
      if (!rules[i].qgis_filter.empty()) os << " filter=\"" << xml_escape(rules[i].qgis_filter) << "\"";
      os << "/>\n";
    }
    os << "    </rules>\n    <symbols>\n";
    for (std::size_t i = 0; i < rules.size(); ++i) qml_symbol(os, i, rules[i], theme->stroke_width_mm);
    os << "    </symbols>\n  </renderer-v2>\n";
    if (label) {
      os << "  <labeling type=\"simple\">\n"
         << "    <settings calloutType=\"simple\">\n"
         << "      <text-style fieldName=\"" << xml_escape(label->out_name)
         << "\" isExpression=\"0\" fontFamily=\"Microsoft YaHei\" fontSize=\"8\" fontSizeUnit=\"Point\""
            " textColor=\"40,40,40,255\" textOpacity=\"1\" namedStyle=\"Regular\">\n"
         << "        <text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\""
            " bufferColor=\"255,255,255,255\" bufferOpacity=\"0.8\"/>\n"
         << "      </text-style>\n"
         << "      <placement placement=\"1\" centroidWhole=\"0\" centroidInside=\"1\"/>\n"
         << "      <rendering obstacle=\"1\" displayAll=\"0\" limitNumLabels=\"0\"/>\n"
         << "    </settings>\n"
         << "  </labeling>\n";
    }
  }
  os << "  <aliases>\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string alias = fields[i].label.zh;
    if (!fields[i].label.unit.empty()) alias += "（" + fields[i].label.unit + "）";
    os << "    <alias field=\"" << xml_escape(fields[i].out_name) << "\" index=\"" << i << "\" name=\""
       << xml_escape(alias) << "\"/>\n";
  }
  os << "  </aliases>\n";
  if (theme) os << "  <layerGeometryType>2</layerGeometryType>\n";
  os << "</qgis>\n";
  return os.str();
}

std::string sld_document(const style::Theme& theme, const std::vector<OutField>& fields, const std::string& layer_name) {
  const std::vector<Rule> rules = rules_of(theme, fields);
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
        " xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd\">\n"
     << "  <NamedLayer>\n"
     << "    <Name>" << xml_escape(layer_name) << "</Name>\n"
     << "    <UserStyle>\n"
     << "      <Name>" << xml_escape(theme.id) << "</Name>\n"
     << "      <Title>" << xml_escape(theme.title_zh) << "</Title>\n"
     << "      <FeatureTypeStyle>\n";
  const double stroke_px = theme.stroke_width_mm * 96.0 / 25.4;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    os << "        <Rule>\n"
       << "          <Name>rule" << i << "</Name>\n"
       << "          <Title>" << xml_escape(r.label) << "</Title>\n";
    if (r.sld_filter == "ELSE") os << "          <ElseFilter/>\n";
    else if (!r.sld_filter.empty())
      os << "          <ogc:Filter>" << r.sld_filter << "</ogc:Filter>\n";
    os << "          <PolygonSymbolizer>\n";
    if (r.fill.a > 0)
      os << "            <Fill>\n"
         << "              <CssParameter name=\"fill\">" << hex6(r.fill) << "</CssParameter>\n"
         << "              <CssParameter name=\"fill-opacity\">" << number(r.fill.a / 255.0) << "</CssParameter>\n"
         << "            </Fill>\n";
    os << "            <Stroke>\n"
       << "              <CssParameter name=\"stroke\">" << hex6(r.stroke) << "</CssParameter>\n"
       << "              <CssParameter name=\"stroke-opacity\">" << number(r.stroke.a / 255.0) << "</CssParameter>\n"
       << "              <CssParameter name=\"stroke-width\">" << number(stroke_px) << "</CssParameter>\n"
       << "            </Stroke>\n"
       << "          </PolygonSymbolizer>\n"
       << "        </Rule>\n";
  }
  os << "      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n";
  return os.str();
}

}  // namespace parkgis::exporter
