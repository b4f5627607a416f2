#include "app/viewer/queries.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

#include "libgis/export/field_labels.h"
#include "libgis/export/where_parser.h"
#include "libgis/geom/geos.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

using store::Row;
using store::Value;

std::optional<double> number(const Value& v) { return store::value_number(v); }

std::string text(const Value& v) { return store::value_text(v); }

// Every column of a table but fid and geom.
std::vector<std::string> data_columns(store::Store& s, const std::string& table) {
  std::vector<std::string> out;
  for (const std::string& c : s.columns(table))
    if (c != "fid" && c != "geom") out.push_back(c);
  return out;
}

std::vector<Attribute> attributes(const std::vector<std::string>& cols, const Row& row) {
  std::vector<Attribute> out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const exporter::FieldLabel l = exporter::field_label(cols[i]);
    out.push_back({cols[i], l.zh, l.unit, format_value(row.values[i], l.unit), l.en});
  }
  return out;
}

std::vector<UnitRow> read_units(store::Store& s, const std::string& table, bool zones) {
  std::vector<UnitRow> out;
  const std::string id_col = zones ? "zone_id" : "park_id";
  const bool metrics = table.ends_with("_metrics");
  std::vector<std::string> cols = {id_col, "park_id", "name"};
  if (metrics) cols.insert(cols.end(), {"land_mu", "unsupplied_mu", "idle_mu", "vacancy_rate", "tax_per_mu", "parcels"});
  s.read_table(table, cols, true, id_col, [&](const Row& r) {
    UnitRow u;
    u.id = text(r.values[0]);
    u.park_id = text(r.values[1]);
    u.name = text(r.values[2]);
    if (metrics) {
      u.area_mu = number(r.values[3]).value_or(0);
      u.unsupplied_mu = number(r.values[4]).value_or(0);
      u.idle_mu = number(r.values[5]).value_or(0);
      u.vacancy_rate = number(r.values[6]);
      u.tax_per_mu = number(r.values[7]);
      u.parcels = static_cast<long long>(number(r.values[8]).value_or(0));
    }
    const render::Shape shape = render::decode_wkb(r.wkb);
    u.box = shape.box;
    if (!metrics) u.area_mu = render::area(shape) / (10000.0 / 15.0);
    out.push_back(std::move(u));
  });
  return out;
}

const std::vector<std::string> kRowColumns = {"parcel_id", "zone_id",     "park_id", "enterprise_name", "land_use",
                                              "supply_status", "idle_status", "grade", "area_mu", "tax_per_mu",
                                              "vacancy_rate", "tax_wan"};

std::vector<ParcelRow> read_rows(store::Store& s, const store::Filter& filter) {
  std::vector<ParcelRow> out;
  if (!s.has_table("parcel_metrics")) return out;
  s.read_table("parcel_metrics", kRowColumns, true, "parcel_id", [&](const Row& r) {
    ParcelRow p;
    p.parcel_id = text(r.values[0]);
    p.zone_id = text(r.values[1]);
    p.park_id = text(r.values[2]);
    p.enterprise = text(r.values[3]);
    p.land_use = text(r.values[4]);
    p.supply_status = text(r.values[5]);
    p.idle_status = text(r.values[6]);
    p.grade = text(r.values[7]);
    p.area_mu = number(r.values[8]).value_or(0);
    p.tax_per_mu = number(r.values[9]);
    p.vacancy_rate = number(r.values[10]);
    p.tax_wan = number(r.values[11]);
    const render::Shape shape = render::decode_wkb(r.wkb);
    if (filter.bbox && !render::intersects(shape, {filter.bbox->minx, filter.bbox->miny, filter.bbox->maxx, filter.bbox->maxy}))
      return;
    p.box = shape.box;
    out.push_back(std::move(p));
  }, filter);
  return out;
}

std::string parcel_table(store::Store& s) { return s.has_table("parcel_metrics") ? "parcel_metrics" : "parcels"; }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string format_value(const Value& v, const std::string& unit) {
  if (store::is_null(v)) return "";
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[64];
    if (unit == "0–1") std::snprintf(buf, sizeof buf, "%.1f %%", *d * 100);
    else if (std::fabs(*d) >= 1e6 || *d == std::floor(*d)) std::snprintf(buf, sizeof buf, "%.0f", *d);
    else std::snprintf(buf, sizeof buf, "%.2f", *d);
    return buf;
  }
  return text(v);
}

