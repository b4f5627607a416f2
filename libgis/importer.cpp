#include "libgis/importer.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "libgis/core/errors.h"
#include "libgis/core/timing.h"
#include "libgis/import/checks.h"
#include "libgis/import/loaded_layer.h"
#include "libgis/import/row_queue.h"
#include "libgis/import/tenancy_checks.h"
#include "libgis/io/crs.h"
#include "libgis/io/source_reader.h"
#include "libgis/store/store.h"
#include "libgis/store/location.h"

namespace parkgis {

namespace fs = std::filesystem;
using import::LoadedFeature;
using import::LoadedLayer;

namespace {

struct OpenLayer {
  const model::LayerSpec* spec = nullptr;
  std::unique_ptr<io::SourceReader> reader;
  std::unique_ptr<OGRSpatialReference> srs;  // declared or from the manifest; null for tables
  std::string crs_label;
};

std::string folder_listing(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(empty)" : out;
}

std::unique_ptr<OGRSpatialReference> srs_from_user(const std::string& text, const std::string& where) {
  auto srs = std::make_unique<OGRSpatialReference>();
  if (srs->SetFromUserInput(text.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS) != OGRERR_NONE)
    throw DataError(where + ": \"crs\": \"" + text + "\" is not a CRS that PROJ knows; write it like \"EPSG:4549\"");
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

// Determines the CRS of a spatial source and checks its coordinates fit.
void resolve_crs(OpenLayer& l, const io::Manifest& manifest) {
  const bool format_default = l.reader->crs_is_format_default();
  const OGRSpatialReference* declared =
      format_default && !manifest.crs.empty() ? nullptr : l.reader->declared_srs();
  const std::string& file = l.reader->display_name();
  if (declared) {
    l.srs.reset(declared->Clone());
    l.srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    l.crs_label = io::describe_crs(*l.srs);
  } else if (!manifest.crs.empty()) {
    l.srs = srs_from_user(manifest.crs, manifest.file);
    l.crs_label = io::describe_crs(*l.srs) + " (from dataset.json)";
  } else {
    // A shapefile's CRS is its .prj; other formats (GeoJSON, CSV with WKT, ...) carry it inside or not at all.
    std::string ext = fs::path(file).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool shapefile = ext == ".shp" || ext == ".dbf";
    throw DataError(file + " (layer " + l.spec->name + ") declares no coordinate system (" +
                    (shapefile ? "no .prj file" : "the file holds none") + ") and " +
                    "the dataset has no \"crs\" in dataset.json; " + (shapefile ? "add the .prj, or " : "") +
                    "set \"crs\": \"EPSG:4549\" (or the right EPSG code) in " +
                    (fs::path(manifest.folder) / "dataset.json").string());
  }
  double x0, y0, x1, y1;
  if (!l.reader->extent(&x0, &y0, &x1, &y1)) return;
  OGREnvelope env;
  env.MinX = x0;
  env.MinY = y0;
  env.MaxX = x1;
  env.MaxY = y1;
  const io::CrsFit fit =
      manifest.region ? io::check_extent_fits(*l.srs, env, *manifest.region) : io::check_extent_fits(*l.srs, env);
  if (!fit.ok) {
    std::string msg = file + ": coordinates do not fit " + io::describe_crs(*l.srs) + ": " + fit.problem;
    if (!fit.suggestion.empty()) msg += ". They look like " + fit.suggestion;
    if (manifest.region && fit.suggestion.empty())
      msg += ". If the data really lie elsewhere, set \"region\" in dataset.json (\"any\" or [west, south, east, north])";
    if (declared && format_default)
      msg += ". A GeoJSON file without a \"crs\" member is read as WGS 84 (RFC 7946): set \"crs\" in dataset.json";
    else
      msg += declared ? ". Fix the .prj file (or remove it and set \"crs\" in dataset.json)"
                      : ". Set the right \"crs\" in dataset.json";
    if (!fit.suggestion.empty()) msg += ", e.g. \"crs\": \"" + fit.suggestion + "\"";
    throw DataError(msg);
  }
}

// The working CRS: the parcels' projected CRS when it has an EPSG code; otherwise the CGCS2000
// 3-degree Gauss-Krüger zone (no prefix) of the parcels' centre.
int choose_working_srid(const std::vector<OpenLayer>& layers, std::string* reason) {
  const OpenLayer* parcels = nullptr;
  for (const OpenLayer& l : layers)
    if (l.spec->name == "parcels") parcels = &l;
  if (parcels->srs->IsProjected()) {
    if (auto code = io::epsg_code(*parcels->srs)) {
      *reason = "the CRS of " + parcels->reader->display_name();
      return *code;
    }
  }
  double x0, y0, x1, y1, lon = 0, lat = 0;
  OGREnvelope env;
  if (parcels->reader->extent(&x0, &y0, &x1, &y1)) {
    env.MinX = x0;
    env.MinY = y0;
    env.MaxX = x1;
    env.MaxY = y1;
  }
  if (!io::extent_centre_lonlat(*parcels->srs, env, &lon, &lat))
    throw DataError(parcels->reader->display_name() + ": cannot find where the parcels lie (their CRS cannot be "
                    "transformed to longitude/latitude)");
  const int srid = io::cgcs2000_gk3_epsg(lon);
  *reason = parcels->reader->display_name() + " is in " + parcels->crs_label +
            "; reprojected to the CGCS2000 3-degree Gauss-Kruger zone of its centre";
  return srid;
}

store::ColumnType column_type(model::FieldType t) {
  switch (t) {
    case model::FieldType::text: return store::ColumnType::text;
    case model::FieldType::integer: return store::ColumnType::integer;
    case model::FieldType::real: return store::ColumnType::real;
    case model::FieldType::date: return store::ColumnType::date;
  }
  return store::ColumnType::text;
}

// Table definition of a canonical layer, with the extra columns the import adds.
store::TableDef table_of(const model::LayerSpec& spec, const std::vector<std::string>& extra_text_columns) {
  store::TableDef def;
  def.name = spec.name;
  def.spatial = spec.spatial;
  def.unique_column = spec.name == "enterprises" ? "" : spec.id_field;
  for (const auto& f : spec.fields) def.columns.push_back({f.name, column_type(f.type)});
  for (const auto& c : extra_text_columns) def.columns.push_back({c, store::ColumnType::text});
  if (spec.name == "enterprises") def.index_columns = {"enterprise_id"};
  if (spec.name == "zones") def.index_columns = {"park_id"};
  if (spec.name == "parcels") def.index_columns = {"zone_id", "user_id"};
  return def;
}

// The columns the import adds to a layer after its schema fields.
std::vector<std::string> extra_names_of(const std::string& layer) {
  if (layer == "parcels" || layer == "approvals") return {"zone_source"};
  if (layer == "buildings") return {"floor_area_source"};
  return {};
}

std::vector<store::Row> rows_of(LoadedLayer& layer, geom::Context& ctx,
                                const std::vector<std::vector<std::string>>& extra_columns) {
  std::vector<store::Row> rows;
  rows.reserve(layer.features.size());
  for (std::size_t k = 0; k < layer.features.size(); ++k) {
    LoadedFeature& f = layer.features[k];
    if (f.skip) continue;
    store::Row row;
    row.values = std::move(f.values);
    for (const auto& col : extra_columns) {
      if (col[k].empty()) row.values.emplace_back();
      else row.values.emplace_back(col[k]);
    }
    if (f.geometry) {
      row.wkb = f.wkb.empty() ? geom::to_wkb(ctx, f.geometry.get()) : std::move(f.wkb);
      store::BBox b;
      if (geom::envelope(ctx, f.geometry.get(), &b.minx, &b.miny, &b.maxx, &b.maxy)) row.bbox = b;
      f.geometry.reset();  // freed on the thread (and GEOS context) that made it
    }
    rows.push_back(std::move(row));
  }
  return rows;
}


}  // namespace



namespace {

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

// An existing --db is replaced only when it is a parkgis database that is not read-only, or with
// --force when it is no file this import reads (a layer source or any file of the dataset folder).
void check_target(const ImportOptions& options, const std::vector<std::string>& inputs) {
  const std::string& path = options.db_path;
  const store::Location loc = store::parse_location(path, options.schema);
  if (loc.postgres) {
    // A schema is replaced when it holds only parkgis tables; tables of other programs stay (with
    // --force, beside the new parkgis tables).
    if (store::inspect_postgis(loc) == store::TargetKind::other_tables && !options.force)
      throw DataError("schema " + loc.schema + " of " + loc.display + " holds tables parkgis did not write; 'parkgis " +
                      "import' writes only into an empty schema or one of its own. Give another --schema, or add --force " +
                      "to write the parkgis tables beside them (tables of the same names are replaced)");
    return;
  }
  const store::TargetKind kind = store::inspect_target(path);
  if (kind == store::TargetKind::none) return;
  if (kind == store::TargetKind::not_file)
    throw DataError(path + " is a folder; give the database a file name, e.g. " + (fs::path(path) / "parkgis.sqlite").string());
  if (kind != store::TargetKind::parkgis) {
    bool is_input = false;
    for (const std::string& in : inputs) is_input = is_input || same_file(in, path);
    const fs::path parent = fs::absolute(path).parent_path();
    if (is_input || same_file(parent, options.dataset))
      throw DataError(path + " is a file of the dataset being imported (" + store::target_kind_text(kind) +
                      "); give the database another name, e.g. " + (parent / "parkgis.sqlite").string());
    if (!options.force)
      throw DataError(path + " exists and is " + store::target_kind_text(kind) +
                      "; 'parkgis import' replaces only parkgis databases. Give another --db, or add --force "
                      "to replace this file");
    return;
  }
  std::error_code ec;
  const fs::perms perms = fs::status(path, ec).permissions();
  const bool read_only = (perms & (fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write)) == fs::perms::none;
  if (read_only && !options.force)
    throw DataError("database " + path + " is read-only; parkgis will not replace it. Make it writable "
                    "(chmod u+w " + path + ") or add --force (the new database stays read-only too)");
}

// Damaged shapefiles stop the import (nothing is written) unless skip_unreadable, which imports the
// readable records; either way the message names the file, how many records and which.
void check_damage(const std::vector<OpenLayer>& open, bool skip_unreadable, IssueSink& issues) {
  for (const OpenLayer& l : open) {
    const io::ShapefileCheck* c = l.reader->shapefile_check();
    if (!c || (c->damaged.empty() && c->file_problem.empty())) continue;
    const std::string& file = l.reader->display_name();
    std::string what;
    if (!c->damaged.empty()) {
      std::string ids;
      for (std::size_t k = 0; k < c->damaged.size() && k < 5; ++k) ids += (k ? ", " : "") + std::to_string(c->damaged[k].fid);
      if (c->damaged.size() > 5) ids += ", …";
      what = std::to_string(c->damaged.size()) + " of " + std::to_string(c->index_records) +
             " records cannot be read (records " + ids + "; the first: " + c->damaged.front().reason + ")";
    }
    if (!c->file_problem.empty()) what += (what.empty() ? "" : "; ") + c->file_problem;
    if (!skip_unreadable)
      throw DataError(file + " (layer " + l.spec->name + ") is damaged: " + what +
                      ". Nothing was imported. Get an intact copy of the file, or add --skip-unreadable to import "
                      "the readable records");
    issues.add(Severity::error, "damaged_file", l.spec->name, "",
               file + " is damaged: " + what + "; the readable records were imported (--skip-unreadable)");
  }
}

}  // namespace

store::TableDef imported_table_def(const std::string& layer) {
  for (const model::LayerSpec& spec : model::canonical_layers())
    if (spec.name == layer) return table_of(spec, extra_names_of(layer));
  throw std::logic_error("imported_table_def: unknown layer " + layer);
}

ImportResult import_dataset(const ImportOptions& options) {
  ImportResult result;
  if (!fs::is_directory(options.dataset))
    throw DataError("dataset folder " + options.dataset + " does not exist or is not a folder");
  result.manifest = io::load_manifest(options.dataset);
  const io::Manifest& manifest = result.manifest;

  // 1. Open every source, match fields, decide encodings and CRSs (nothing is read yet).
  PhaseTimer t_open("import: open and check the sources");
  std::vector<OpenLayer> open;
  for (const model::LayerSpec& spec : model::canonical_layers()) {
    const std::string path = io::locate_layer_file(spec, manifest);
    if (path.empty()) {
      if (auto it = manifest.layers.find(spec.name); it != manifest.layers.end() && !it->second.path.empty())
        throw DataError("dataset.json names " + it->second.path + " for layer " + spec.name + ", but " +
                        options.dataset + " has no such file; it has: " + folder_listing(options.dataset));
      if (spec.required)
        throw DataError("dataset " + options.dataset + " has no " + spec.name + " layer (looked for " +
                        spec.default_file + "); the folder has: " + folder_listing(options.dataset) +
                        ". Name the file " + spec.default_file + " or set layers." + spec.name +
                        ".path in dataset.json");
      // No tenancies table is the common case of parks without rented floors: nothing to warn about.
      if (spec.name != "tenancies")
        result.issues.add(Severity::warning, "missing_layer", spec.name, "",
                          "no " + spec.name + " layer (" + spec.default_file + "); figures that need it stay empty");
      continue;
    }
    const auto cfg_it = manifest.layers.find(spec.name);
    const io::LayerSource cfg = cfg_it == manifest.layers.end() ? io::LayerSource{} : cfg_it->second;
    OpenLayer l;
    l.spec = &spec;
    l.reader = std::make_unique<io::SourceReader>(spec, path, cfg, manifest, result.issues);
    if (spec.spatial) resolve_crs(l, manifest);
    open.push_back(std::move(l));
  }

  std::vector<std::string> inputs;
  for (const OpenLayer& l : open) inputs.push_back(l.reader->path());
  check_target(options, inputs);
  check_damage(open, options.skip_unreadable, result.issues);

  t_open.stop();
  result.srid = choose_working_srid(open, &result.srid_reason);
  OGRSpatialReference working;
  working.importFromEPSG(result.srid);
  working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  // 2-4. Read, check and write. The buildings layer (usually the largest, and needed by no other check)
  // is read on a second core while the other layers are read, checked and written; it is written last.
  // Each thread has its own GEOS context. Issues are merged in a fixed order at the end.
  geom::Context ctx;
  std::vector<std::unique_ptr<geom::Context>> contexts;  // declared before `loaded`: outlive its geometries
  std::map<std::string, LoadedLayer> loaded;
  std::vector<IssueSink> sinks(open.size());
  IssueSink check_issues;

  PhaseTimer t_count("import: count the features");
  std::vector<long long> counts(open.size());
  long long total = 0;
  for (std::size_t i = 0; i < open.size(); ++i) {
    counts[i] = std::max(1LL, open[i].reader->feature_count_estimate());
    total += counts[i];
  }
  t_count.stop();
  std::vector<std::atomic<long long>> done(open.size());
  std::mutex progress_mutex;
  std::atomic<bool> cancel{false};
  const auto reading_progress = [&](std::size_t i) -> ProgressFn {
    return [&, i](std::string_view, double f) {
      done[i] = static_cast<long long>(f * double(counts[i]));
      if (options.progress) {
        long long sum = 0;
        for (const auto& d : done) sum += d.load();
        std::lock_guard<std::mutex> lock(progress_mutex);
        if (!options.progress("reading layers", double(sum) / double(total))) cancel = true;
      }
      return !cancel.load();
    };
  };
  const auto finish_layer = [&](std::size_t i, LoadedLayer& layer) {
    layer.report.encoding = open[i].reader->encoding().name + " (" + open[i].reader->encoding().origin + ")";
    layer.report.crs = open[i].crs_label;
    import::check_ids(layer, sinks[i]);
  };

  // The second thread reads the buildings, does their own checks and turns them into rows, so that the
  // main thread only has to insert them. The main thread reads, checks and writes the other layers
  // meanwhile. The enterprises table goes to whichever thread is free first. Issues keep the order of
  // a one-thread import.
  std::optional<std::size_t> background, background_enterprises;
  for (std::size_t i = 0; i < open.size(); ++i) {
    if (std::thread::hardware_concurrency() < 2) break;
    if (open[i].spec->name == "buildings") background = i;
    if (open[i].spec->name == "enterprises") background_enterprises = i;
  }
  if (!background) background_enterprises.reset();
  LoadedLayer background_layer, enterprises_layer;
  std::atomic<bool> enterprises_claimed{false};
  bool main_took_enterprises = false;
  // When the second thread takes the enterprises table (the largest by rows), it hands the rows over in
  // chunks as it reads them, checked for repeated ids, and the main thread writes them meanwhile.
  // Up to 2,097,152 rows may wait while the main thread is still writing the other layers: a tighter
  // bound (32 chunks) held the reader back for 10 s at 1,000,000 parcels, 12 s more for the import.
  import::RowQueue enterprise_rows(128);
  const auto load_enterprises = [&](geom::Context& c, bool streamed) {
    PhaseTimer t_enterprises("import: read enterprises");
    const std::size_t e = *background_enterprises;
    if (!streamed) {
      enterprises_layer = import::load_layer(*open[e].reader, open[e].srs.get(), &working, c, sinks[e], reading_progress(e));
      finish_layer(e, enterprises_layer);
      return;
    }
    struct Closer {  // the writer stops waiting, whatever happens here
      import::RowQueue& q;
      ~Closer() { q.close(); }
    } closer{enterprise_rows};
    IssueSink id_issues;
    LoadedLayer part;  // the chunk at hand
    part.spec = open[e].spec;
    import::IdChecker ids(*part.spec);
    ids.reserve(static_cast<std::size_t>(counts[e]));
    long long written = 0;
    enterprises_layer = import::load_layer(
        *open[e].reader, open[e].srs.get(), &working, c, sinks[e], reading_progress(e),
        [&](std::vector<LoadedFeature>& features) {
          part.features = std::move(features);
          for (LoadedFeature& f : part.features) ids.check(f, id_issues);
          std::vector<store::Row> rows = rows_of(part, c, {});
          written += static_cast<long long>(rows.size());
          enterprise_rows.push(std::move(rows));
        });
    finish_layer(e, enterprises_layer);  // (no features left to check: they were checked above)
    enterprises_layer.report.written = written;
    for (const Issue& issue : id_issues.all()) sinks[e].add(issue);
  };
  std::vector<store::Row> background_rows;
  IssueSink floor_issues;
  // What the tenancies check needs of layers whose features are freed once written.
  std::unordered_map<std::string, std::optional<double>> building_floors;
  std::unordered_set<std::string> enterprise_ids, parcel_ids;
  std::exception_ptr background_failure;
  // Set once the buildings' rows are made (or the thread failed): the main thread then writes them while
  // this thread may still be reading the enterprises table.
  std::promise<void> buildings_made;
  std::future<void> buildings_ready = buildings_made.get_future();
  std::thread background_thread;
  struct Joiner {  // on any exception in this thread: stop and join the background reader
    std::thread& t;
    std::atomic<bool>& cancel;
    import::RowQueue& rows;
    ~Joiner() {
      if (t.joinable()) {
        cancel = true;
        rows.abandon();  // a reader waiting for room in the queue goes on to its end (cancelled)
        t.join();
      }
    }
  } joiner{background_thread, cancel, enterprise_rows};
  const auto finish_buildings = [&](std::size_t i, LoadedLayer& layer, geom::Context& c) {
    finish_layer(i, layer);
    std::vector<std::vector<std::string>> extra_columns = {import::fill_floor_areas(layer, c, floor_issues)};
    building_floors = import::floor_areas_of(layer);
    std::vector<store::Row> rows = rows_of(layer, c, extra_columns);
    layer.report.written = static_cast<long long>(rows.size());
    layer.features.clear();
    return rows;
  };
  if (background) {
    contexts.push_back(std::make_unique<geom::Context>());
    geom::Context& bctx = *contexts.back();
    const std::size_t b = *background;
    background_thread = std::thread([&, b] {
      bool made = false;
      try {
        PhaseTimer t_buildings("import: read buildings (second core)");
        background_layer = import::load_layer(*open[b].reader, open[b].srs.get(), &working, bctx, sinks[b], reading_progress(b));
        t_buildings.stop();
        PhaseTimer t_rows("import: buildings' checks and rows (second core)");
        background_rows = finish_buildings(b, background_layer, bctx);
        t_rows.stop();
        made = true;
        buildings_made.set_value();
        if (background_enterprises && !enterprises_claimed.exchange(true)) load_enterprises(bctx, true);
      } catch (...) {
        background_failure = std::current_exception();
        if (!made) buildings_made.set_value();
      }
    });
  }
  PhaseTimer t_read("import: read, check and write all but buildings");
  for (std::size_t i = 0; i < open.size(); ++i) {
    if ((background && i == *background) || (background_enterprises && i == *background_enterprises)) continue;
    PhaseTimer t_layer("import: read " + open[i].spec->name);
    LoadedLayer layer = import::load_layer(*open[i].reader, open[i].srs.get(), &working, ctx, sinks[i], reading_progress(i));
    finish_layer(i, layer);
    t_layer.stop();
    loaded.emplace(open[i].spec->name, std::move(layer));
  }

  // Cross-layer checks.
  PhaseTimer t_checks("import: cross-layer checks");
  LoadedLayer& parks = loaded.at("parks");
  LoadedLayer& zones = loaded.at("zones");
  LoadedLayer& parcels = loaded.at("parcels");
  import::check_zone_parks(zones, parks, check_issues);
  std::map<std::string, std::vector<std::vector<std::string>>> extra;
  extra["parcels"] = {import::assign_zones(parcels, zones, ctx, check_issues)};
  if (loaded.count("approvals")) extra["approvals"] = {import::assign_zones(loaded.at("approvals"), zones, ctx, check_issues)};
  const std::vector<import::UserRef> users = import::user_refs(parcels);  // parcels are written before the check
  IssueSink user_issues;
  if (loaded.count("enterprises")) import::check_users(users, loaded.at("enterprises"), user_issues);

  t_checks.stop();
  // A new database beside the target, moved into place at the end.
  auto created = store::create_store(options.db_path, result.srid, options.schema);
  store::Store& db = created->store();
  db.begin();
  const auto write_layer = [&](LoadedLayer& layer, const ProgressFn& progress) {
    const model::LayerSpec& spec = *layer.spec;
    if (spec.name == "enterprises") enterprise_ids = import::ids_of(layer);
    if (spec.name == "parcels") parcel_ids = import::ids_of(layer);
    std::vector<store::Row> rows = rows_of(layer, ctx, extra[spec.name]);
    layer.report.written = static_cast<long long>(rows.size());
    layer.features.clear();
    db.write_table(table_of(spec, extra_names_of(spec.name)), rows, progress);
  };
  for (const model::LayerSpec& spec : model::canonical_layers()) {
    auto it = loaded.find(spec.name);
    // Buildings go last (their floor areas are checked first). While the background reader runs, it
    // alone reports progress (one "reading layers" line).
    if (it != loaded.end() && spec.name != "buildings" && spec.name != "tenancies") write_layer(it->second, background ? ProgressFn{} : options.progress);
  }
  t_read.stop();

  if (background_enterprises && !enterprises_claimed.exchange(true)) {
    main_took_enterprises = true;
    load_enterprises(ctx, false);
    loaded.emplace("enterprises", std::move(enterprises_layer));
    write_layer(loaded.at("enterprises"), {});  // takes enterprise_ids
    import::check_users(users, enterprise_ids, user_issues);
  }

  // The buildings are written as soon as their rows are made, while the second thread may be reading
  // the enterprises table.
  std::optional<std::size_t> buildings_index;
  for (std::size_t i = 0; i < open.size(); ++i)
    if (open[i].spec->name == "buildings") buildings_index = i;
  if (buildings_index) {
    std::vector<store::Row> rows;
    if (background) {
      PhaseTimer t_wait("import: wait for the buildings' rows");
      buildings_ready.wait();
      if (background_failure) {
        background_thread.join();
        std::rethrow_exception(background_failure);
      }
      rows = std::move(background_rows);
    } else {
      background_layer = import::load_layer(*open[*buildings_index].reader, open[*buildings_index].srs.get(), &working,
                                            ctx, sinks[*buildings_index], reading_progress(*buildings_index));
      rows = finish_buildings(*buildings_index, background_layer, ctx);
    }
    // Progress is reported by one thread at a time: while the second thread reads, it alone does.
    const bool second_reading = background && !loaded.count("enterprises") && background_enterprises;
    if (background && !second_reading) {
      background_thread.join();
      if (background_failure) std::rethrow_exception(background_failure);
      report_progress(options.progress, "reading layers", 1.0);
    }
    PhaseTimer t_write("import: write buildings");
    db.write_table(table_of(*background_layer.spec, extra_names_of("buildings")), rows,
                   second_reading ? ProgressFn{} : options.progress);
    loaded.emplace("buildings", std::move(background_layer));
  }
  const bool enterprises_streamed = background_enterprises && !main_took_enterprises;
  if (enterprises_streamed) {
    PhaseTimer t_stream("import: write enterprises as the second thread reads them");
    const model::LayerSpec& spec = *open[*background_enterprises].spec;
    const auto id_index = static_cast<std::size_t>(import::field_index(spec, spec.id_field));
    enterprise_ids.reserve(static_cast<std::size_t>(counts[*background_enterprises]));
    std::vector<store::Row> chunk;
    std::size_t at = 0;
    const store::RowSource rows{static_cast<std::size_t>(counts[*background_enterprises]), {}, [&]() -> const store::Row* {
                                  while (at == chunk.size()) {
                                    if (!enterprise_rows.pop(chunk)) return nullptr;
                                    at = 0;
                                    for (const store::Row& r : chunk) enterprise_ids.insert(store::value_text(r.values[id_index]));
                                  }
                                  return &chunk[at++];
                                }};
    db.write_rows(table_of(spec, extra_names_of(spec.name)), rows, {});
  }
  if (background && background_thread.joinable()) {
    PhaseTimer t_join("import: wait for the second thread");
    background_thread.join();
    if (background_failure) std::rethrow_exception(background_failure);
    report_progress(options.progress, "reading layers", 1.0);
    if (enterprises_streamed) {
      import::check_users(users, enterprise_ids, user_issues);
      loaded.emplace("enterprises", std::move(enterprises_layer));
    }
  }
  // Leases last: they are checked against the buildings, enterprises and parcels.
  IssueSink tenancy_issues;
  if (auto it = loaded.find("tenancies"); it != loaded.end()) {
    import::check_tenancies(it->second, building_floors, enterprise_ids, parcel_ids, tenancy_issues);
    write_layer(it->second, {});
  }
  open.clear();  // closes the sources
  for (const model::LayerSpec& spec : model::canonical_layers()) {
    auto it = loaded.find(spec.name);
    result.layers.push_back(it == loaded.end() ? LayerReport{spec.name, "", "", "", 0, 0} : it->second.report);
  }
  for (const IssueSink& sink : sinks)
    for (const Issue& issue : sink.all()) result.issues.add(issue);
  for (const Issue& issue : check_issues.all()) result.issues.add(issue);
  for (const Issue& issue : user_issues.all()) result.issues.add(issue);
  for (const Issue& issue : floor_issues.all()) result.issues.add(issue);
  for (const Issue& issue : tenancy_issues.all()) result.issues.add(issue);

  db.write_issues(result.issues.all());
  db.set_meta("name", manifest.name);
  db.set_meta("dataset", fs::absolute(options.dataset).lexically_normal().string());
  db.set_meta("as_of", manifest.as_of ? manifest.as_of->iso() : "");
  db.set_meta("imported_at", utc_timestamp());
  db.set_meta("parkgis_version", PARKGIS_VERSION);
  db.set_meta("srid_reason", result.srid_reason);
  for (const LayerReport& r : result.layers) {
    db.set_meta("source." + r.layer, r.source);
    db.set_meta("encoding." + r.layer, r.encoding);
    db.set_meta("crs." + r.layer, r.crs);
  }
  PhaseTimer t_commit("import: commit and publish");
  report_progress(options.progress, "publishing the database", 1.0);  // the last moment a stop is honoured
  db.commit();
  created->publish();
  return result;
}

}  // namespace parkgis
