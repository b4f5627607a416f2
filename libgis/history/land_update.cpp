#include "libgis/history/land_update.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "libgis/core/errors.h"
#include "libgis/core/temp_folder.h"
#include "libgis/geom/geos.h"
#include "libgis/history/versions.h"
#include "libgis/store/location.h"
#include "libgis/io/manifest.h"
#include "libgis/store/store.h"

namespace parkgis::history {

namespace fs = std::filesystem;

namespace {

using store::Row;
using store::TableDef;
using store::Value;

std::vector<std::string> names_of(const TableDef& def) {
  std::vector<std::string> out;
  for (const store::ColumnDef& c : def.columns) out.push_back(c.name);
  return out;
}

std::vector<Row> read_all(store::Store& s, const TableDef& def) {
  std::vector<Row> rows;
  s.read_table(def.name, names_of(def), def.spatial, "fid", [&](const Row& r) { rows.push_back(r); });
  return rows;
}

bool same_value(const Value& a, const Value& b) {
  const std::optional<double> x = store::value_number(a), y = store::value_number(b);
  if (x && y) return *x == *y || std::fabs(*x - *y) <= 1e-9 * std::max(std::fabs(*x), std::fabs(*y));
  return store::value_text(a) == store::value_text(b);
}

// The target's rows of a layer by id, with the target's own columns (an older database may lack some).
struct Current {
  std::vector<std::string> columns;
  std::map<std::string, Row> rows;
};

Current read_current(store::Store& s, const std::string& layer, const std::string& id) {
  Current c;
  if (!s.has_table(layer)) return c;
  c.columns = s.columns(layer);
  std::erase_if(c.columns, [](const std::string& n) { return n == "fid" || n == "geom"; });
  const auto key = std::find(c.columns.begin(), c.columns.end(), id) - c.columns.begin();
  s.read_table(layer, c.columns, true, "fid", [&](const Row& r) { c.rows[store::value_text(r.values[key])] = r; });
  return c;
}

// Compares the new rows of a layer with the current ones.
LayerChanges compare(const std::string& layer, const TableDef& def, const std::vector<Row>& rows, const Current& old,
                     double tolerance_m2, std::vector<FeatureChange>& changes) {
  LayerChanges out;
  out.layer = layer;
  const std::string id = id_column(layer);
  const int key = def.column_index(id);
  geom::Context ctx;
  std::set<std::string> seen;
  for (const Row& r : rows) {
    const std::string fid = store::value_text(r.values[static_cast<std::size_t>(key)]);
    seen.insert(fid);
    const auto it = old.rows.find(fid);
    if (it == old.rows.end()) {
      out.added.push_back(fid);
      changes.push_back({fid, "added", ""});
      continue;
    }
    std::string fields;
    for (std::size_t c = 0; c < def.columns.size(); ++c) {
      const std::string& name = def.columns[c].name;
      const auto o = std::find(old.columns.begin(), old.columns.end(), name);
      const Value before = o == old.columns.end() ? Value{} : it->second.values[static_cast<std::size_t>(o - old.columns.begin())];
      if (!same_value(before, r.values[c])) fields += (fields.empty() ? "" : ",") + name;
    }
    if (r.wkb != it->second.wkb) {
      const geom::GeomPtr a = it->second.wkb.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, it->second.wkb);
      const geom::GeomPtr b = r.wkb.empty() ? geom::own(ctx, nullptr) : geom::from_wkb(ctx, r.wkb);
      if (geom::symmetric_difference_area(ctx, a.get(), b.get()) > tolerance_m2) fields += (fields.empty() ? "" : ",") + std::string("geometry");
    }
    if (fields.empty()) continue;
    out.changed.push_back(fid);
    changes.push_back({fid, "changed", fields});
  }
  for (const auto& [fid, row] : old.rows)
    if (!seen.count(fid)) {
      out.removed.push_back(fid);
      changes.push_back({fid, "removed", ""});
    }
  for (auto* v : {&out.added, &out.changed, &out.removed}) std::sort(v->begin(), v->end());
  return out;
}

// Rows of `layer` merged by key: the update's rows replace the target's of the same key, the others stay.
std::vector<Row> merged(store::Store& target, const TableDef& def, const std::vector<Row>& update,
                        const std::vector<std::string>& key_columns, long& added, long& replaced) {
  std::vector<int> keys;
  for (const std::string& k : key_columns) keys.push_back(def.column_index(k));
  const auto key_of = [&](const Row& r) {
    std::string k;
    for (int c : keys) k += store::value_text(r.values[static_cast<std::size_t>(c)]) + '\x1f';
    return k;
  };
  std::set<std::string> new_keys;
  for (const Row& r : update) new_keys.insert(key_of(r));
  std::vector<Row> out;
  std::set<std::string> old_keys;
  if (target.has_table(def.name)) {
    const std::vector<std::string> have = target.columns(def.name);
    std::vector<std::string> cols;
    for (const std::string& c : names_of(def))
      if (std::find(have.begin(), have.end(), c) != have.end()) cols.push_back(c);
    target.read_table(def.name, cols, false, "fid", [&](const Row& r) {
      Row full;
      full.values.assign(def.columns.size(), Value{});
      for (std::size_t i = 0; i < cols.size(); ++i) full.values[static_cast<std::size_t>(def.column_index(cols[i]))] = r.values[i];
      const std::string k = key_of(full);
      old_keys.insert(k);
      if (!new_keys.count(k)) out.push_back(std::move(full));
    });
  }
  for (const Row& r : update) {
    if (old_keys.count(key_of(r))) ++replaced;
    else ++added;
    out.push_back(r);
  }
  return out;
}

// The date the dataset's land data are valid from.
std::pair<Date, std::string> update_date(const io::Manifest& m, const std::optional<Date>& option, const std::string& dataset) {
  if (m.as_of && option && *m.as_of != *option)
    throw UsageError("--valid-from " + option->iso() + " disagrees with the dataset's as_of " + m.as_of->iso() + " in " +
                     m.file + "; give only one of them");
  if (m.as_of) return {*m.as_of, "dataset.json"};
  if (option) return {*option, "--valid-from"};
  throw UsageError("--update needs the date the land data of " + dataset +
                   " are valid from: put \"as_of\": \"YYYY-MM-DD\" in its dataset.json or give --valid-from YYYY-MM-DD");
}

// Refuses an update that is not later than the newest land data in the database.
void check_order(store::Store& s, const Date& date) {
  std::optional<Date> newest = newest_land_date(s);
  std::string what = "the newest land data";
  if (!newest) {
    newest = parse_date(s.meta()["as_of"]);
    what = "the imported land data";
  }
  if (newest && !(*newest < date))
    throw DataError("the land data of this update are valid from " + date.iso() + ", not after " + what + " in " +
                    s.location() + " (valid from " + newest->iso() + "); an update cannot go back in time: load the " +
                    "years in date order (see 'parkgis history --db " + s.location() + " --land')");
}

void check_target(const std::string& db, const std::string& schema) {
  const store::TargetKind kind = store::inspect_location(db, schema);
  const std::string path = store::parse_location(db, schema).display;  // never with a password
  if (kind == store::TargetKind::none)
    throw DataError("database " + path + " does not exist; --update adds land data to an existing database: create it " +
                    "first with 'parkgis import DATASET --db " + path + "'");
  if (kind != store::TargetKind::parkgis)
    throw DataError(path + " is " + store::target_kind_text(kind) + ", not a parkgis database; --update adds land data " +
                    "only to a database made by 'parkgis import'");
}

}  // namespace