Overview load_overview(store::Store& s) {
  Overview o;
  o.path = s.location();
  o.srid = s.srid();
  const auto meta = s.meta();
  if (auto it = meta.find("name"); it != meta.end()) o.dataset_name = it->second;
  if (auto it = meta.find("as_of"); it != meta.end()) o.as_of = it->second;
  o.analysed = s.has_table("park_metrics") && s.has_table("zone_metrics") && s.has_table("parcel_metrics");
  if (s.has_table("runs"))
    s.read_table("runs", {"as_of"}, false, "run_id", [&](const Row& r) { o.as_of = text(r.values[0]); });
  const std::string parks = o.analysed ? "park_metrics" : "parks";
  const std::string zones = o.analysed ? "zone_metrics" : "zones";
  if (s.has_table(parks)) o.parks = read_units(s, parks, false);
  if (s.has_table(zones)) o.zones = read_units(s, zones, true);
  for (const UnitRow& u : o.parks) o.extent.include(u.box);
  for (const UnitRow& u : o.zones) o.extent.include(u.box);
  for (const history::Evaluation& e : history::list_evaluations(s)) o.evaluations.push_back(e.as_of);
  return o;
}

std::optional<std::pair<std::string, render::Shape>> parcel_at(store::Store& s, double x, double y, double tol) {
  const std::string table = parcel_table(s);
  if (!s.has_table(table)) return std::nullopt;
  store::Filter f;
  f.bbox = store::BBox{x - tol, y - tol, x + tol, y + tol};
  std::optional<std::pair<std::string, render::Shape>> inside, nearest;
  double best = std::numeric_limits<double>::max();
  s.read_table(table, {"parcel_id"}, true, "", [&](const Row& r) {
    if (inside) return;
    render::Shape shape = render::decode_wkb(r.wkb);
    if (render::contains(shape, x, y)) {
      inside.emplace(text(r.values[0]), std::move(shape));
      return;
    }
    const double d = std::hypot(shape.box.cx() - x, shape.box.cy() - y);
    if (render::intersects(shape, {x - tol, y - tol, x + tol, y + tol}) && d < best) {
      best = d;
      nearest.emplace(text(r.values[0]), std::move(shape));
    }
  }, f);
  return inside ? inside : nearest;
}

std::optional<ParcelInfo> parcel_info(store::Store& s, const std::string& id) {
  ParcelInfo info;
  bool found = false;
  if (s.has_table("parcels")) {
    const std::vector<std::string> cols = data_columns(s, "parcels");
    s.read_table("parcels", cols, true, "", [&](const Row& r) {
      found = true;
      info.source = attributes(cols, r);
      info.shape = render::decode_wkb(r.wkb);
      const auto it = std::find(cols.begin(), cols.end(), "user_id");
      if (it != cols.end()) info.user_id = text(r.values[static_cast<std::size_t>(it - cols.begin())]);
    }, store::Filter::equals("parcel_id", id));
  }
  if (s.has_table("parcel_metrics")) {
    const std::vector<std::string> cols = data_columns(s, "parcel_metrics");
    s.read_table("parcel_metrics", cols, false, "", [&](const Row& r) {
      found = true;
      info.metrics = attributes(cols, r);
    }, store::Filter::equals("parcel_id", id));
  }
  if (!found) return std::nullopt;
  info.parcel_id = id;

  // Buildings: those whose footprint shares area with the parcel (as the analysis counts them).
  if (s.has_table("buildings") && !info.shape.empty()) {
    geom::Context ctx;
    std::string parcel_wkb;
    s.read_table(parcel_table(s), {}, true, "", [&](const Row& r) { parcel_wkb = r.wkb; },
                 store::Filter::equals("parcel_id", id));
    const geom::GeomPtr pg = geom::from_wkb(ctx, parcel_wkb);
    const std::vector<std::string> cols = data_columns(s, "buildings");
    store::Filter f;
    f.bbox = store::BBox{info.shape.box.minx, info.shape.box.miny, info.shape.box.maxx, info.shape.box.maxy};
    s.read_table("buildings", cols, true, "building_id", [&](const Row& r) {
      const geom::GeomPtr bg = geom::from_wkb(ctx, r.wkb);
      if (!pg || !bg || GEOSIntersects_r(ctx.handle(), pg.get(), bg.get()) != 1) return;
      const geom::GeomPtr shared = geom::own(ctx, GEOSIntersection_r(ctx.handle(), pg.get(), bg.get()));
      if (!shared || geom::area(ctx, shared.get()) <= 0.01) return;
      info.buildings.push_back(attributes(cols, r));
    }, f);
  }
  // The holder: its latest figures and grade.
  if (!info.user_id.empty()) {
    const std::string table = s.has_table("enterprise_metrics") ? "enterprise_metrics" : "enterprises";
    if (s.has_table(table)) {
      const std::vector<std::string> cols = data_columns(s, table);
      const std::string order = std::find(cols.begin(), cols.end(), "year") != cols.end() ? "year" : "";
      s.read_table(table, cols, false, order, [&](const Row& r) { info.enterprise = attributes(cols, r); },
                   store::Filter::equals("enterprise_id", info.user_id));
    }
  }
  // Holder and tenants with their shares of the land (parcels with tenants only).
  if (s.has_table("tenancy_shares")) {
    const std::vector<std::string> cols = {"enterprise_name", "enterprise_id", "role", "building_id", "land_m2", "land_mu",
                                           "floor_m2"};
    s.read_table("tenancy_shares", cols, false, "", [&](const Row& r) { info.tenancies.push_back(attributes(cols, r)); },
                 store::Filter::equals("parcel_id", id));
  }
  return info;
}

