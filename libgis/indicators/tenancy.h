#pragma once
// Land attributed to enterprises when firms rent floors of standard factories (租用厂房) or rent whole
// parcels: who counts which part of a parcel for 用地面积 and every 亩均 figure (docs/indicators.md,
// "Rented floor space"). Pure: indices in, shares out; areas in m².
//
// Rule (the leased-area rule is locally defined, domain brief §3.7; this is parkgis's documented choice):
//  - A lease is in force at as_of when start ≤ as_of (no start: in force) and end is empty or ≥ as_of.
//    Leases not in force are ignored.
//  - A building's floor is attributed to the parcels it stands on by footprint share (as the overlay's
//    floor_m2). A building lease of L m² gives its tenant, on each parcel p the building stands on,
//      land = area(p) × leased floor in p / floor area of p,  leased floor in p = L × (building floor in p
//      / building floor). Concurrent leases of one building over its floor area are scaled down together
//      to the floor area (the importer reports them).
//  - A land lease (a parcel, no building) gives the whole parcel to its tenant(s) (equal shares when
//    several are in force); building leases on that parcel are then carved out of the land tenants' part.
//  - The holder (parcels.user_id) keeps the rest; a building let in full leaves it no land there.
//  - Only held parcels are anyone's land: supplied on or before as_of, or with no supply date.

#include <cstddef>
#include <optional>
#include <vector>

#include "libgis/core/dates.h"

namespace parkgis::indicators {

struct Lease {
  std::size_t tenant = 0;                   // enterprise index
  std::optional<std::size_t> building;      // building index; none: a land lease of `parcel`
  std::optional<std::size_t> parcel;        // land lease: the parcel index
  double leased_m2 = 0;                     // building lease: floor let, m²
  std::optional<Date> start, end;           // end none: open
};

// start ≤ as_of (or none) and end none or ≥ as_of.
bool lease_in_force(const Lease& lease, const Date& as_of);

struct LandParcel {
  double area_m2 = 0;
  std::optional<std::size_t> holder;  // enterprise index of parcels.user_id; none: no known holder
  bool held = false;                  // counts as land at as_of (supplied on or before it, or no supply date)
  double floor_m2 = 0;                // floor area on the parcel (all buildings), m²
};

// A building's floor attributed to one parcel (floor area × footprint share), from the overlay.
struct FloorShare {
  std::size_t parcel = 0, building = 0;
  double floor_m2 = 0;
  bool factory = false;
};

struct LandShare {
  std::size_t parcel = 0;
  std::size_t enterprise = 0;
  std::optional<std::size_t> building;  // the building let (building tenants only)
  double land_m2 = 0;                   // land counted for the enterprise on this parcel
  double floor_m2 = 0;                  // floor it uses there: leased floor, or the floor not let (holder)
  double factory_floor_m2 = 0;          // the part of floor_m2 in factories (厂房)
  bool tenant = false;                  // false: holder
};

// Shares of every held parcel with a holder or a lease in force, ordered by parcel, then the holder (or
// land tenants) first, then building tenants in lease order. Holder rows with no land left are omitted.
// building_floor_m2: each building's total floor area (to scale concurrent leases over it).
std::vector<LandShare> allocate_land(const std::vector<LandParcel>& parcels, const std::vector<FloorShare>& floors,
                                     const std::vector<double>& building_floor_m2, const std::vector<Lease>& leases,
                                     const Date& as_of);

}  // namespace parkgis::indicators
