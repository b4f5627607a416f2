#include "libgis/history/versions.h"

#include <algorithm>
#include <map>

#include "libgis/core/errors.h"
#include "libgis/geom/geos.h"
#include "libgis/store/store.h"

namespace parkgis::history {

namespace {

using store::ColumnType;
using store::Filter;
using store::Value;

constexpr const char* kFirstDay = "0001-01-01";

std::string text(const Value& v) { return store::value_text(v); }
long long integer(const Value& v) { return static_cast<long long>(store::value_number(v).value_or(0)); }

const store::TableDef& land_versions_def() {
  static const store::TableDef def{kLandVersionsTable,
                                   {{"valid_from", ColumnType::date},
                                    {"kind", ColumnType::text},
                                    {"source", ColumnType::text},
                                    {"loaded_at", ColumnType::text},
                                    {"parcels_added", ColumnType::integer},
                                    {"parcels_changed", ColumnType::integer},
                                    {"parcels_removed", ColumnType::integer},
                                    {"buildings_added", ColumnType::integer},
                                    {"buildings_changed", ColumnType::integer},
                                    {"buildings_removed", ColumnType::integer}},
                                   "",
                                   false,
                                   {"valid_from"}};
  return def;
}

// The versions table of a layer with the layer's current columns.
store::TableDef versions_def(store::Store& s, const std::string& layer) {
  store::TableDef def;
  def.name = versions_table(layer);
  def.spatial = true;
  def.columns = version_columns();
  for (const store::ColumnDef& c : s.column_defs(layer)) def.columns.push_back(c);
  def.index_columns = {id_column(layer), "valid_from", "valid_to"};
  return def;
}

std::vector<std::string> names_of(const std::vector<store::ColumnDef>& cols) {
  std::vector<std::string> out;
  for (const store::ColumnDef& c : cols) out.push_back(c.name);
  return out;
}

}  // namespace

const std::vector<std::string>& versioned_layers() {
  static const std::vector<std::string> layers = {"parcels", "buildings"};
  return layers;
}

std::string id_column(const std::string& layer) { return layer == "parcels" ? "parcel_id" : "building_id"; }
std::string versions_table(const std::string& layer) { return layer + "_versions"; }

const std::vector<store::ColumnDef>& version_columns() {
  static const std::vector<store::ColumnDef> cols = {{"valid_from", ColumnType::date}, {"valid_to", ColumnType::date},
                                                     {"change", ColumnType::text},     {"ended_by", ColumnType::text},
                                                     {"changed_fields", ColumnType::text}, {"source", ColumnType::text}};
  return cols;
}

std::vector<LandVersion> land_versions(store::Store& s) {
  std::vector<LandVersion> out;
  if (!s.has_table(kLandVersionsTable)) return out;
  s.read_table(kLandVersionsTable, names_of(land_versions_def().columns), false, "fid", [&](const store::Row& r) {
    LandVersion v;
    v.valid_from = parse_date(text(r.values[0])).value_or(Date{1, 1, 1});
    v.kind = text(r.values[1]);
    v.source = text(r.values[2]);
    v.loaded_at = text(r.values[3]);
    v.parcels_added = integer(r.values[4]);
    v.parcels_changed = integer(r.values[5]);
    v.parcels_removed = integer(r.values[6]);
    v.buildings_added = integer(r.values[7]);
    v.buildings_changed = integer(r.values[8]);
    v.buildings_removed = integer(r.values[9]);
    out.push_back(std::move(v));
  });
  std::stable_sort(out.begin(), out.end(), [](const LandVersion& a, const LandVersion& b) { return a.valid_from < b.valid_from; });
  return out;
}

std::optional<Date> newest_land_date(store::Store& s) {
  const std::vector<LandVersion> v = land_versions(s);
  if (v.empty()) return std::nullopt;
  return v.back().valid_from;
}

Location land_location(store::Store& s, const std::string& layer, const Date& date) {
  Location loc{layer, {}, {}};
  if (!s.has_table(versions_table(layer))) return loc;
  const std::vector<LandVersion> v = land_versions(s);
  if (v.empty() || !(date < v.back().valid_from)) return loc;  // the newest land data: the layer itself
  const Date on = date < v.front().valid_from ? v.front().valid_from : date;
  loc.table = versions_table(layer);
  loc.filter.any = {{{"valid_from", "<=", Value{on.iso()}}, {"valid_to", ">", Value{on.iso()}}}};
  loc.hidden = names_of(version_columns());
  return loc;
}

void ensure_versions(store::Store& s) {
  const std::string base_date = [&] {
    const std::optional<Date> d = parse_date(s.meta()["as_of"]);
    return d ? d->iso() : std::string(kFirstDay);
  }();
  const bool first = !s.has_table(kLandVersionsTable);
  for (const std::string& layer : versioned_layers()) {
    if (!s.has_table(layer)) continue;
    const store::TableDef def = versions_def(s, layer);
    if (!s.has_table(def.name)) {
      s.copy_rows(layer, def, {}, {Value{base_date}, Value{std::string(kOpenEnd)}, Value{std::string("initial")}, Value{},
                                   Value{}, Value{std::string("import")}});
      continue;
    }
    const std::vector<std::string> have = s.columns(def.name);
    for (const store::ColumnDef& c : def.columns)
      if (std::find(have.begin(), have.end(), c.name) == have.end()) s.add_column(def.name, c);
  }
  if (first) {
    const auto meta = s.meta();
    LandVersion v;
    v.valid_from = *parse_date(base_date);
    v.kind = "import";
    v.source = meta.count("dataset") ? meta.at("dataset") : "";
    v.loaded_at = meta.count("imported_at") ? meta.at("imported_at") : "";
    record_land_version(s, v);
  }
}

void record_changes(store::Store& s, const std::string& layer, const std::vector<FeatureChange>& changes,
                    const Date& date, const std::string& source) {
  if (changes.empty()) return;
  const std::string table = versions_table(layer);
  const std::string id = id_column(layer);
  const Value on{date.iso()};
  // Close the open versions of changed and removed features, by kind.
  std::map<std::string, std::vector<std::string>> closing;
  for (const FeatureChange& c : changes)
    if (c.kind != "added") closing[c.kind].push_back(c.id);
  for (const auto& [kind, ids] : closing) {
    Filter f;
    f.any = {{{"valid_to", "=", Value{std::string(kOpenEnd)}}}};
    f.in = store::InList{id, ids};
    s.update_rows(table, f, {{"valid_to", on}, {"ended_by", Value{kind}}});
  }
  // The new open versions, copied from the rewritten layer, grouped by (kind, changed fields).
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> opening;
  for (const FeatureChange& c : changes)
    if (c.kind != "removed") opening[{c.kind, c.fields}].push_back(c.id);
  const store::TableDef def = versions_def(s, layer);
  for (const auto& [key, ids] : opening) {
    Filter f;
    f.in = store::InList{id, ids};
    s.copy_rows(layer, def, f,
                {on, Value{std::string(kOpenEnd)}, Value{key.first}, Value{},
                 key.second.empty() ? Value{} : Value{key.second}, Value{source}});
  }
}

void record_corrections(store::Store& s, const std::string& layer, const std::map<std::string, std::string>& fields,
                        const std::string& source) {
  if (fields.empty()) return;
  const std::string table = versions_table(layer);
  const std::string id = id_column(layer);
  std::vector<std::string> ids;
  for (const auto& [fid, f] : fields) ids.push_back(fid);
  Filter open;
  open.any = {{{"valid_to", "=", Value{std::string(kOpenEnd)}}}};
  open.in = store::InList{id, ids};
  std::map<std::string, std::string> since;  // id -> valid_from of its open version
  s.read_table(table, {id, "valid_from"}, false, "", [&](const store::Row& r) { since[text(r.values[0])] = text(r.values[1]); },
               open);
  std::map<std::string, std::vector<std::string>> by_date;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_date_fields;
  for (const auto& [fid, f] : fields) {
    const auto it = since.find(fid);
    if (it == since.end()) continue;  // not in the versions table (added by nothing we know): left as it is
    by_date[it->second].push_back(fid);
    by_date_fields[{it->second, f}].push_back(fid);
  }
  for (const auto& [date, group] : by_date) {
    Filter f = open;
    f.in = store::InList{id, group};
    s.update_rows(table, f, {{"valid_to", Value{date}}, {"ended_by", Value{std::string("survey")}}});
  }
  const store::TableDef def = versions_def(s, layer);
  for (const auto& [key, group] : by_date_fields) {
    Filter f;
    f.in = store::InList{id, group};
    s.copy_rows(layer, def, f,
                {Value{key.first}, Value{std::string(kOpenEnd)}, Value{std::string("survey")}, Value{},
                 key.second.empty() ? Value{} : Value{key.second}, Value{source}});
  }
}

void record_land_version(store::Store& s, const LandVersion& v) {
  store::Row row;
  row.values = {Value{v.valid_from.iso()}, Value{v.kind}, Value{v.source}, Value{v.loaded_at},
                Value{std::int64_t{v.parcels_added}}, Value{std::int64_t{v.parcels_changed}},
                Value{std::int64_t{v.parcels_removed}}, Value{std::int64_t{v.buildings_added}},
                Value{std::int64_t{v.buildings_changed}}, Value{std::int64_t{v.buildings_removed}}};
  s.append_rows(land_versions_def(), {row});
}

std::vector<FeatureVersion> feature_versions(store::Store& s, const std::string& layer, const std::string& id) {
  std::vector<FeatureVersion> out;
  const bool versioned = s.has_table(versions_table(layer));
  const std::string table = versioned ? versions_table(layer) : layer;
  if (!s.has_table(table)) throw DataError("database " + s.location() + " has no table " + layer);
  std::vector<std::string> cols;
  if (versioned) cols = names_of(version_columns());
  const bool holder = layer == "parcels";
  if (holder) cols.push_back("user_id");
  geom::Context ctx;
  s.read_table(table, cols, true, "fid", [&](const store::Row& r) {
    FeatureVersion v;
    std::size_t k = 0;
    if (versioned) {
      v.valid_from = text(r.values[0]);
      v.valid_to = text(r.values[1]);
      v.change = text(r.values[2]);
      v.ended_by = text(r.values[3]);
      v.changed_fields = text(r.values[4]);
      v.source = text(r.values[5]);
      k = 6;
    } else {
      v.valid_from = parse_date(s.meta()["as_of"]) ? s.meta()["as_of"] : std::string(kFirstDay);
      v.valid_to = kOpenEnd;
      v.change = "initial";
      v.source = "import";
    }
    if (holder) v.holder = text(r.values[k]);
    if (!r.wkb.empty()) v.area_m2 = geom::area(ctx, geom::from_wkb(ctx, r.wkb).get());
    out.push_back(std::move(v));
  }, Filter::equals(id_column(layer), id));
  std::stable_sort(out.begin(), out.end(), [](const FeatureVersion& a, const FeatureVersion& b) {
    return a.valid_from != b.valid_from ? a.valid_from < b.valid_from : a.valid_to < b.valid_to;
  });
  return out;
}

}  // namespace parkgis::history
