#include "libgis/core/text_format.h"
#include "libgis/import/checks.h"
#include "libgis/import/tenancy_checks.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace parkgis::import {

namespace {

std::string label_of(const LoadedFeature& f) { return f.id.empty() ? "fid:" + std::to_string(f.fid) : f.id; }

std::optional<double> number(const LoadedLayer& layer, const LoadedFeature& f, const std::string& field) {
  const int i = layer.field_index(field);
  if (i < 0) return std::nullopt;
  return store::value_number(f.values[static_cast<std::size_t>(i)]);
}

}  // namespace

IdChecker::IdChecker(const model::LayerSpec& spec)
    : m_spec(spec),
      m_by_year(spec.name == "enterprises"),
      m_id_index(field_index(spec, spec.id_field)),
      m_year_index(m_by_year ? field_index(spec, "year") : -1) {}

void IdChecker::check(LoadedFeature& f, IssueSink& issues) {
  const std::string& name = m_spec.name;
  if (f.id.empty()) {
    f.id = name + "-fid" + std::to_string(f.fid);
    f.values[static_cast<std::size_t>(m_id_index)] = f.id;
    if (name == "tenancies") return;  // an optional id: leases are known by their row
    issues.add(Severity::warning, "missing_id", name, f.id,
               "feature " + std::to_string(f.fid) + " of " + name + " has no " + m_spec.id_field +
                   "; it was given the id " + f.id);
  }
  const auto year = [&] {
    return m_year_index < 0 ? std::string() : store::value_text(f.values[static_cast<std::size_t>(m_year_index)]);
  };
  m_key = f.id;
  if (m_by_year) (m_key += '|') += year();
  auto [it, inserted] = m_first_fid.try_emplace(m_key, f.fid);
  if (!inserted) {
    f.skip = true;
    issues.add(Severity::error, "duplicate_id", name, f.id,
               name + ": " + m_spec.id_field + " " + f.id + (m_by_year ? " (year " + year() + ")" : "") +
                   " appears again at feature " + std::to_string(f.fid) + " (first at feature " +
                   std::to_string(it->second) + "); the repeat was skipped. Give each feature its own id");
  }
}

void check_ids(LoadedLayer& layer, IssueSink& issues) {
  IdChecker checker(*layer.spec);
  checker.reserve(layer.features.size());
  for (LoadedFeature& f : layer.features) checker.check(f, issues);
}

void check_zone_parks(const LoadedLayer& zones, const LoadedLayer& parks, IssueSink& issues) {
  std::set<std::string> park_ids;
  for (const LoadedFeature& p : parks.features)
    if (!p.skip) park_ids.insert(p.id);
  for (const LoadedFeature& z : zones.features) {
    if (z.skip) continue;
    const std::string park = zones.text(z, "park_id");
    if (!park_ids.count(park))
      issues.add(Severity::warning, "unknown_park", "zones", label_of(z),
                 "zone " + z.id + " names park_id " + park + ", which is not in the parks layer");
  }
}

namespace {

// A feature that names its zone must lie in it: the part outside (over 1 m², the size of a survey
// error, not of a wrong zone) is recorded with its area and share, and the zone named is kept.
void check_inside_named_zone(geom::Context& ctx, const LoadedFeature& f, const LoadedFeature& zone,
                             const GEOSPreparedGeometry*& prepared, const std::string& layer, const std::string& zone_id,
                             IssueSink& issues) {
  const GEOSContextHandle_t h = ctx.handle();
  if (!zone.geometry) return;
  if (!prepared) prepared = GEOSPrepare_r(h, zone.geometry.get());
  if (GEOSPreparedCovers_r(h, prepared, f.geometry.get()) == 1) return;
  const double total = geom::area(ctx, f.geometry.get());
  geom::GeomPtr inside = geom::own(ctx, GEOSIntersection_r(h, zone.geometry.get(), f.geometry.get()));
  const double outside = total - (inside ? geom::area(ctx, inside.get()) : 0.0);
  if (outside <= 1.0) return;
  double distance = 0;
  GEOSDistance_r(h, zone.geometry.get(), f.geometry.get(), &distance);
  char buf[160];
  if (distance > 0)
    std::snprintf(buf, sizeof buf, "lies wholly outside it, %.1f m from its boundary", distance);
  else
    std::snprintf(buf, sizeof buf, "lies partly outside it (%.1f m², %.0f %% of its area)", outside,
                  total > 0 ? 100.0 * outside / total : 0.0);
  issues.add(Severity::warning, "outside_named_zone", layer, label_of(f),
             layer + " " + label_of(f) + " names zone_id " + zone_id + " but " + buf +
                 "; it is counted in " + zone_id + " as named. Check the zone_id or the boundaries");
}

}  // namespace

