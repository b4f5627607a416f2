#include "libgis/generator/enterprises.h"

#include <cstdio>
#include <vector>

#include "libgis/generator/names.h"

namespace parkgis::generator {

namespace {

// 37 139 213 is coprime with 10^8, so distinct indices give distinct codes.
std::uint64_t scrambled(std::size_t index, std::uint64_t offset) {
  return (static_cast<std::uint64_t>(index) * 37'139'213ULL + offset) % 100'000'000ULL;
}

std::string code_text(const char* prefix, std::uint64_t n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%08llu", prefix, static_cast<unsigned long long>(n));
  return buf;
}

}  // namespace

EnterpriseMaker::EnterpriseMaker(Plan& plan, std::uint64_t seed) : m_plan(plan) {
  Rng rng(seed, 4);
  m_offset = static_cast<std::uint64_t>(rng.range(0, 99'999'999));
}

std::size_t EnterpriseMaker::make(Rng& rng, std::size_t park, std::string_view industry, Role role) {
  auto& ents = m_plan.enterprises;
  const int county_index = park == kNone ? 0 : m_plan.parks[park].county_index;
  EnterprisePlan e;
  e.id = code_text("91350900MA", scrambled(ents.size(), m_offset));
  e.industry = industry;
  e.industry_code = draw_industry_code(rng, industry);
  e.name = enterprise_name(rng, ents.size(), counties()[static_cast<std::size_t>(county_index)], industry);
  e.park = park;
  e.role = role;
  ents.push_back(std::move(e));
  return ents.size() - 1;
}

std::size_t EnterpriseMaker::make_park_company(Rng& rng, std::size_t park) {
  const std::size_t i = make(rng, park, kParkCompanyIndustry, Role::park_company);
  EnterprisePlan& e = m_plan.enterprises[i];
  const ParkPlan& p = m_plan.parks[park];
  e.name = park_company_name(counties()[static_cast<std::size_t>(p.county_index)], p.round);
  e.industry_code = kParkCompanyIndustryCode;
  return i;
}

std::string EnterpriseMaker::foreign_code(std::size_t k) const {
  return code_text("91350981MA", scrambled(k, m_offset + 12'345'678ULL));
}

void assign_holders(Plan& plan, std::uint64_t seed) {
  Rng rng(seed, 6);
  EnterpriseMaker maker(plan, seed);
  plan.enterprises.reserve(plan.parcels.size() * 3);

  std::size_t current_park = kNone;
  std::vector<std::size_t> park_holders;  // holders created in the current park
  std::size_t without_land = 0;
  for (ParcelPlan& p : plan.parcels) {
    const std::size_t park = plan.zones[p.zone].park;
    const int county = plan.parks[park].county_index;
    if (park != current_park) {
      current_park = park;
      park_holders.clear();
      plan.parks[park].company = maker.make_park_company(rng, park);
    }
    if (p.situation == Situation::not_supplied || p.kind == ParcelKind::utility) continue;
    const bool company_land =
        p.kind == ParcelKind::standard_factory || (p.kind == ParcelKind::warehouse && rng.chance(0.35));
    if (company_land) {
      p.enterprise = plan.parks[park].company;
    } else if (!park_holders.empty() && rng.chance(0.12)) {
      p.enterprise = park_holders[static_cast<std::size_t>(rng.range(0, static_cast<long>(park_holders.size()) - 1))];
    } else {
      const bool warehousing = p.kind == ParcelKind::warehouse;
      p.enterprise = maker.make(rng, park, draw_industry(rng, county, warehousing), Role::holder);
      park_holders.push_back(p.enterprise);
      if (rng.chance(0.015)) {
        maker.make(rng, park, draw_industry(rng, county, false), Role::no_land);
        ++without_land;
      }
    }
  }
  for (; without_land < 2; ++without_land) maker.make(rng, 0, draw_industry(rng, 0, false), Role::no_land);
}

}  // namespace parkgis::generator