std::vector<ParcelRow> parcels_of(store::Store& s, const std::string& park_id, const std::string& zone_id) {
  if (!zone_id.empty()) return read_rows(s, store::Filter::equals("zone_id", zone_id));
  if (!park_id.empty()) return read_rows(s, store::Filter::equals("park_id", park_id));
  return read_rows(s, {});
}

std::vector<ParcelRow> parcels_in(store::Store& s, const Extent& rect) {
  store::Filter f;
  f.bbox = store::BBox{rect.minx, rect.miny, rect.maxx, rect.maxy};
  return read_rows(s, f);
}

std::vector<ParcelRow> parcels_where(store::Store& s, const std::string& where, const std::string& park_id,
                                     const std::string& zone_id) {
  if (!s.has_table("parcel_metrics")) return {};
  store::Filter f = exporter::parse_where(where, s.columns("parcel_metrics"));
  std::vector<store::Condition> unit;
  if (!zone_id.empty()) unit.push_back({"zone_id", "=", Value(zone_id)});
  else if (!park_id.empty()) unit.push_back({"park_id", "=", Value(park_id)});
  if (!unit.empty()) f = exporter::and_all(f, unit);
  return read_rows(s, f);
}

std::optional<ParcelRow> parcel_row(store::Store& s, const std::string& id) {
  std::vector<ParcelRow> rows = read_rows(s, store::Filter::equals("parcel_id", id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ParcelRow> parcel_rows(store::Store& s, const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  store::Filter f;
  f.in = store::InList{"parcel_id", ids};
  return read_rows(s, f);
}

std::vector<ParcelRow> parcels_of_enterprise(store::Store& s, const std::string& enterprise_id) {
  std::vector<std::string> ids;
  if (s.has_table("parcel_metrics"))
    s.read_table("parcel_metrics", {"parcel_id"}, false, "", [&](const Row& r) { ids.push_back(text(r.values[0])); },
                 store::Filter::equals("user_id", enterprise_id));
  if (s.has_table("tenancy_shares"))
    s.read_table("tenancy_shares", {"parcel_id"}, false, "", [&](const Row& r) { ids.push_back(text(r.values[0])); },
                 store::Filter::equals("enterprise_id", enterprise_id));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return parcel_rows(s, ids);
}

std::vector<render::Shape> parcel_shapes(store::Store& s, const std::vector<std::string>& ids) {
  std::vector<render::Shape> out;
  const std::string table = parcel_table(s);
  if (ids.empty() || !s.has_table(table)) return out;
  store::Filter f;
  f.in = store::InList{"parcel_id", ids};
  s.read_table(table, {}, true, "", [&](const Row& r) { out.push_back(render::decode_wkb(r.wkb)); }, f);
  return out;
}

std::vector<SearchHit> search(store::Store& s, const std::string& query, std::size_t limit) {
  std::vector<SearchHit> out;
  std::string q = query;
  q.erase(0, q.find_first_not_of(" \t"));
  q.erase(q.find_last_not_of(" \t") + 1);
  if (q.empty()) return out;
  const std::string like = "%" + q + "%";
  const auto by = [&](const std::vector<std::string>& cols) {
    store::Filter f;
    for (const std::string& c : cols) f.any.push_back({{c, "LIKE", Value(like)}});
    return f;
  };
  const std::string lq = lower(q);
  const auto rank = [&](const std::string& id, const std::string& name) {
    return lower(id) == lq || name == q ? 0 : 1;  // exact matches first
  };
  const auto add_units = [&](const std::string& table, const std::string& id_col, SearchHit::Kind kind) {
    if (!s.has_table(table)) return;
    std::vector<std::pair<int, SearchHit>> hits;
    s.read_table(table, {id_col, "name"}, true, id_col, [&](const Row& r) {
      SearchHit h{kind, text(r.values[0]), text(r.values[1]) + " (" + text(r.values[0]) + ")",
                  render::decode_wkb(r.wkb).box};
      hits.emplace_back(rank(text(r.values[0]), text(r.values[1])), std::move(h));
    }, by({id_col, "name"}));
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(std::move(hits[i].second));
  };
  add_units(s.has_table("park_metrics") ? "park_metrics" : "parks", "park_id", SearchHit::park);
  add_units(s.has_table("zone_metrics") ? "zone_metrics" : "zones", "zone_id", SearchHit::zone);

  const std::string pt = parcel_table(s);
  if (s.has_table(pt)) {
    std::vector<std::pair<int, SearchHit>> hits;
    s.read_table(pt, {"parcel_id"}, true, "parcel_id", [&](const Row& r) {
      if (hits.size() >= 10 * limit) return;
      hits.emplace_back(rank(text(r.values[0]), ""), SearchHit{SearchHit::parcel, text(r.values[0]), text(r.values[0]),
                                                              render::decode_wkb(r.wkb).box});
    }, by({"parcel_id"}));
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(std::move(hits[i].second));
  }
  // Enterprises, by name or id; where their land is: the extent of the parcels they hold.
  if (s.has_table("enterprise_metrics") && s.has_table("parcel_metrics")) {
    std::vector<SearchHit> firms;
    s.read_table("enterprise_metrics", {"enterprise_id", "name"}, false, "enterprise_id", [&](const Row& r) {
      if (firms.size() >= limit) return;
      firms.push_back({SearchHit::enterprise, text(r.values[0]), text(r.values[1]) + " (" + text(r.values[0]) + ")", Extent::null()});
    }, by({"enterprise_id", "name"}));
    for (SearchHit& h : firms) {
      s.read_table("parcel_metrics", {}, true, "", [&](const Row& r) { h.box.include(render::decode_wkb(r.wkb).box); },
                   store::Filter::equals("user_id", h.id));
      // A tenant: the buildings it rents (a land tenant: the parcels).
      if (s.has_table("tenancy_shares")) {
        std::vector<std::string> rented_buildings, rented_parcels;
        s.read_table("tenancy_shares", {"building_id", "parcel_id", "role"}, false, "", [&](const Row& r) {
          if (text(r.values[2]) != "tenant") return;
          (text(r.values[0]).empty() ? rented_parcels : rented_buildings)
              .push_back(text(r.values[0]).empty() ? text(r.values[1]) : text(r.values[0]));
        }, store::Filter::equals("enterprise_id", h.id));
        for (const std::string& b : rented_buildings)
          if (s.has_table("buildings"))
            s.read_table("buildings", {}, true, "", [&](const Row& r) { h.box.include(render::decode_wkb(r.wkb).box); },
                         store::Filter::equals("building_id", b));
        for (const std::string& p : rented_parcels)
          s.read_table("parcel_metrics", {}, true, "", [&](const Row& r) { h.box.include(render::decode_wkb(r.wkb).box); },
                       store::Filter::equals("parcel_id", p));
      }
      if (!h.box.is_null()) out.push_back(std::move(h));
    }
  }
  return out;
}

}  // namespace parkgis::viewer
