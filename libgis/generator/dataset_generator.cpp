#include "libgis/generator/dataset_generator.h"

#include <filesystem>
#include <system_error>

#include "libgis/core/errors.h"
#include "libgis/core/timing.h"
#include "libgis/generator/attributes.h"
#include "libgis/generator/buildings.h"
#include "libgis/generator/enterprises.h"
#include "libgis/generator/figures.h"
#include "libgis/generator/kinds.h"
#include "libgis/generator/layout.h"
#include "libgis/generator/plan.h"
#include "libgis/generator/tenancies.h"
#include "libgis/generator/writer.h"

namespace parkgis::generator {

namespace fs = std::filesystem;

Summary generate_dataset(const Options& options, const ProgressFn& progress) {
  if (options.out_dir.empty()) throw DataError("generate: no output folder given");
  const fs::path dir(options.out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw DataError("cannot create the dataset folder '" + dir.string() + "': " + ec.message());
  if (!fs::is_directory(dir, ec))
    throw DataError("cannot write the dataset to '" + dir.string() + "': it exists and is not a folder");

  report_progress(progress, "laying out parks and parcels", 0.0);
  Plan plan;
  // Each step in its own timed phase (PARKGIS_TIMING=1).
  const auto step = [](const char* phase, const auto& fn) {
    PhaseTimer timer(std::string("generate: ") + phase);
    fn();
  };
  const std::uint64_t seed = options.seed;
  const Date& as_of = options.as_of;
  step("layout", [&] { lay_out(plan, options.parcels, seed, as_of, options.shape); });
  step("parcel kinds", [&] { assign_kinds(plan, seed); });
  step("parcel attributes", [&] { assign_parcel_attributes(plan, seed, as_of); });
  step("buildings", [&] { place_buildings(plan, seed, as_of, options.shape); });
  step("developed areas", [&] { match_developed_to_buildings(plan); });
  step("holders", [&] { assign_holders(plan, seed); });
  step("tenancies", [&] { let_buildings(plan, seed, as_of); });
  step("figures", [&] { assign_figures(plan, seed, as_of); });
  report_progress(progress, "laying out parks and parcels", 1.0);

  write_layers(plan, dir, options.as_of, progress);
  write_enterprises(plan, dir, progress);
  write_tenancies(plan, dir, progress);
  // Ningde in EPSG:4549 (domain brief §6.2); very large N places parks beyond it.
  bool beyond_ningde = false;
  for (const ParkPlan& p : plan.parks)
    for (const Rect& r : p.parts)
      beyond_ningde = beyond_ningde || r.x0 < 353'000 || r.x1 > 572'000 || r.y0 < 2'910'000 || r.y1 > 3'063'000;
  write_dataset_json(dir, options.as_of, beyond_ningde);

  Summary s;
  s.parks = plan.parks.size();
  s.zones = plan.zones.size();
  s.parcels = plan.parcels.size();
  s.buildings = plan.buildings.size();
  s.approvals = plan.approvals.size();
  s.enterprises = plan.enterprises.size();
  s.tenancies = plan.tenancies.size();
  return s;
}

}  // namespace parkgis::generator
