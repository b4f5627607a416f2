#pragma once
// QGIS .qml and OGC SLD 1.0 .sld from a theme (styles/*.json, libgis/style/theme.h), for the fields
// as an export really wrote them (short DBF names). Both use rules with the theme's exact class
// bounds ([min, max) for graduated themes, equality for categorized ones) and a last "else" rule for
// the theme's "other" class, so QGIS, GeoServer and our own map colour a feature alike. Legend labels
// are the themes' Chinese labels; the .qml also carries Chinese field aliases and labels features with
// their id.

#include <string>
#include <vector>

#include "libgis/export/writer.h"
#include "libgis/style/theme.h"

namespace parkgis::exporter {

// A one-class theme (every feature alike): for layers that no theme in styles/ colours, such as
// buildings and zone boundaries. fill/stroke are #RRGGBB[AA].
style::Theme plain_theme(const std::string& id, const std::string& title_zh, const std::string& fill,
                         const std::string& stroke, double stroke_width_mm = 0.26);

// True when the theme can style these fields (its field is among them, or it needs none).
bool theme_fits(const style::Theme& theme, const std::vector<OutField>& fields);

// The .qml document. theme may be null for a layer without geometry (aliases only). label_column: the
// database name of the column whose values label the features ("" for none).
std::string qml_document(const style::Theme* theme, const std::vector<OutField>& fields,
                         const std::string& label_column);

// The .sld document (SLD 1.0.0) for a layer named layer_name.
std::string sld_document(const style::Theme& theme, const std::vector<OutField>& fields,
                         const std::string& layer_name);

// XML-escapes text for element content and attribute values.
std::string xml_escape(const std::string& text);

}  // namespace parkgis::exporter
