#pragma once
// The generated dataset in memory, before it is written: plain records with rectangles in EPSG:4549
// metres. layout.cpp fills the geometry, kinds.cpp what each parcel is for, attributes.cpp the dates and
// Order 53 records, buildings.cpp the buildings, enterprises.cpp the holders, tenancies.cpp the leases
// and tenants, figures.cpp the enterprises' yearly figures; layers.cpp and tables.cpp write the files.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  int round = 0;  // 0 for a county's first park, 1 for its 二期, ...
  // The outline: the union of its zones, each grown by the park's edge (wide enough to close the roads
  // between zones), so the park hugs its zones.
  std::vector<Rect> parts;
  std::size_t company = kNone;  // the park company (平台公司) in plan.enterprises
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
  resumed,            // started, stopped, below the thresholds, but building again (resume_date)
  gov_cause,          // (f) not started for > 1 year, government-caused (idle, no fee, no reclaim)
  extended,           // (g) not started, an approved extension moves the deadline past as_of
  extension_expired,  // not started, the extended deadline has also passed (idle)
  supplied_later,     // (h) supply date after as_of
  not_supplied,       // (i) no supply date
};

// What a parcel is for (小微园 practice): most land carries multi-storey standard factories that the park
// company lets or sells by floor; the rest is held by firms that built their own works.
enum class ParcelKind {
  standard_factory,  // 标准厂房: held by the park company (平台公司), floors let or sold (分割转让)
  self_built,        // 自建厂房: held and used by one enterprise
  warehouse,         // 仓储 (0604, a few 0508): a logistics firm, or the park company letting it whole
  utility,           // 公用设施 (0809): substation, pumping station; no enterprise
};

// multipart: two parts with a strip between them; multipart_hole: the same with a hole in the first part
// (a pond or a piece of land held by someone else), large-zones datasets only.
enum class ParcelShape { plain, hole, multipart, bowtie, multipart_hole };

struct ParcelPlan {
  std::string id;
  std::size_t zone = 0;
  std::size_t approval = kNone;  // approval polygon the parcel lies in
  Rect rect;                     // the parcel's cell in its block
  ParcelShape shape = ParcelShape::plain;
  Rect inner;                    // the hole (hole) or the strip cut out between the two parts (multipart)
  Rect hole;                     // multipart_hole: the hole in the first part
  // Extra setback on the left / right edge, leaving room for a building that crosses the line.
  double setback_left = 0, setback_right = 0;

  ParcelKind kind = ParcelKind::self_built;
  Situation situation = Situation::started;
  std::string land_use;
  std::optional<Date> supply, agreed, actual, stop, extension;
  // Order 53 records: when the extension was approved, when building resumed after a stop, the agreed
  // completion, and the disposal of land found idle (认定书号, 处置方式, 处置完成日期).
  std::optional<Date> extension_approved, resume, completion, disposal_date;
  std::string decision_no, disposal;
  bool gov_cause = false;
  std::optional<double> registered_area, land_price, invested, total_investment, developed, required, green;
  std::size_t enterprise = kNone;
};

struct BuildingPlan {
  Rect rect;
  std::size_t parcel = kNone;  // the parcel holding it (kNone for a building crossing a parcel line)
  int floors = 1;
  std::optional<double> floor_area;
  double vacant_area = 0;
  const char* use = "厂房";          // 厂房, 仓库, 办公, 宿舍, 配套
  const char* vacancy_type = "";     // 空置 (not let or sold) / 闲置 (let or owned, not producing) / ""
  std::optional<Date> vacant_since;  // empty with vacant_area > 0: an undated record
  std::optional<Date> completed;     // not written: when it could first be used (leases start after it)

  // The floor area as the importer will take it: the attribute, else footprint x floors.
  double floor_m2() const { return floor_area.value_or(rect.area() * floors); }
};

struct ApprovalPlan {
  std::string id;
  std::size_t zone = 0;
  Rect rect;
  Date approved;
};

// What an enterprise is to its park, which decides its figures.
enum class Role {
  park_company,  // the park's platform company: holds the standard-factory land, lets or sells floors
  holder,        // holds land of its own (self-built works, warehouses, unbuilt land)
  tenant,        // rents or bought floors in a standard factory, or rents a whole parcel
  departed,      // its lease ended; still in the enterprise table for the years it was there
  incoming,      // its lease starts after as_of (figures from where it was before)
  no_land,       // registered in the park with neither land nor a lease (an office address)
};

struct YearFigures {
  int year = 0;
  std::optional<double> output, tax, value_added, energy, electricity, emissions, rnd;
  std::optional<long> employees;
};

struct EnterprisePlan {
  std::string id, name;
  std::string_view industry, industry_code;  // into names.cpp's static tables
  const char* scale = "规下";  // 规上 (above the statistical threshold) / 规下
  std::size_t park = kNone;  // park of its land or lease (kNone: none)
  Role role = Role::holder;
  double land_m2 = 0;        // land it holds (parcels)
  double leased_land_m2 = 0; // land its leases give it (parcel area x leased floor / parcel floor)
  bool producing = false;    // holds a started parcel or leases floor in force
  bool stalled_only = false; // its only started land has stalled
  bool dormant = false;      // stopped producing before the latest year: zero output and tax
  int first_year = 0;        // first year with figures (0: every year written)
  int last_year = 0;         // last year with figures (0: up to the year before as_of)
  std::vector<YearFigures> years;
};

// One row of tenancies.csv. A data problem is written as text that overrides the reference.
struct TenancyPlan {
  std::string id;
  std::size_t enterprise = kNone;
  std::size_t building = kNone;  // kNone with `parcel` set: a lease of the whole parcel
  std::size_t parcel = kNone;
  std::string enterprise_text, building_text;  // written instead of the references when not empty
  std::optional<double> leased_m2;
  std::optional<Date> start, end;
};

struct Plan {
  std::vector<ParkPlan> parks;
  std::vector<ZonePlan> zones;
  std::vector<ParcelPlan> parcels;
  std::vector<BuildingPlan> buildings;
  std::vector<ApprovalPlan> approvals;
  std::vector<EnterprisePlan> enterprises;
  std::vector<TenancyPlan> tenancies;
};

// Geometric area of a parcel as written (holes and strip removed; a bow-tie counts its rectangle).
double parcel_area(const ParcelPlan& p);

// Started parcels (situations with an actual start date).
bool is_started(Situation s);
// Started parcels whose building work has stopped and not resumed.
bool is_stalled(Situation s);

}  // namespace parkgis::generator
