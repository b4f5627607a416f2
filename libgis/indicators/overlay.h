#pragma once
// Building × parcel overlay: how much of each parcel is built on, and how much floor area and idle
// floor area stand on it. A building crossing a parcel line is split by area; overlapping buildings
// are not counted twice for the footprint (union). Uses an STRtree over the buildings, prepared
// parcel geometry, and a fast path for buildings wholly inside the parcel (no intersection computed).

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "libgis/geom/geos.h"
#include <optional>

#include "libgis/geom/envelope.h"

namespace parkgis::indicators {

struct BuildingInput {
  const GEOSGeometry* geometry = nullptr;  // polygonal, valid, planar metres
  double floor_area_m2 = 0;                // total floor area (0 when unknown)
  double vacant_area_m2 = 0;               // idle floor area
  bool factory = false;                    // counted in the factory figures
  double vacant_undated_m2 = 0;            // the part of vacant_area_m2 without a vacant-since date
  double vacant_idle_m2 = 0;               // the part of vacant_area_m2 of type 闲置 (used, not producing)
  bool keep_part = false;                  // list the building's floor on each parcel (ParcelOverlay::parts)
  bool office = false;                     // 行政办公及生活服务设施 (2008 control indicators)
};

// A building's floor on one parcel: floor area × footprint share.
struct BuildingPart {
  std::size_t building = 0;  // index in the caller's building list
  double floor_m2 = 0;
  friend bool operator==(const BuildingPart&, const BuildingPart&) = default;
};

struct ParcelOverlay {
  double footprint_m2 = 0;       // area(∪ buildings ∩ parcel)
  double floor_m2 = 0;           // Σ floor_area × area(b ∩ p) / area(b)
  double vacant_m2 = 0;          // Σ vacant_area × area(b ∩ p) / area(b)
  double factory_floor_m2 = 0;   // the same, factories only
  double factory_vacant_m2 = 0;
  double vacant_undated_m2 = 0;  // the part of vacant_m2 without a vacant-since date
  double vacant_idle_m2 = 0;     // the part of vacant_m2 of type 闲置
  double office_floor_m2 = 0;    // the same floor share, office and dormitory buildings only
  int buildings = 0;             // buildings with a share in the parcel
  std::vector<BuildingPart> parts;  // buildings marked keep_part, in building order

  friend bool operator==(const ParcelOverlay&, const ParcelOverlay&) = default;
};

// One result per parcel, in the order given. All geometries must belong to ctx's thread.
std::vector<ParcelOverlay> overlay_buildings(geom::Context& ctx, const std::vector<const GEOSGeometry*>& parcels,
                                             const std::vector<BuildingInput>& buildings);

// A building as ISO WKB, for the overlay on several threads: each thread parses what it needs into its
// own GEOS context, so no GEOS object is shared between threads.
struct BuildingWkb {
  std::string_view wkb;      // empty: no geometry
  double floor_area_m2 = 0;
  double vacant_area_m2 = 0;
  bool factory = false;
  bool office = false;
  std::optional<geom::Envelope> envelope = std::nullopt;  // from the store; none: a candidate for every parcel
  double vacant_undated_m2 = 0, vacant_idle_m2 = 0;       // as in BuildingInput
  bool keep_part = false;
};

// A parcel as ISO WKB with its envelope (from the store); without an envelope, every building is a
// candidate for it.
struct ParcelWkb {
  std::string_view wkb;  // empty: no geometry
  std::optional<geom::Envelope> envelope = std::nullopt;
};

// The overlay of WKB parcels and buildings, as a job that any number of threads work on at once.
// The parcels are split into spatially compact chunks (tiles of their envelopes' centres); a thread
// takes a chunk, parses its parcels and the buildings whose envelopes (read from the WKB) meet the
// chunk's envelope into a context of its own, and overlays them. The figures are the same, to the bit,
// as overlay_buildings' on the same geometry, whatever the number of threads or chunks: each parcel
// meets the same buildings, summed in the same order. The WKB must outlive the job.
class OverlayJob {
 public:
  // chunks: how many pieces to cut the parcels into (0: about one per 4,000 parcels, at least 16). The
  // envelopes are read and the chunks cut by the first thread that works on the job.
  OverlayJob(std::vector<ParcelWkb> parcels, std::vector<BuildingWkb> buildings, std::size_t chunks = 0);
  OverlayJob(const OverlayJob&) = delete;
  OverlayJob& operator=(const OverlayJob&) = delete;

  // Takes chunks until none is left (or the job is cancelled or failed). Never throws: a failure is kept
  // for results().
  void work();
  void cancel() { m_stop = true; }
  std::size_t chunks();  // how many chunks the parcels were cut into

  // One result per parcel, in the order given; call when every work() has returned. Rethrows the first
  // failure of any thread.
  std::vector<ParcelOverlay> results();

 private:
  void prepare();
  void run_chunk(geom::Context& ctx, std::size_t chunk);

  struct Chunk {
    std::vector<std::size_t> parcels;  // indices, ascending
    geom::Envelope envelope;           // of the parcels' envelopes
    bool everywhere = false;           // parcels without an envelope: every building is a candidate
  };
  std::vector<ParcelWkb> m_parcels;
  std::vector<BuildingWkb> m_buildings;
  std::size_t m_chunk_target = 0;
  std::once_flag m_prepared;
  std::vector<Chunk> m_chunks;
  std::vector<ParcelOverlay> m_out;
  std::atomic<std::size_t> m_next{0};
  std::atomic<bool> m_stop{false};
  std::mutex m_failure_mutex;
  std::exception_ptr m_failure;
};

// The overlay of WKB geometry on `threads` threads (0: the machine's cores, at most 8), the calling
// thread among them; see OverlayJob.
std::vector<ParcelOverlay> overlay_buildings_wkb(std::vector<ParcelWkb> parcels,
                                                 std::vector<BuildingWkb> buildings, unsigned threads = 0,
                                                 std::size_t chunks = 0);

// Whether a building use counts as a factory (厂房): "factory", "厂房", "工业厂房", "workshop", "车间".
bool is_factory_use(const std::string& use);

}  // namespace parkgis::indicators
