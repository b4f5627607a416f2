#include "libgis/indicators/overlay.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <thread>

namespace parkgis::indicators {

namespace {

struct Envelope {
  double x0, y0, x1, y1;
  bool overlaps(const Envelope& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Envelope envelope_of(GEOSContextHandle_t h, const GEOSGeometry* g) {
  Envelope e{};
  GEOSGeom_getXMin_r(h, g, &e.x0);
  GEOSGeom_getYMin_r(h, g, &e.y0);
  GEOSGeom_getXMax_r(h, g, &e.x1);
  GEOSGeom_getYMax_r(h, g, &e.y1);
  return e;
}

struct Piece {
  const GEOSGeometry* geometry;  // the building itself (contained) or an owned intersection
  Envelope env;
};

// A building in an STRtree: its index in the caller's list (the order of sums), its geometry and area.
struct Candidate {
  std::size_t index = 0;
  const GEOSGeometry* geometry = nullptr;
  double area = 0;  // > 0
  double floor_area_m2 = 0, vacant_area_m2 = 0;
  bool factory = false;
  double vacant_undated_m2 = 0, vacant_idle_m2 = 0;
  bool keep_part = false;
  bool office = false;
};

class Tree {
 public:
  explicit Tree(GEOSContextHandle_t h) : m_h(h), m_tree(GEOSSTRtree_create_r(h, 10)) {}
  ~Tree() { GEOSSTRtree_destroy_r(m_h, m_tree); }
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;
  // The candidates must stay where they are while the tree lives.
  void insert(const Candidate& c) { GEOSSTRtree_insert_r(m_h, m_tree, c.geometry, const_cast<Candidate*>(&c)); }
  void query(const GEOSGeometry* g, std::vector<const Candidate*>& hits) const {
    GEOSSTRtree_query_r(
        m_h, m_tree, g,
        [](void* item, void* data) {
          static_cast<std::vector<const Candidate*>*>(data)->push_back(static_cast<const Candidate*>(item));
        },
        &hits);
  }

 private:
  GEOSContextHandle_t m_h;
  GEOSSTRtree* m_tree;
};

// The overlay of one parcel with the buildings of a tree; the scratch vectors are reused between parcels.
// The one code path of both the one-thread and the chunked overlay, so that their figures agree to the bit.
class ParcelOverlayer {
 public:
  explicit ParcelOverlayer(geom::Context& ctx) : m_ctx(ctx), m_h(ctx.handle()) {}

  void run(const Tree& tree, const GEOSGeometry* parcel, ParcelOverlay& o) {
    m_hits.clear();
    tree.query(parcel, m_hits);
    if (m_hits.empty()) return;
    // Deterministic order of sums: the buildings' order in the caller's list.
    std::sort(m_hits.begin(), m_hits.end(), [](const Candidate* a, const Candidate* b) { return a->index < b->index; });
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(m_h, parcel);
    m_pieces.clear();
    m_owned.clear();
    for (const Candidate* b : m_hits) {
      double share = 0;
      const GEOSGeometry* piece = nullptr;
      if (GEOSPreparedContainsProperly_r(m_h, prepared, b->geometry) == 1) {
        share = 1.0;  // fast path: wholly inside, no overlay needed
        piece = b->geometry;
      } else if (GEOSPreparedIntersects_r(m_h, prepared, b->geometry) == 1) {
        geom::GeomPtr inter = geom::own(m_ctx, GEOSIntersection_r(m_h, parcel, b->geometry));
        const double a = geom::area(m_ctx, inter.get());
        if (a <= 0) continue;
        share = std::min(1.0, a / b->area);
        piece = inter.get();
        m_owned.push_back(std::move(inter));
      } else {
        continue;
      }
      ++o.buildings;
      o.floor_m2 += b->floor_area_m2 * share;
      o.vacant_m2 += b->vacant_area_m2 * share;
      o.vacant_undated_m2 += b->vacant_undated_m2 * share;
      o.vacant_idle_m2 += b->vacant_idle_m2 * share;
      if (b->keep_part) o.parts.push_back({b->index, b->floor_area_m2 * share});
      if (b->factory) {
        o.factory_floor_m2 += b->floor_area_m2 * share;
        o.factory_vacant_m2 += b->vacant_area_m2 * share;
      }
      if (b->office) o.office_floor_m2 += b->floor_area_m2 * share;
      m_pieces.push_back({piece, envelope_of(m_h, piece)});
    }
    GEOSPreparedGeom_destroy_r(m_h, prepared);

    // Footprint: a plain sum when no two pieces' envelopes overlap, else the area of their union.
    bool overlap = false;
    for (std::size_t i = 0; i < m_pieces.size() && !overlap; ++i)
      for (std::size_t j = i + 1; j < m_pieces.size() && !overlap; ++j) overlap = m_pieces[i].env.overlaps(m_pieces[j].env);
    if (!overlap) {
      for (const Piece& pc : m_pieces) o.footprint_m2 += geom::area(m_ctx, pc.geometry);
    } else {
      std::vector<GEOSGeometry*> clones;
      for (const Piece& pc : m_pieces) clones.push_back(GEOSGeom_clone_r(m_h, pc.geometry));
      geom::GeomPtr coll = geom::own(m_ctx, GEOSGeom_createCollection_r(m_h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                                        static_cast<unsigned>(clones.size())));
      geom::GeomPtr u = geom::own(m_ctx, GEOSUnaryUnion_r(m_h, coll.get()));
      o.footprint_m2 = geom::area(m_ctx, u.get());
    }
    m_owned.clear();
  }

 private:
  geom::Context& m_ctx;
  GEOSContextHandle_t m_h;
  std::vector<const Candidate*> m_hits;
  std::vector<Piece> m_pieces;
  std::vector<geom::GeomPtr> m_owned;
};

// Centre of an envelope, for tiling.
double cx(const geom::Envelope& e) { return e.minx / 2 + e.maxx / 2; }
double cy(const geom::Envelope& e) { return e.miny / 2 + e.maxy / 2; }

}  // namespace

bool is_factory_use(const std::string& use) {
  // ASCII letters compared without case; the Chinese names as they are.
  const auto is = [&use](std::string_view name) {
    return use.size() == name.size() && std::equal(use.begin(), use.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
           });
  };
  return is("factory") || is("workshop") || is("厂房") || is("工业厂房") || is("车间") || is("标准厂房");
}

std::vector<ParcelOverlay> overlay_buildings(geom::Context& ctx, const std::vector<const GEOSGeometry*>& parcels,
                                             const std::vector<BuildingInput>& buildings) {
  std::vector<ParcelOverlay> out(parcels.size());
  std::vector<Candidate> candidates;
  candidates.reserve(buildings.size());
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    const BuildingInput& b = buildings[i];
    if (!b.geometry) continue;
    const double a = geom::area(ctx, b.geometry);
    if (a <= 0) continue;
    candidates.push_back({i, b.geometry, a, b.floor_area_m2, b.vacant_area_m2, b.factory, b.vacant_undated_m2,
                          b.vacant_idle_m2, b.keep_part, b.office});
  }
  Tree tree(ctx.handle());
  for (const Candidate& c : candidates) tree.insert(c);
  ParcelOverlayer overlayer(ctx);
  for (std::size_t p = 0; p < parcels.size(); ++p)
    if (parcels[p]) overlayer.run(tree, parcels[p], out[p]);
  return out;
}

OverlayJob::OverlayJob(std::vector<ParcelWkb> parcels, std::vector<BuildingWkb> buildings, std::size_t chunks)
    : m_parcels(std::move(parcels)), m_buildings(std::move(buildings)), m_chunk_target(chunks), m_out(m_parcels.size()) {}

std::size_t OverlayJob::chunks() {
  std::call_once(m_prepared, [this] { prepare(); });
  return m_chunks.size();
}

void OverlayJob::prepare() {
  const std::size_t chunks = m_chunk_target;
  // Parcels without coordinates meet no building (their figures stay 0); those without an envelope go to
  // a chunk of their own that every building is a candidate for.
  std::vector<geom::Envelope> env(m_parcels.size());
  std::vector<std::size_t> boxed;
  Chunk unknown;
  unknown.everywhere = true;
  for (std::size_t i = 0; i < m_parcels.size(); ++i) {
    if (m_parcels[i].wkb.empty()) continue;
    if (m_parcels[i].envelope) {
      env[i] = *m_parcels[i].envelope;
      boxed.push_back(i);
    } else {
      unknown.parcels.push_back(i);
    }
  }

  // Tiles: vertical slices by the centres' x, each cut by the centres' y into chunks of equal count.
  if (!boxed.empty()) {
    std::size_t n = chunks == 0 ? std::max<std::size_t>(16, boxed.size() / 4000) : chunks;
    n = std::clamp<std::size_t>(n, 1, boxed.size());
    const std::size_t slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
    const auto by = [&](auto key) {
      return [&, key](std::size_t a, std::size_t b) {
        const double ka = key(env[a]), kb = key(env[b]);
        return ka < kb || (ka == kb && a < b);
      };
    };
    std::sort(boxed.begin(), boxed.end(), by(cx));
    const std::size_t per_slice = (boxed.size() + slices - 1) / slices;
    const std::size_t per_chunk = std::max<std::size_t>(1, (per_slice + slices - 1) / slices);
    for (std::size_t s0 = 0; s0 < boxed.size(); s0 += per_slice) {
      const auto first = boxed.begin() + static_cast<std::ptrdiff_t>(s0);
      const auto last = boxed.begin() + static_cast<std::ptrdiff_t>(std::min(boxed.size(), s0 + per_slice));
      std::sort(first, last, by(cy));
      for (auto c0 = first; c0 < last; c0 += static_cast<std::ptrdiff_t>(std::min<std::size_t>(per_chunk, last - c0))) {
        Chunk chunk;
        chunk.parcels.assign(c0, c0 + static_cast<std::ptrdiff_t>(std::min<std::size_t>(per_chunk, last - c0)));
        std::sort(chunk.parcels.begin(), chunk.parcels.end());
        chunk.envelope = env[chunk.parcels.front()];
        for (std::size_t p : chunk.parcels) chunk.envelope.expand(env[p]);
        m_chunks.push_back(std::move(chunk));
      }
    }
  }
  if (!unknown.parcels.empty()) m_chunks.push_back(std::move(unknown));
}

void OverlayJob::work() {
  try {
    std::call_once(m_prepared, [this] { prepare(); });
    geom::Context ctx;
    for (std::size_t c = m_next++; c < m_chunks.size() && !m_stop; c = m_next++) run_chunk(ctx, c);
  } catch (...) {
    std::lock_guard<std::mutex> lock(m_failure_mutex);
    if (!m_failure) m_failure = std::current_exception();
    m_stop = true;
  }
}

void OverlayJob::run_chunk(geom::Context& ctx, std::size_t c) {
  const Chunk& chunk = m_chunks[c];
  // Candidates: every building whose envelope meets the chunk's, a superset of what any of its parcels'
  // envelopes meets, which is what the tree's query tests; so each parcel meets the same buildings as in
  // a tree of all buildings.
  std::vector<geom::GeomPtr> geometries;
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < m_buildings.size(); ++i) {
    const BuildingWkb& candidate = m_buildings[i];
    if (candidate.wkb.empty()) continue;
    if (!chunk.everywhere && candidate.envelope && !chunk.envelope.meets(*candidate.envelope)) continue;
    geom::GeomPtr g = geom::from_wkb(ctx, m_buildings[i].wkb);
    if (!g) continue;
    const double a = geom::area(ctx, g.get());
    if (a <= 0) continue;
    const BuildingWkb& b = m_buildings[i];
    candidates.push_back({i, g.get(), a, b.floor_area_m2, b.vacant_area_m2, b.factory, b.vacant_undated_m2,
                          b.vacant_idle_m2, b.keep_part, b.office});
    geometries.push_back(std::move(g));
  }
  Tree tree(ctx.handle());
  for (const Candidate& cand : candidates) tree.insert(cand);
  ParcelOverlayer overlayer(ctx);
  for (std::size_t p : chunk.parcels) {
    if (m_stop) return;
    geom::GeomPtr parcel = geom::from_wkb(ctx, m_parcels[p].wkb);
    if (parcel) overlayer.run(tree, parcel.get(), m_out[p]);
  }
}

std::vector<ParcelOverlay> OverlayJob::results() {
  if (m_failure) std::rethrow_exception(m_failure);
  return std::move(m_out);
}

std::vector<ParcelOverlay> overlay_buildings_wkb(std::vector<ParcelWkb> parcels,
                                                 std::vector<BuildingWkb> buildings, unsigned threads,
                                                 std::size_t chunks) {
  OverlayJob job(std::move(parcels), std::move(buildings), chunks);
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, job.chunks())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&job] { job.work(); });
  job.work();
  for (std::thread& t : pool) t.join();
  return job.results();
}

}  // namespace parkgis::indicators
