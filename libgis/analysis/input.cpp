#include "libgis/analysis/input.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "libgis/store/store.h"

namespace parkgis::analysis {

namespace {

using store::Row;
using store::Value;

std::string text(const Value& v) { return store::value_text(v); }

std::optional<double> number(const Value& v) { return store::value_number(v); }

std::optional<geom::Envelope> envelope(const Row& r) {
  if (!r.bbox) return std::nullopt;
  return geom::Envelope{r.bbox->minx, r.bbox->miny, r.bbox->maxx, r.bbox->maxy};
}

std::optional<Date> date(const Value& v) {
  if (store::is_null(v)) return std::nullopt;
  if (const auto* t = std::get_if<std::string>(&v)) return parse_date(*t);
  return parse_date(text(v));
}

// Reads the named columns of a table (if it exists) and calls fn with them by position.
template <typename Fn>
void read(store::Store& s, const std::string& table, const std::vector<std::string>& cols, bool geom, Fn fn) {
  if (!s.has_table(table)) return;
  s.read_table(table, cols, geom, s.columns(table).empty() ? "" : "fid", [&](const Row& r) { fn(r); });
}

// Room for a table's rows before they are read: growing a vector of two million records by doubling
// copied them and had gigabytes of fresh memory zeroed (reading 1,000,000 parcels' tables 31 → 17 s).
template <typename T>
void reserve_for(store::Store& s, const std::string& table, std::vector<T>& v) {
  if (const long long n = s.row_count_hint(table); n > 0) v.reserve(static_cast<std::size_t>(n));
}

bool has_column(store::Store& s, const std::string& table, const std::string& column) {
  const std::vector<std::string> cols = s.columns(table);
  return std::find(cols.begin(), cols.end(), column) != cols.end();
}

}  // namespace

bool truthy(const std::string& t) {
  std::string s = t;
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return !(s.empty() || s == "0" || s == "否" || s == "无" || s == "no" || s == "false" || s == "n");
}

Input load_input(store::Store& main, store::Store* second) {
  Input in;
  in.meta = main.meta();
  // One task per table, largest first; each connection takes the next task until none is left.
  const std::vector<std::function<void(store::Store&)>> tasks = {
      [&](store::Store& s) {
        // vacant_since and vacancy_type are newer columns: read when the database has them.
        const bool dated = s.has_table("buildings") && has_column(s, "buildings", "vacant_since");
        std::vector<std::string> cols = {"building_id", "use", "floor_area", "vacant_area"};
        if (dated) cols.insert(cols.end(), {"vacant_since", "vacancy_type"});
        reserve_for(s, "buildings", in.buildings);
        read(s, "buildings", cols, true, [&](const Row& r) {
          in.buildings.push_back({text(r.values[0]), text(r.values[1]), number(r.values[2]), number(r.values[3]),
                                  dated ? date(r.values[4]) : std::nullopt, dated ? text(r.values[5]) : std::string(),
                                  r.wkb, envelope(r)});
        });
      },
      [&](store::Store& s) {
        reserve_for(s, "parcels", in.parcels);
        read(s, "parcels",
             {"parcel_id", "zone_id", "land_use", "user_id", "supply_date", "agreed_start", "actual_start",
              "extension_date", "stop_date", "developed_m2", "required_m2", "invested_wan", "total_investment_wan",
              "land_price_wan", "gov_cause", "registered_area", "extension_approved", "resume_date", "decision_no",
              "disposal", "disposal_date", "agreed_completion", "green_m2"},
             true, [&](const Row& r) {
               ParcelRec& p = in.parcels.emplace_back();
               p.id = text(r.values[0]);
               p.zone_id = text(r.values[1]);
               p.land_use = text(r.values[2]);
               p.user_id = text(r.values[3]);
               p.idle.supply_date = date(r.values[4]);
               p.idle.agreed_start = date(r.values[5]);
               p.idle.actual_start = date(r.values[6]);
               p.idle.extension_date = date(r.values[7]);
               p.idle.stop_date = date(r.values[8]);
               p.idle.developed_m2 = number(r.values[9]);
               p.idle.required_m2 = number(r.values[10]);
               p.idle.invested_wan = number(r.values[11]);
               p.idle.total_investment_wan = number(r.values[12]);
               p.idle.land_price_wan = number(r.values[13]);
               p.idle.gov_cause = !store::is_null(r.values[14]) && truthy(text(r.values[14]));
               p.registered_area = number(r.values[15]);
               p.idle.extension_approved = date(r.values[16]);
               p.idle.resume_date = date(r.values[17]);
               p.decision_no = text(r.values[18]);
               p.idle.disposal = text(r.values[19]);
               p.idle.disposal_date = date(r.values[20]);
               p.agreed_completion = date(r.values[21]);
               p.green_m2 = number(r.values[22]);
               p.wkb = r.wkb;
               p.envelope = envelope(r);
             });
      },
      [&](store::Store& s) {
        reserve_for(s, "enterprises", in.enterprises);
        read(s, "enterprises",
             {"enterprise_id", "name", "industry", "year", "output_wan", "tax_wan", "value_added_wan", "energy_tce",
              "employees", "rnd_wan", "industry_code", "scale", "electricity_kwh", "emissions_t"},
             false, [&](const Row& r) {
               EnterpriseRec& e = in.enterprises.emplace_back();
               e.id = text(r.values[0]);
               e.name = text(r.values[1]);
               e.industry = text(r.values[2]);
               e.year = static_cast<int>(number(r.values[3]).value_or(0));
               e.output_wan = number(r.values[4]);
               e.tax_wan = number(r.values[5]);
               e.value_added_wan = number(r.values[6]);
               e.energy_tce = number(r.values[7]);
               e.employees = number(r.values[8]);
               e.rnd_wan = number(r.values[9]);
               e.industry_code = text(r.values[10]);
               e.scale = text(r.values[11]);
               e.electricity_kwh = number(r.values[12]);
               e.emissions_t = number(r.values[13]);
             });
      },
      [&](store::Store& s) {
        reserve_for(s, "tenancies", in.tenancies);
        read(s, "tenancies", {"tenancy_id", "enterprise_id", "building_id", "parcel_id", "leased_m2", "start_date", "end_date"},
             false, [&](const Row& r) {
               in.tenancies.push_back({text(r.values[0]), text(r.values[1]), text(r.values[2]), text(r.values[3]),
                                       number(r.values[4]), date(r.values[5]), date(r.values[6])});
             });
      },
      [&](store::Store& s) {
        read(s, "approvals", {"approval_id", "zone_id", "approved"}, true, [&](const Row& r) {
          in.approvals.push_back({text(r.values[0]), text(r.values[1]), date(r.values[2]), r.wkb});
        });
      },
      [&](store::Store& s) {
        read(s, "zones", {"zone_id", "park_id", "name"}, true, [&](const Row& r) {
          in.zones.push_back({text(r.values[0]), text(r.values[1]), text(r.values[2]), r.wkb});
        });
      },
      [&](store::Store& s) {
        read(s, "parks", {"park_id", "name", "county"}, true, [&](const Row& r) {
          in.parks.push_back({text(r.values[0]), text(r.values[1]), text(r.values[2]), r.wkb});
        });
      },
  };
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto reader = [&](store::Store& s) {
    try {
      for (std::size_t t = next++; t < tasks.size() && !stop; t = next++) tasks[t](s);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
  };
  if (second) {
    std::thread other(reader, std::ref(*second));
    reader(main);
    other.join();
  } else {
    reader(main);
  }
  if (failure) std::rethrow_exception(failure);
  return in;
}

}  // namespace parkgis::analysis