UpdateResult update_dataset(const UpdateOptions& options) {
  check_target(options.db_path, options.schema);
  UpdateResult result;
  const io::Manifest manifest = io::load_manifest(options.dataset);
  std::tie(result.valid_from, result.date_source) = update_date(manifest, options.valid_from, options.dataset);
  {
    auto target = store::open_store(options.db_path, options.schema);
    check_order(*target, result.valid_from);  // early, before the dataset is read (again in the transaction)
  }

  // The dataset, read, checked and repaired by the import into a private database beside the target.
  // A PostgreSQL target has no folder: the system's temporary folder holds the private database then.
  const fs::path folder = store::is_postgres_location(options.db_path) ? fs::temp_directory_path()
                                                                         : fs::absolute(options.db_path).parent_path();
  TempFolder tmp(folder, "update");
  ImportOptions imp;
  imp.dataset = options.dataset;
  imp.db_path = (tmp.path() / "update.sqlite").string();
  imp.skip_unreadable = options.skip_unreadable;
  imp.progress = options.progress;
  result.import = import_dataset(imp);
  auto source = store::open_spatialite(imp.db_path);
  auto target = store::open_store(options.db_path, options.schema);
  if (source->srid() != target->srid())
    throw DataError("the land data of " + options.dataset + " are in EPSG:" + std::to_string(source->srid()) +
                    ", the database " + target->location() + " in EPSG:" + std::to_string(target->srid()) +
                    "; give the dataset the database's CRS (crs in dataset.json) and run the update again");

  report_progress(options.progress, "recording the new land version", 0.0);
  target->begin();
  try {
    check_order(*target, result.valid_from);
    ensure_versions(*target);
    const std::string source_text = "update " + fs::absolute(options.dataset).lexically_normal().string();
    std::map<std::string, std::vector<FeatureChange>> changes;
    for (const std::string& layer : versioned_layers()) {
      const TableDef def = imported_table_def(layer);
      if (!source->has_table(layer)) continue;
      const std::vector<Row> rows = read_all(*source, def);
      const Current old = read_current(*target, layer, id_column(layer));
      LayerChanges lc = compare(layer, def, rows, old, options.geometry_tolerance_m2, changes[layer]);
      (layer == "parcels" ? result.parcels : result.buildings) = std::move(lc);
      target->write_table(def, rows);
    }
    ensure_versions(*target);  // columns the layers gained
    for (const auto& [layer, list] : changes) record_changes(*target, layer, list, result.valid_from, source_text);

    for (const char* layer : {"zones", "parks", "approvals"}) {
      if (!source->has_table(layer)) continue;
      const TableDef def = imported_table_def(layer);
      target->write_table(def, read_all(*source, def));
    }
    if (source->has_table("enterprises")) {
      const TableDef def = imported_table_def("enterprises");
      target->write_table(def, merged(*target, def, read_all(*source, def), {"enterprise_id", "year"},
                                      result.enterprises_new, result.enterprises_replaced));
    }
    if (source->has_table("tenancies")) {
      const TableDef def = imported_table_def("tenancies");
      target->write_table(def, merged(*target, def, read_all(*source, def), {"tenancy_id"}, result.tenancies_new,
                                      result.tenancies_replaced));
    }
    std::vector<Issue> issues = target->read_issues();
    for (const Issue& i : source->read_issues()) issues.push_back(i);
    target->write_issues(issues);

    LandVersion v;
    v.valid_from = result.valid_from;
    v.kind = "update";
    v.source = fs::absolute(options.dataset).lexically_normal().string();
    v.loaded_at = utc_timestamp();
    v.parcels_added = static_cast<long long>(result.parcels.added.size());
    v.parcels_changed = static_cast<long long>(result.parcels.changed.size());
    v.parcels_removed = static_cast<long long>(result.parcels.removed.size());
    v.buildings_added = static_cast<long long>(result.buildings.added.size());
    v.buildings_changed = static_cast<long long>(result.buildings.changed.size());
    v.buildings_removed = static_cast<long long>(result.buildings.removed.size());
    record_land_version(*target, v);
    target->set_meta("as_of", result.valid_from.iso());
    target->set_meta("dataset", v.source);
    target->set_meta("updated_at", v.loaded_at);
    target->set_meta("name", manifest.name);
    report_progress(options.progress, "recording the new land version", 0.99);  // the last moment a stop is honoured
    target->commit();
  } catch (...) {
    target->rollback();
    throw;
  }
  if (options.progress) options.progress("recording the new land version", 1.0);
  return result;
}

}  // namespace parkgis::history
