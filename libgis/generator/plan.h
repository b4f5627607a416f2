#pragma once
// The generated dataset in memory, before it is written: plain records with rectangles in EPSG:4549
// metres. layout.cpp fills the geometry, attributes.cpp the dates and figures, enterprises.cpp the
// enterprise table; writer.cpp turns it into files.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"

namespace parkgis::generator {

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double area() const { return width() * height(); }
  Rect moved(double dx, double dy) const { return {x0 + dx, y0 + dy, x1 + dx, y1 + dy}; }
  Rect grown(double d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct ParkPlan {
  std::string id, name, county;
  int county_index = 0;
  // The outline: `body` alone, or an L-shape of `body` (lower band) and `top` (upper band, same x0)
  // when the park has a third zone above the first.
  Rect body;
  std::optional<Rect> top;
};

struct ZonePlan {
  std::string id, name;
  std::size_t park = 0;
  Rect rect;
  std::size_t first_parcel = 0, parcel_count = 0;
};

// The idle-land situation a parcel is generated for (domain brief §1); the dates are drawn to match.
enum class Situation {
  started,            // (d) started on time or late, developing normally
  idle_not_started,   // (a) not started, 1-2 years past the agreed start
  reclaim,            // (b) not started, more than 2 years past the agreed start
  grace,              // (c) not started, still within the grace year
  stalled_idle,       // (e) started, stopped > 1 year ago, below 25 % invested or 1/3 developed
  stalled_not_idle,   // started and stopped, but recently or above the thresholds
  gov_cause,          // (f) not started for > 1 year, government-caused (not idle)
  extended,           // (g) not started, an approved extension moves the deadline past as_of
  extension_expired,  // not started, the extended deadline has also passed (idle)
  supplied_later,     // (h) supply date after as_of
  not_supplied,       // (i) no supply date
};

enum class ParcelShape { plain, hole, multipart, bowtie };

struct ParcelPlan {
  std::string id;
  std::size_t zone = 0;
  std::size_t approval = kNone;  // approval polygon the parcel lies in
  Rect rect;                     // the parcel's cell in its block
  ParcelShape shape = ParcelShape::plain;
  Rect inner;                    // the hole (hole) or the strip cut out between the two parts (multipart)
  // Extra setback on the left / right edge, leaving room for a building that crosses the line.
  double setback_left = 0, setback_right = 0;

  Situation situation = Situation::started;
  std::string land_use;
  std::optional<Date> supply, agreed, actual, stop, extension;
  bool gov_cause = false;
  std::optional<double> registered_area, land_price, invested, total_investment, developed, required;
  // Order 53 records (attributes.cpp, assign_order53_records): extension approval, resumption, 认定书 and
  // disposal.
  std::optional<Date> extension_approved, resume, disposal_date;
  std::string decision_no, disposal;
  std::optional<Date> agreed_completion;  // 约定竣工日期
  std::optional<double> green_m2;         // 绿地面积
  std::size_t enterprise = kNone;
};

struct BuildingPlan {
  Rect rect;
  std::size_t parcel = kNone;  // the parcel holding it (kNone for a building crossing a parcel line)
  int floors = 1;
  std::optional<double> floor_area;
  double vacant_area = 0;
  const char* use = "factory";
};

struct ApprovalPlan {
  std::string id;
  std::size_t zone = 0;
  Rect rect;
  Date approved;
};

struct EnterprisePlan {
  std::string id, name, industry;
  std::size_t park = kNone;  // park of its first parcel (kNone: holds no land)
  double land_m2 = 0;
  bool producing = false;    // holds at least one started parcel
  bool stalled_only = false;
  std::optional<double> output, tax, value_added, energy, rnd;
  std::optional<long> employees;
  std::string industry_code, scale;                  // GB/T 4754-2017; 规上 / 规下
  std::optional<double> electricity_kwh, emissions_t;
};

struct Plan {
  std::vector<ParkPlan> parks;
  std::vector<ZonePlan> zones;
  std::vector<ParcelPlan> parcels;
  std::vector<BuildingPlan> buildings;
  std::vector<ApprovalPlan> approvals;
  std::vector<EnterprisePlan> enterprises;
};

// Geometric area of a parcel as written (hole and strip removed; a bow-tie counts its rectangle).
double parcel_area(const ParcelPlan& p);

}  // namespace parkgis::generator
