#include "libgis/generator/kinds.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

const char* land_use_of(ParcelKind kind, Rng& rng) {
  switch (kind) {
    case ParcelKind::warehouse: return rng.chance(0.8) ? "0604" : "0508";
    case ParcelKind::utility: return "0809";
    default: return "0601";
  }
}

// The parcels [first, last) of one park.
void assign_park(Plan& plan, std::size_t first, std::size_t last, Rng& rng) {
  std::vector<std::size_t> order;
  for (std::size_t i = first; i < last; ++i)
    if (plan.parcels[i].shape != ParcelShape::bowtie) order.push_back(i);
  const std::size_t n = order.size();
  // Standard factories among the larger half of the park's parcels, at least three.
  const auto n_std = std::min<std::size_t>(
      n, std::max<std::size_t>(3, static_cast<std::size_t>(std::lround(static_cast<double>(n) * rng.uniform(0.24, 0.32)))));
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return parcel_area(plan.parcels[a]) > parcel_area(plan.parcels[b]);
  });
  std::vector<std::size_t> larger(order.begin(), order.begin() + static_cast<long>(std::max(n_std, n / 2)));
  rng.shuffle(larger);
  larger.resize(n_std);
  for (std::size_t i : larger) plan.parcels[i].kind = ParcelKind::standard_factory;
  for (std::size_t i = first; i < last; ++i) {
    ParcelPlan& p = plan.parcels[i];
    const double u = rng.uniform();
    if (p.kind != ParcelKind::standard_factory && p.shape != ParcelShape::bowtie)
      p.kind = u < 0.07 ? ParcelKind::warehouse : u < 0.09 ? ParcelKind::utility : ParcelKind::self_built;
    p.land_use = land_use_of(p.kind, rng);
  }
}

}  // namespace

void assign_kinds(Plan& plan, std::uint64_t seed) {
  Rng rng(seed, 5);
  std::size_t first = 0;
  for (std::size_t z = 0; z < plan.zones.size(); ++z) {
    const ZonePlan& zone = plan.zones[z];
    const bool park_ends = z + 1 == plan.zones.size() || plan.zones[z + 1].park != zone.park;
    if (!park_ends) continue;
    const std::size_t last = zone.first_parcel + zone.parcel_count;
    assign_park(plan, first, last, rng);
    first = last;
  }
}

}  // namespace parkgis::generator