std::vector<std::string> assign_zones(LoadedLayer& layer, const LoadedLayer& zones, geom::Context& ctx,
                                      IssueSink& issues) {
  const GEOSContextHandle_t h = ctx.handle();
  const std::string& name = layer.spec->name;
  const int zone_field = layer.field_index("zone_id");
  std::vector<std::string> source(layer.features.size());

  std::map<std::string, std::size_t> zone_by_id;
  GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
  std::vector<const GEOSPreparedGeometry*> prepared(zones.features.size(), nullptr);
  for (std::size_t i = 0; i < zones.features.size(); ++i) {
    const LoadedFeature& z = zones.features[i];
    if (z.skip || !z.geometry) continue;
    zone_by_id.emplace(z.id, i);
    GEOSSTRtree_insert_r(h, tree, z.geometry.get(), reinterpret_cast<void*>(i));
  }

  struct Query {
    const GEOSGeometry* geometry;
    std::vector<std::size_t> hits;
  };

  for (std::size_t k = 0; k < layer.features.size(); ++k) {
    LoadedFeature& f = layer.features[k];
    if (f.skip) continue;
    const std::string given = layer.text(f, "zone_id");
    if (!given.empty() && zone_by_id.count(given)) {
      source[k] = "attribute";
      if (f.geometry) check_inside_named_zone(ctx, f, zones.features[zone_by_id.at(given)], prepared[zone_by_id.at(given)],
                                              name, given, issues);
      continue;
    }
    if (!given.empty())
      issues.add(Severity::warning, "unknown_zone", name, label_of(f),
                 name + " " + label_of(f) + " names zone_id " + given +
                     ", which is not in the zones layer; the zone was found by overlap instead");
    if (!f.geometry) continue;

    Query q{f.geometry.get(), {}};
    GEOSSTRtree_query_r(
        h, tree, f.geometry.get(),
        [](void* item, void* data) { static_cast<Query*>(data)->hits.push_back(reinterpret_cast<std::size_t>(item)); },
        &q);
    std::size_t best = SIZE_MAX;
    double best_area = 0;
    for (std::size_t zi : q.hits) {
      if (!prepared[zi]) prepared[zi] = GEOSPrepare_r(h, zones.features[zi].geometry.get());
      if (GEOSPreparedContains_r(h, prepared[zi], f.geometry.get()) == 1) {
        best = zi;
        break;
      }
      if (GEOSPreparedIntersects_r(h, prepared[zi], f.geometry.get()) != 1) continue;
      geom::GeomPtr inter = geom::own(ctx, GEOSIntersection_r(h, zones.features[zi].geometry.get(), f.geometry.get()));
      const double a = geom::area(ctx, inter.get());
      if (a > best_area) {
        best_area = a;
        best = zi;
      }
    }
    if (best == SIZE_MAX) {
      f.values[static_cast<std::size_t>(zone_field)] = store::Value{};
      source[k] = "";
      double nearest = -1;
      std::string nearest_id;
      for (const LoadedFeature& z : zones.features) {
        double d = 0;
        if (z.skip || !z.geometry || GEOSDistance_r(h, z.geometry.get(), f.geometry.get(), &d) != 1) continue;
        if (nearest < 0 || d < nearest) {
          nearest = d;
          nearest_id = z.id;
        }
      }
      issues.add(Severity::warning, "outside_zones", name, label_of(f),
                 name + " " + label_of(f) + " lies outside every zone" +
                     (nearest < 0 ? std::string() : " (" + fixed(nearest) + " m from the nearest, " + nearest_id + ")") +
                     "; it is kept without zone and left out of zone and park figures. Check its position or the "
                     "zone boundaries");
      continue;
    }
    f.values[static_cast<std::size_t>(zone_field)] = zones.features[best].id;
    source[k] = "overlap";
  }
  for (const GEOSPreparedGeometry* p : prepared)
    if (p) GEOSPreparedGeom_destroy_r(h, p);
  GEOSSTRtree_destroy_r(h, tree);
  return source;
}

std::vector<UserRef> user_refs(const LoadedLayer& parcels) {
  std::vector<UserRef> out;
  for (const LoadedFeature& p : parcels.features) {
    if (p.skip) continue;
    std::string user = parcels.text(p, "user_id");
    if (!user.empty()) out.push_back({p.id, label_of(p), std::move(user)});
  }
  return out;
}

void check_users(const std::vector<UserRef>& parcels, const LoadedLayer& enterprises, IssueSink& issues) {
  check_users(parcels, ids_of(enterprises), issues);
}

void check_users(const std::vector<UserRef>& parcels, const std::unordered_set<std::string>& ids, IssueSink& issues) {
  for (const UserRef& p : parcels)
    if (!ids.count(p.user_id))
      issues.add(Severity::warning, "unknown_enterprise", "parcels", p.label,
                 "parcel " + p.parcel_id + " is held by user_id " + p.user_id +
                     ", which is not in the enterprises table; its land counts as used but has no figures");
}

void check_users(const LoadedLayer& parcels, const LoadedLayer& enterprises, IssueSink& issues) {
  check_users(user_refs(parcels), enterprises, issues);
}

std::vector<std::string> fill_floor_areas(LoadedLayer& buildings, geom::Context& ctx, IssueSink& issues) {
  std::vector<std::string> source(buildings.features.size());
  const auto fa_index = static_cast<std::size_t>(buildings.field_index("floor_area"));
  for (std::size_t k = 0; k < buildings.features.size(); ++k) {
    LoadedFeature& b = buildings.features[k];
    if (b.skip) continue;
    auto floor_area = number(buildings, b, "floor_area");
    if (floor_area) {
      source[k] = "attribute";
    } else {
      const auto floors = number(buildings, b, "floors");
      if (floors && *floors > 0 && b.geometry) {
        floor_area = geom::area(ctx, b.geometry.get()) * *floors;
        b.values[fa_index] = *floor_area;
        source[k] = "footprint×floors";
      } else {
        issues.add(Severity::warning, "missing_floor_area", "buildings", label_of(b),
                   "building " + b.id + " has neither floor_area nor floors; its floor area is unknown and counts as 0");
      }
    }
    const auto vacant = number(buildings, b, "vacant_area");
    if (vacant && floor_area && *vacant > *floor_area * (1 + 1e-9))
      issues.add(Severity::warning, "vacant_exceeds_floor", "buildings", label_of(b),
                 "building " + b.id + ": vacant_area " + fixed(*vacant) + " m² is larger than its floor area " +
                     fixed(*floor_area) + " m²");
  }
  return source;
}

}  // namespace parkgis::import
