#include "libgis/export/export.h"
#include "libgis/export/changes_layer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "libgis/core/errors.h"
#include "libgis/core/temp_folder.h"
#include "libgis/export/style_writer.h"
#include "libgis/export/survey_fields.h"
#include "libgis/export/where_parser.h"
#include "libgis/geom/geos.h"
#include "libgis/store/store.h"

namespace parkgis::exporter {

namespace fs = std::filesystem;

namespace {

OutField field_of(const std::string& name, store::ColumnType type, int min_width = 0) {
  OutField f;
  f.name = name;
  f.type = type;
  f.label = field_label(name);
  f.min_width = min_width;
  return f;
}

bool has_column(const std::vector<store::ColumnDef>& defs, const std::string& name) {
  return std::any_of(defs.begin(), defs.end(), [&](const store::ColumnDef& d) { return d.name == name; });
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* type_name(store::ColumnType t) {
  switch (t) {
    case store::ColumnType::text: return "text";
    case store::ColumnType::integer: return "integer";
    case store::ColumnType::real: return "real";
    case store::ColumnType::date: return "date";
  }
  return "text";
}

// Ids of a table's key column, for "unknown zone" messages.
std::vector<std::string> ids_of(store::Store& store, const std::string& table, const std::string& column) {
  std::vector<std::string> ids;
  if (!store.has_table(table)) return ids;
  store.read_table(table, {column}, false, column, [&](const store::Row& r) { ids.push_back(store::value_text(r.values[0])); });
  return ids;
}

// The polygon of a park or zone (WKB); DataError listing the ids when unknown.
std::string unit_polygon(store::Store& store, const std::string& table, const std::string& column, const std::string& id,
                         const char* what) {
  std::string wkb;
  bool found = false;
  store.read_table(table, {column}, true, "", [&](const store::Row& r) {
    wkb = r.wkb;
    found = true;
  }, store::Filter::equals(column, id));
  if (!found) {
    const std::vector<std::string> ids = ids_of(store, table, column);
    std::string list;
    for (std::size_t i = 0; i < ids.size() && i < 30; ++i) list += (i ? ", " : "") + ids[i];
    if (ids.size() > 30) list += ", ...";
    throw DataError(std::string("unknown ") + what + " '" + id + "'; the " + what + "s are " + (list.empty() ? "(none)" : list));
  }
  return wkb;
}

void write_text_file(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) throw DataError("cannot write " + p.string() + " (is the folder writable, the disk full?)");
}

}  // namespace

std::string fields_csv(const std::vector<OutField>& fields) {
  std::string out = "\xEF\xBB\xBF" "short_name,full_name,label_zh,unit,type\r\n";
  for (const OutField& f : fields)
    out += csv_cell(f.out_name) + "," + csv_cell(f.name) + "," + csv_cell(f.label.zh) + "," + csv_cell(f.label.unit) + "," +
           type_name(f.type) + "\r\n";
  return out;
}

OutLayer read_export_layer(store::Store& store, const ExportLayer& layer, const Selection& sel, bool survey) {
  const std::vector<store::ColumnDef> defs = store.column_defs(layer.table);
  if (defs.empty())
    throw DataError("database " + store.location() + " has no table " + layer.table +
                    (layer.table == "import_issues" ? " (import the dataset first)" : " (run 'parkgis analyze' first)"));
  std::vector<std::string> names;
  for (const store::ColumnDef& d : defs) names.push_back(d.name);

  store::Filter filter;
  if (!sel.where.empty()) filter = parse_where(sel.where, names);
  std::vector<store::Condition> extra = layer.conditions;
  std::string unit_wkb;  // spatial selection for tables without park/zone columns
  const auto select_unit = [&](const std::string& id, const std::string& column, const std::string& table, const char* what) {
    if (id.empty()) return;
    if (has_column(defs, column)) {
      // Checked against the units table so that a typo is an error, not an empty file.
      unit_polygon(store, table, column, id, what);
      extra.push_back(store::Condition{column, "=", store::Value{id}});
    } else if (!layer.spatial) {
      throw UsageError(std::string("--") + what + " does not apply to the layer " + layer.id);
    } else if (unit_wkb.empty()) {
      unit_wkb = unit_polygon(store, table, column, id, what);
    } else {
      throw UsageError("give --park or --zone for the layer " + layer.id + ", not both");
    }
  };
  select_unit(sel.park_id, "park_id", "parks", "park");
  select_unit(sel.zone_id, "zone_id", "zones", "zone");
  filter = and_all(filter, extra);
  if (!sel.ids.empty()) {
    if (layer.id_column.empty()) throw UsageError("the layer " + layer.id + " has no id column to select features by");
    filter.in = store::InList{layer.id_column, sel.ids};
  }

  geom::Context ctx;
  geom::GeomPtr unit;
  const GEOSPreparedGeometry* prepared = nullptr;
  if (!unit_wkb.empty()) {
    unit = geom::from_wkb(ctx, unit_wkb);
    if (!unit) throw DataError("the park/zone polygon in the database cannot be read");
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    GEOSGeom_getXMin_r(ctx.handle(), unit.get(), &minx);
    GEOSGeom_getYMin_r(ctx.handle(), unit.get(), &miny);
    GEOSGeom_getXMax_r(ctx.handle(), unit.get(), &maxx);
    GEOSGeom_getYMax_r(ctx.handle(), unit.get(), &maxy);
    filter.bbox = store::BBox{minx, miny, maxx, maxy};
    prepared = GEOSPrepare_r(ctx.handle(), unit.get());
  }

  OutLayer out;
  out.name = layer.id;
  out.spatial = layer.spatial;
  out.srid = store.srid();
  out.id_column = layer.id_column;
  for (const store::ColumnDef& d : defs) out.fields.push_back(field_of(d.name, d.type));
  const int id_index = layer.id_column.empty() ? -1 : static_cast<int>(
      std::find(names.begin(), names.end(), layer.id_column) - names.begin());
  store.read_table(layer.table, names, layer.spatial, layer.id_column, [&](const store::Row& r) {
    if (prepared) {
      geom::GeomPtr g = geom::from_wkb(ctx, r.wkb);
      if (!g || GEOSPreparedIntersects_r(ctx.handle(), prepared, g.get()) != 1) return;
    }
    OutFeature f;
    f.values = r.values;
    f.wkb = r.wkb;
    if (id_index >= 0 && id_index < static_cast<int>(r.values.size())) f.id = store::value_text(r.values[static_cast<std::size_t>(id_index)]);
    out.features.push_back(std::move(f));
  }, filter);
  if (prepared) GEOSPreparedGeom_destroy_r(ctx.handle(), prepared);

  if (!survey) return out;
  const SurveyTarget target = survey_target(layer.table);
  if (target.id_column.empty()) throw UsageError("--survey does not apply to the layer " + layer.id);
  // The editable attributes, with their current values (joined from the imported table when the
  // export reads a result table).
  const std::vector<std::string>& editable = editable_attributes(target.table);
  if (!editable.empty()) {
    if (target.table == layer.table) {
      for (OutField& f : out.fields)
        if (std::find(editable.begin(), editable.end(), f.name) != editable.end()) f.min_width = 14;
    } else {
      const std::vector<store::ColumnDef> tdefs = store.column_defs(target.table);
      std::vector<std::string> cols = {target.id_column};
      for (const std::string& e : editable) {
        const auto it = std::find_if(tdefs.begin(), tdefs.end(), [&](const store::ColumnDef& d) { return d.name == e; });
        if (it == tdefs.end()) continue;
        cols.push_back(e);
        out.fields.push_back(field_of(e, it->type, it->type == store::ColumnType::text ? 80 : it->type == store::ColumnType::date ? 8 : 14));
      }
      std::map<std::string, std::vector<store::Value>> current;
      store.read_table(target.table, cols, false, "", [&](const store::Row& r) {
        current[store::value_text(r.values[0])] = std::vector<store::Value>(r.values.begin() + 1, r.values.end());
      });
      for (OutFeature& f : out.features) {
        const auto it = current.find(f.id);
        for (std::size_t k = 1; k < cols.size(); ++k)
          f.values.push_back(it == current.end() ? store::Value{} : it->second[k - 1]);
      }
    }
  }
  for (const SurveyColumn& c : survey_columns()) {
    out.fields.push_back(field_of(c.name, c.type, c.width));
    for (OutFeature& feat : out.features) feat.values.emplace_back();
  }
  return out;
}

style::Theme choose_theme(const ExportLayer& layer, const std::vector<OutField>& fields, const std::string& requested) {
  if (!requested.empty()) {
    style::Theme t = style::find_theme(requested);
    if (!theme_fits(t, fields)) {
      std::string fit;
      for (const style::Theme& other : style::load_themes())
        if (theme_fits(other, fields)) fit += (fit.empty() ? "" : ", ") + other.id;
      throw UsageError("theme " + t.id + " colours by " + t.field + ", which the layer " + layer.id +
                       " does not have; themes for this layer: " + (fit.empty() ? "(none)" : fit));
    }
    return t;
  }
  if (!layer.default_theme.empty()) {
    style::Theme t = style::find_theme(layer.default_theme);
    if (theme_fits(t, fields)) return t;
  }
  if (layer.table == "buildings") {
    // Vacant buildings stand out: the one thing a survey checks on buildings.
    style::Theme t = plain_theme("buildings", "建筑", "#d9d9d9", "#636363");
    t.kind = style::Kind::graduated;
    t.field = "vacant_area";
    t.unit = "m²";
    t.classes[0].max = 0.000001;
    t.classes[0].label_zh = t.classes[0].label_en = "无空置";
    style::ThemeClass vacant;
    vacant.min = 0.000001;
    vacant.label_zh = vacant.label_en = "有空置面积";
    vacant.fill = style::Rgba{136, 86, 167, 255};
    t.classes.push_back(vacant);
    t.other.label_zh = t.other.label_en = "空置面积未填";
    t.other.fill = style::Rgba{255, 255, 255, 255};
    if (theme_fits(t, fields)) return t;
  }
  return plain_theme(layer.id, layer.title_zh, "#fdbf6f", "#636363");
}

WrittenLayer write_styled_layer(OutLayer& data, const style::Theme* theme, const std::string& label_column,
                                const WriteOptions& options, const std::string& folder, const std::string& base) {
  const fs::path dir = folder.empty() ? fs::path(".") : fs::path(folder);
  if (!fs::is_directory(dir)) throw DataError("cannot write into " + dir.string() + ": the folder does not exist");
  TempFolder tmp(dir, "tmp");
  const fs::path main = tmp.path() / (base + format_extension(options.format));
  if (theme && data.spatial && options.format == Format::kml) {
    const std::size_t field_index = static_cast<std::size_t>(
        std::find_if(data.fields.begin(), data.fields.end(), [&](const OutField& f) { return f.name == theme->field; }) -
        data.fields.begin());
    for (OutFeature& f : data.features) {
      const store::Value v = field_index < f.values.size() ? f.values[field_index] : store::Value{};
      const style::ThemeClass& c = theme->class_for(v);
      const style::Rgba stroke = c.stroke.value_or(theme->stroke);
      f.style = "BRUSH(fc:" + c.fill.hex() + ");PEN(c:" + stroke.hex() + ",w:2px)";
    }
  }
  WriteResult wr = write_layer(main.string(), data, options);
  std::vector<fs::path> produced;
  for (const std::string& p : wr.files) produced.push_back(p);
  if (theme && data.spatial) {
    write_text_file(tmp.path() / (base + ".qml"), qml_document(theme, data.fields, label_column));
    write_text_file(tmp.path() / (base + ".sld"), sld_document(*theme, data.fields, base));
    produced.push_back(tmp.path() / (base + ".qml"));
    produced.push_back(tmp.path() / (base + ".sld"));
  } else if (!data.spatial) {
    write_text_file(tmp.path() / (base + ".qml"), qml_document(nullptr, data.fields, ""));
    produced.push_back(tmp.path() / (base + ".qml"));
  }
  write_text_file(tmp.path() / (base + ".fields.csv"), fields_csv(data.fields));
  produced.push_back(tmp.path() / (base + ".fields.csv"));

  // Move into place: stale sidecars of an older file first (an old spatial index would be wrong).
  std::error_code ec;
  for (const char* ext : {".qix", ".sbn", ".sbx"}) fs::remove(dir / (base + ext), ec);
  WrittenLayer out;
  out.warnings = wr.warnings;
  out.epsg = wr.output_epsg;
  for (const fs::path& p : produced) {
    const fs::path target = dir / p.filename();
    fs::rename(p, target, ec);
    if (ec) throw DataError("cannot move " + p.string() + " to " + target.string() + ": " + ec.message());
    out.files.push_back(target.string());
  }
  return out;
}

ExportResult export_layer(store::Store& store, const ExportRequest& req) {
  const ExportLayer& layer = find_export_layer(req.layer);
  if (req.output.empty()) throw UsageError("missing required option -o");
  const std::optional<Format> from_path = format_of_path(req.output);
  // A layer without geometry defaults to CSV: a shapefile needs geometry (.shp/.shx).
  const Format format = req.format ? *req.format : from_path.value_or(layer.spatial ? Format::shp : Format::csv);
  if (!layer.spatial && (format == Format::shp || format == Format::kml))
    throw UsageError("the layer " + layer.id + " has no geometry: write it as csv, gpkg or geojson");
  std::string output = req.output;
  if (!from_path) output += format_extension(format);
  else if (*from_path != format && !(format == Format::geojson && *from_path == Format::geojson))
    throw UsageError("the output " + req.output + " does not end in " + format_extension(format) + " (--format " +
                     format_name(format) + ")");
  if (format == Format::shp && fs::path(output).extension() != ".shp")
    throw UsageError("a shapefile output must end in .shp, got " + req.output);

  WriteOptions wo;
  wo.format = format;
  if (format == Format::shp) wo.encoding = req.encoding.empty() ? "CP936" : parse_encoding(req.encoding);
  else if (format == Format::csv) wo.encoding = req.encoding.empty() ? "UTF-8" : parse_encoding(req.encoding);
  else {
    wo.encoding = "UTF-8";
    if (!req.encoding.empty() && parse_encoding(req.encoding) != "UTF-8")
      throw UsageError(std::string("--encoding ") + req.encoding + ": " + format_name(format) +
                       " files are UTF-8 by their specification; --encoding applies to shp and csv");
  }
  if (req.epsg) {
    if (!layer.spatial) throw UsageError("--crs does not apply to the layer " + layer.id + " (it has no geometry)");
    if (format == Format::kml && *req.epsg != 4326) throw UsageError("KML is always WGS 84 (EPSG:4326); leave out --crs");
    wo.target_epsg = req.epsg;
  }
  if (!req.theme.empty() && !layer.spatial) throw UsageError("--theme does not apply to the layer " + layer.id + " (it has no geometry)");

  if (layer.id != "changes" && (req.from || req.to))
    throw UsageError("--from and --to go with --layer changes (the evaluations compared)");
  if (layer.id == "changes" && (!req.from || !req.to))
    throw UsageError("--layer changes needs --from DATE and --to DATE (the evaluations compared; 'parkgis runs' lists them)");
  if (layer.id == "changes" && req.survey) throw UsageError("--survey does not apply to the layer changes");
  OutLayer data = layer.id == "changes" ? read_changes_layer(store, *req.from, *req.to, req.selection)
                                        : read_export_layer(store, layer, req.selection, req.survey);
  std::optional<style::Theme> theme;
  if (layer.spatial) theme = choose_theme(layer, data.fields, req.theme);
  const std::string label_column = layer.table == "buildings" ? "" : layer.id_column;
  const fs::path out_path(output);
  data.name = out_path.stem().string();
  WrittenLayer written = write_styled_layer(data, theme ? &*theme : nullptr, label_column, wo,
                                            out_path.parent_path().string(), out_path.stem().string());
  ExportResult r;
  r.layer = layer.id;
  r.path = written.files.empty() ? output : written.files.front();
  r.features = static_cast<long>(data.features.size());
  r.files = written.files;
  r.warnings = written.warnings;
  if (data.features.empty()) r.warnings.push_back("no features matched: the file has the fields but no rows");
  r.theme = theme ? theme->id : "";
  r.encoding = (format == Format::shp || format == Format::csv) ? wo.encoding : "UTF-8";
  r.epsg = written.epsg;
  return r;
}

}  // namespace parkgis::exporter
