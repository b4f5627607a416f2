#pragma once
// What the viewer reads from a store, as plain values: the park/zone overview, a parcel's full record
// (identify), search hits and parcel rows for the tables. No Qt here: these run on the data thread with
// its own connection, and tests call them directly.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/render/shape.h"
#include "libgis/store/table.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::viewer {

using render::Extent;

// One park or zone with the figures the tree shows (from park_metrics / zone_metrics).
struct UnitRow {
  std::string id, park_id, name;  // park_id = id for a park
  double area_mu = 0, unsupplied_mu = 0, idle_mu = 0;
  std::optional<double> vacancy_rate, tax_per_mu;  // empty when the divisor is zero
  long long parcels = 0;
  Extent box;
};

struct Overview {
  std::string path, dataset_name, as_of;
  int srid = 0;
  bool analysed = false;  // result tables present
  std::vector<Date> evaluations;  // the evaluations kept, earliest first (history::list_evaluations)
  std::vector<UnitRow> parks, zones;
  Extent extent;  // parks and zones together
};

// Throws DataError when the file is not a parkgis database.
Overview load_overview(store::Store& store);

// A labelled value for the identify panel.
struct Attribute {
  std::string column, label_zh, unit, value;  // value formatted (ratios as %, numbers rounded)
  std::string label_en;
};

struct ParcelInfo {
  std::string parcel_id, user_id;
  render::Shape shape;
  std::vector<Attribute> source;    // the parcels table as imported
  std::vector<Attribute> metrics;   // parcel_metrics
  std::vector<std::vector<Attribute>> buildings;  // buildings on the parcel
  std::vector<Attribute> enterprise;  // enterprise_metrics (or enterprises) of the holder
  std::vector<std::vector<Attribute>> tenancies;  // tenancy_shares: holder and tenants with their land (rented parcels)
};

// The parcel under (x, y), or the nearest within `tolerance` map units; nullopt when none.
std::optional<std::pair<std::string, render::Shape>> parcel_at(store::Store& store, double x, double y, double tolerance);
// Everything about one parcel; nullopt when the id is unknown.
std::optional<ParcelInfo> parcel_info(store::Store& store, const std::string& parcel_id);

// One line of the parcel tables.
struct ParcelRow {
  std::string parcel_id, zone_id, park_id, enterprise, land_use, supply_status, idle_status, grade;
  double area_mu = 0;
  std::optional<double> tax_per_mu, vacancy_rate;
  std::optional<double> tax_wan;  // the parcel's share of its holders' tax (for totals)
  Extent box;
};

// Parcels of a park or zone (both "": every parcel).
std::vector<ParcelRow> parcels_of(store::Store& store, const std::string& park_id, const std::string& zone_id);
// Parcels that meet a rectangle (selection by box).
std::vector<ParcelRow> parcels_in(store::Store& store, const Extent& rect);
// Parcels that pass a --where expression (libgis/export/where_parser, over parcel_metrics' columns),
// within a park or zone when given. Throws UsageError naming the position of a mistake.
std::vector<ParcelRow> parcels_where(store::Store& store, const std::string& where, const std::string& park_id,
                                     const std::string& zone_id);
// One parcel by id.
std::optional<ParcelRow> parcel_row(store::Store& store, const std::string& parcel_id);

// Parcels by id (any number, one bound list), in id order.
std::vector<ParcelRow> parcel_rows(store::Store& store, const std::vector<std::string>& ids);
// The parcels an enterprise holds, and those it rents land or floor on (tenancy_shares).
std::vector<ParcelRow> parcels_of_enterprise(store::Store& store, const std::string& enterprise_id);
// The outlines of these parcels (for flashing them on the map).
std::vector<render::Shape> parcel_shapes(store::Store& store, const std::vector<std::string>& ids);

struct SearchHit {
  enum Kind { park, zone, parcel, enterprise } kind = parcel;
  std::string id, text;  // text: name or id as shown
  Extent box;
};

// Parks and zones by name or id, parcels by id, enterprises by name or id (their parcels' extent);
// case-insensitive substring match, at most `limit` hits of each kind.
std::vector<SearchHit> search(store::Store& store, const std::string& text, std::size_t limit = 20);

// A value formatted for people: ratios ("0–1") as a percentage, numbers with at most 2 decimals.
std::string format_value(const store::Value& v, const std::string& unit);

}  // namespace parkgis::viewer
