#pragma once
// Enterprises and who holds the land: each park's company (平台公司) holds its standard-factory parcels
// and some warehouse land; other supplied parcels are held by the firms that built on them (some hold
// two or more); a few firms are registered in a park without land or a lease. Tenants are added by
// tenancies.h, the yearly figures by figures.h.

#include <cstdint>
#include <string>
#include <string_view>

#include "libgis/generator/plan.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

// Creates enterprises with unique credit codes (统一社会信用代码, "91350900MA" + 8 digits).
class EnterpriseMaker {
 public:
  EnterpriseMaker(Plan& plan, std::uint64_t seed);
  // A new enterprise of `park` (kNone: none) in `industry` (a name from names.h, which outlives the plan),
  // named for the park's county.
  std::size_t make(Rng& rng, std::size_t park, std::string_view industry, Role role);
  // The park company of `park`.
  std::size_t make_park_company(Rng& rng, std::size_t park);
  // A valid-looking credit code registered in 福安 (350981) that no generated enterprise has: a firm
  // missing from the enterprise table.
  std::string foreign_code(std::size_t k) const;

 private:
  Plan& m_plan;
  std::uint64_t m_offset;
};

// Needs the parcels' kinds and situations. Sets parcel.enterprise and park.company and adds the park
// companies, the land holders and the firms without land to plan.enterprises.
void assign_holders(Plan& plan, std::uint64_t seed);

}  // namespace parkgis::generator
