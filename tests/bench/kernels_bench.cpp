// Micro-benchmarks of the hot kernels (Google Benchmark): building × parcel overlay, unions of a zone's
// parcels, 批而未供 of a zone, and bulk insert into the SpatiaLite store. Run: build/tests/kernels_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "libgis/geom/geos.h"
#include "libgis/indicators/overlay.h"
#include "libgis/indicators/supply.h"
#include "libgis/store/store.h"

using namespace parkgis;

namespace {

std::string box_wkt(double x0, double y0, double x1, double y1) {
  auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
  return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}

// n × n parcels of 50 m with a 10 m road grid; three buildings per parcel, one crossing into the
// neighbour every tenth parcel.
struct Grid {
  geom::Context ctx;
  std::vector<geom::GeomPtr> parcels, buildings;
  explicit Grid(int n) {
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        const double x = i * 60.0, y = j * 60.0;
        parcels.push_back(geom::from_wkt(ctx, box_wkt(x, y, x + 50, y + 50)));
        buildings.push_back(geom::from_wkt(ctx, box_wkt(x + 5, y + 5, x + 20, y + 20)));
        buildings.push_back(geom::from_wkt(ctx, box_wkt(x + 15, y + 15, x + 30, y + 30)));  // overlaps the first
        const double w = (i * n + j) % 10 == 0 ? 20 : 8;  // crosses the parcel line now and then
        buildings.push_back(geom::from_wkt(ctx, box_wkt(x + 40, y + 30, x + 40 + w, y + 40)));
      }
  }
};

void BM_OverlayBuildings(benchmark::State& state) {
  Grid g(static_cast<int>(state.range(0)));
  std::vector<const GEOSGeometry*> parcels;
  for (auto& p : g.parcels) parcels.push_back(p.get());
  std::vector<indicators::BuildingInput> b;
  for (auto& x : g.buildings) b.push_back({x.get(), 1000, 100, true});
  for (auto _ : state) benchmark::DoNotOptimize(indicators::overlay_buildings(g.ctx, parcels, b));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(parcels.size()));
}
BENCHMARK(BM_OverlayBuildings)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_UnionParcels(benchmark::State& state) {
  // Touching parcels (a coverage) of one zone.
  geom::Context ctx;
  std::vector<geom::GeomPtr> keep;
  std::vector<const GEOSGeometry*> parts;
  const int n = static_cast<int>(state.range(0));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      keep.push_back(geom::from_wkt(ctx, box_wkt(i * 50.0, j * 50.0, i * 50.0 + 50, j * 50.0 + 50)));
      parts.push_back(keep.back().get());
    }
  for (auto _ : state) benchmark::DoNotOptimize(indicators::union_polygons(ctx, parts));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(parts.size()));
}
BENCHMARK(BM_UnionParcels)->Arg(7)->Arg(30)->Unit(benchmark::kMillisecond);

void BM_ZoneSupplyTJunctions(benchmark::State& state) {
  // One zone as the synthetic generator lays it out: blocks of two rows of parcels back to back, cut at
  // different places (T-junctions everywhere), inside one approval; every seventh parcel not supplied.
  geom::Context ctx;
  std::vector<geom::GeomPtr> keep;
  std::vector<const GEOSGeometry*> parcels;
  const int blocks = static_cast<int>(state.range(0));  // per side
  int k = 0;
  for (int bi = 0; bi < blocks; ++bi)
    for (int bj = 0; bj < blocks; ++bj)
      for (int row = 0; row < 2; ++row) {
        const double x0 = 10 + bi * 220.0, y = 10 + bj * 170.0 + row * 73.0;
        double x = x0;
        for (int c = 0; c < 6; ++c, ++k) {
          const double w = c == 5 ? x0 + 200 - x : 25.0 + (k * 37 % 23);  // cuts differ between the rows
          if (k % 7 != 3) {
            keep.push_back(geom::from_wkt(ctx, box_wkt(x, y, x + w, y + 73)));
            parcels.push_back(keep.back().get());
          }
          x += w;
        }
      }
  keep.push_back(geom::from_wkt(ctx, box_wkt(0, 0, blocks * 220.0, blocks * 170.0)));
  const GEOSGeometry* zone = keep.back().get();
  for (auto _ : state) benchmark::DoNotOptimize(indicators::zone_supply(ctx, zone, {zone}, parcels));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(parcels.size()));
}
BENCHMARK(BM_ZoneSupplyTJunctions)->Arg(2)->Arg(6)->Unit(benchmark::kMillisecond);

void BM_BulkInsert(benchmark::State& state) {
  geom::Context ctx;
  std::vector<store::Row> rows;
  for (int i = 0; i < state.range(0); ++i) {
    auto g = geom::from_wkt(ctx, "MULTIPOLYGON(((" + std::to_string(i) + " 0," + std::to_string(i + 1) + " 0," +
                                     std::to_string(i + 1) + " 1," + std::to_string(i) + " 0)))");
    rows.push_back({{store::Value{std::to_string(i)}, store::Value{double(i)}}, geom::to_wkb(ctx, g.get())});
  }
  const store::TableDef def{"t", {{"id", store::ColumnType::text}, {"v", store::ColumnType::real}}, "id", true, {}};
  const std::string path = (std::filesystem::temp_directory_path() / ("parkgis_bench_" + std::to_string(getpid()) + ".sqlite")).string();
  for (auto _ : state) {
    auto created = store::create_spatialite(path, 4549);
    created->store().begin();
    created->store().write_table(def, rows);
    created->store().commit();
    created->publish();
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BulkInsert)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
