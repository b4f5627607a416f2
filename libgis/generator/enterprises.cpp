#include "libgis/generator/enterprises.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "libgis/generator/attributes.h"
#include "libgis/generator/names.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

double money(double v) { return std::round(v * 100) / 100; }

std::string credit_code(std::size_t index, std::uint64_t offset) {
  // 37 139 213 is coprime with 10^8, so distinct indices give distinct codes.
  const std::uint64_t n = (static_cast<std::uint64_t>(index) * 37'139'213ULL + offset) % 100'000'000ULL;
  char buf[32];
  std::snprintf(buf, sizeof buf, "91350900MA%08llu", static_cast<unsigned long long>(n));
  return buf;
}

void set_figures(EnterprisePlan& e, Rng& rng) {
  const double mu = e.land_m2 * 15.0 / 10000.0;
  const bool lead = is_leading_industry(e.industry);
  if (e.park == kNone) {
    // Rents space in a standard factory building: figures without land of its own.
    const double out = rng.uniform(300, 5000);
    e.output = money(out);
    e.tax = money(out * rng.uniform(0.01, 0.06));
    e.value_added = money(out * rng.uniform(0.18, 0.32));
    e.energy = std::round(*e.value_added / rng.uniform(0.8, 5.0) * 10) / 10;
    e.employees = rng.range(8, 120);
    e.rnd = money(out * rng.uniform(0, 0.04));
  } else if (e.producing) {
    // Tax per mu spread over two orders of magnitude (0.3..60 万元/亩): every grade occurs.
    double tax_per_mu = std::exp(rng.uniform(std::log(0.3), std::log(60.0)));
    if (lead) tax_per_mu *= 1.3;
    if (e.stalled_only) tax_per_mu *= 0.05;
    const double out = mu * tax_per_mu * rng.uniform(10, 30);
    e.output = money(out);
    e.tax = rng.chance(0.015) ? 0.0 : money(mu * tax_per_mu);
    e.value_added = money(out * rng.uniform(0.18, 0.32));
    e.energy = std::round(*e.value_added / rng.uniform(0.8, 5.0) * 10) / 10;
    e.employees = std::max(3L, std::lround(mu * rng.uniform(1.5, 8)));
    e.rnd = rng.chance(0.2) ? 0.0 : money(out * rng.uniform(0.002, 0.05));
  } else {
    // Holds land but has not started: no production, at most the land-use tax.
    e.output = 0.0;
    e.tax = rng.chance(0.3) ? 0.0 : money(mu * rng.uniform(0.2, 0.6));
    e.value_added = 0.0;
    e.energy = 0.0;
    e.employees = rng.range(0, 5);
    e.rnd = 0.0;
  }
  // Missing figures (an empty cell in the table).
  if (rng.chance(0.02)) {
    switch (rng.range(0, 4)) {
      case 0: e.value_added.reset(); break;
      case 1: e.energy.reset(); break;
      case 2: e.employees.reset(); break;
      case 3: e.rnd.reset(), e.energy.reset(); break;
      default: e.output.reset(), e.tax.reset(); break;
    }
  }
}

}  // namespace

void assign_enterprises(Plan& plan, std::uint64_t seed) {
  Rng rng(seed, 4);
  const std::uint64_t code_offset = static_cast<std::uint64_t>(rng.range(0, 99'999'999));
  const auto& cs = counties();
  auto& ents = plan.enterprises;
  ents.reserve(plan.parcels.size());

  auto create = [&](std::size_t park, int county_index, const std::string& industry) {
    EnterprisePlan e;
    e.id = credit_code(ents.size(), code_offset);
    e.industry = industry;
    e.name = enterprise_name(rng, ents.size(), cs[static_cast<std::size_t>(county_index)], industry);
    e.park = park;
    ents.push_back(std::move(e));
    return ents.size() - 1;
  };

  std::size_t current_park = kNone;
  std::vector<std::size_t> park_ents;  // enterprises created in the current park
  std::size_t without_land = 0;
  for (ParcelPlan& p : plan.parcels) {
    const std::size_t park = plan.zones[p.zone].park;
    const int county = plan.parks[park].county_index;
    if (park != current_park) {
      current_park = park;
      park_ents.clear();
    }
    if (p.situation == Situation::not_supplied) continue;
    if (p.land_use == "0809" && rng.chance(0.5)) continue;  // utilities: no enterprise recorded
    if (!park_ents.empty() && rng.chance(0.12)) {
      p.enterprise = park_ents[static_cast<std::size_t>(rng.range(0, static_cast<long>(park_ents.size()) - 1))];
    } else {
      const bool warehousing = p.land_use == "0604" || p.land_use == "0508";
      p.enterprise = create(park, county, draw_industry(rng, county, warehousing));
      park_ents.push_back(p.enterprise);
      if (rng.chance(0.015)) {
        create(kNone, county, draw_industry(rng, county, false));
        ++without_land;
      }
    }
  }
  for (; without_land < 3; ++without_land) create(kNone, 0, draw_industry(rng, 0, false));

  for (const ParcelPlan& p : plan.parcels) {
    if (p.enterprise == kNone) continue;
    EnterprisePlan& e = ents[p.enterprise];
    e.land_m2 += parcel_area(p);
    if (is_started(p.situation)) {
      e.stalled_only = e.producing ? e.stalled_only && p.situation != Situation::started
                                   : p.situation != Situation::started;
      e.producing = true;
    }
  }
  for (EnterprisePlan& e : ents) set_figures(e, rng);
}

void assign_enterprise_classes(Plan& plan, std::uint64_t seed) {
  // A typical GB/T 4754-2017 class for each industry of the sample (names.cpp).
  static const std::map<std::string, std::string> codes = {
      {"锂电新能源", "C3841"}, {"新能源汽车", "C3670"}, {"不锈钢新材料", "C3130"}, {"铜材料", "C3251"},
      {"食品加工", "C1361"},   {"机械制造", "C3421"},   {"电机电器", "C3811"},     {"纺织服装", "C1811"},
      {"生物医药", "C2720"},   {"新型建材", "C3021"},   {"电子信息", "C3971"},     {"物流仓储", "G5920"},
  };
  Rng rng(seed, 6);
  for (EnterprisePlan& e : plan.enterprises) {
    const double no_code = rng.uniform(), kwh_per_wan = rng.uniform(150, 1200), emission = rng.uniform(800, 12000);
    const bool has_emissions = rng.chance(0.7);
    const auto it = codes.find(e.industry);
    if (it != codes.end() && no_code >= 0.03) e.industry_code = it->second;
    if (e.output) e.scale = *e.output >= 2000 ? "规上" : "规下";
    if (e.output) e.electricity_kwh = std::round(*e.output * kwh_per_wan);
    if (e.scale == "规上" && e.value_added && has_emissions) e.emissions_t = money(*e.value_added / emission);
  }
}

}  // namespace parkgis::generator
