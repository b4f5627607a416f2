#include "libgis/core/text_format.h"
#include "libgis/import/loaded_layer.h"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <cstdio>

namespace parkgis::import {

int field_index(const model::LayerSpec& spec, const std::string& name) {
  for (std::size_t i = 0; i < spec.fields.size(); ++i)
    if (spec.fields[i].name == name) return static_cast<int>(i);
  return -1;
}

int LoadedLayer::field_index(const std::string& name) const { return import::field_index(*spec, name); }

std::string LoadedLayer::text(const LoadedFeature& f, const std::string& field) const {
  const int i = field_index(field);
  if (i < 0) return "";
  return store::value_text(f.values[static_cast<std::size_t>(i)]);
}

namespace {

struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};

}  // namespace

LoadedLayer load_layer(io::SourceReader& reader, const OGRSpatialReference* source_srs,
                       const OGRSpatialReference* working_srs, geom::Context& ctx, IssueSink& issues,
                       const ProgressFn& progress, const ChunkFn& on_chunk) {
  constexpr std::size_t kChunk = 16384;  // features handed over at a time with on_chunk
  const model::LayerSpec& spec = reader.spec();
  LoadedLayer out;
  out.spec = &spec;
  out.report.layer = spec.name;
  out.report.source = reader.path();

  std::unique_ptr<OGRCoordinateTransformation, TransformDeleter> ct;
  if (spec.spatial && source_srs && working_srs && !source_srs->IsSame(working_srs)) {
    ct.reset(OGRCreateCoordinateTransformation(source_srs, working_srs));
    if (!ct) throw std::runtime_error("cannot transform " + reader.display_name() + " to the working CRS");
  }

  const long long total = std::max(1LL, reader.feature_count_estimate());
  const long long every = total / 100 + 1;
  const std::size_t id_index = static_cast<std::size_t>(out.field_index(spec.id_field));
  const std::string& file = reader.display_name();

  // An estimate (a CSV file's lines): room, not a limit.
  out.features.reserve(on_chunk ? kChunk : static_cast<std::size_t>(total));
  reader.read([&](io::SourceFeature& sf) {
    if (progress && out.report.read % every == 0)
      report_progress(progress, "reading " + spec.name, std::min(1.0, double(out.report.read) / double(total)));
    ++out.report.read;
    LoadedFeature f;
    f.fid = sf.fid;
    f.values = std::move(sf.values);
    f.id = store::value_text(f.values[id_index]);

    if (spec.spatial) {
      // For messages only: made when one is written.
      const auto label = [&] { return f.id.empty() ? "fid:" + std::to_string(f.fid) : f.id; };
      const auto where = [&] { return file + " feature " + std::to_string(f.fid) + (f.id.empty() ? "" : " (" + f.id + ")"); };
      const OGRGeometry* g = sf.geometry;
      if (!g) {
        issues.add(Severity::warning, "null_geometry", spec.name, label(), where() + " has no geometry; skipped");
        return;
      }
      std::unique_ptr<OGRGeometry> work(g->hasCurveGeometry() ? g->getLinearGeometry() : g->clone());
      if (work->IsEmpty()) {
        issues.add(Severity::warning, "empty_geometry", spec.name, label(), where() + " has an empty geometry; skipped");
        return;
      }
      const OGRwkbGeometryType type = wkbFlatten(work->getGeometryType());
      if (type != wkbPolygon && type != wkbMultiPolygon && type != wkbGeometryCollection) {
        issues.add(Severity::warning, "wrong_geometry_type", spec.name, label(),
                   where() + " is a " + OGRGeometryTypeToName(type) + ", not a polygon; skipped");
        return;
      }
      work->flattenTo2D();
      if (ct && work->transform(ct.get()) != OGRERR_NONE) {
        issues.add(Severity::warning, "transform_failed", spec.name, label(),
                   where() + " could not be reprojected to the working CRS; skipped");
        return;
      }
      std::string wkb(static_cast<std::size_t>(work->WkbSize()), '\0');
      work->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
      geom::GeomPtr gg = geom::from_wkb(ctx, wkb);
      if (!gg) {
        issues.add(Severity::warning, "bad_geometry", spec.name, label(),
                   where() + ": geometry cannot be read (" + ctx.last_error() + "); skipped");
        return;
      }
      const std::string reason = geom::invalid_reason(ctx, gg.get());
      if (!reason.empty()) {
        geom::GeomPtr fixed = geom::make_valid_polygonal(ctx, gg.get());
        if (!fixed) {
          issues.add(Severity::warning, "invalid_geometry", spec.name, label(),
                     where() + ": invalid geometry (" + reason + ") with no area left after repair; skipped");
          return;
        }
        issues.add(Severity::warning, "invalid_geometry_repaired", spec.name, label(),
                   where() + ": invalid geometry (" + reason + ") repaired with GEOS MakeValid; area now " +
                       parkgis::fixed(geom::area(ctx, fixed.get())) + " m²");
        gg = std::move(fixed);
      } else if (type == wkbMultiPolygon) {
        f.wkb = std::move(wkb);  // valid: stored as read, without a second serialisation from GEOS
      } else if (type == wkbPolygon) {
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(work.release()));
        f.wkb.assign(static_cast<std::size_t>(multi->WkbSize()), '\0');
        multi->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(f.wkb.data()), wkbVariantIso);
      } else {
        gg = geom::to_multipolygon(ctx, gg.get());
        if (!gg) {
          issues.add(Severity::warning, "wrong_geometry_type", spec.name, label(),
                     where() + " holds no polygon; skipped");
          return;
        }
      }
      f.geometry = std::move(gg);
    }
    out.features.push_back(std::move(f));
    if (on_chunk && out.features.size() == kChunk) {
      on_chunk(out.features);
      out.features.clear();
    }
  });
  if (on_chunk && !out.features.empty()) {
    on_chunk(out.features);
    out.features.clear();
  }
  out.report.unreadable = reader.unreadable();
  report_progress(progress, "reading " + spec.name, 1.0);
  return out;
}

}  // namespace parkgis::import
