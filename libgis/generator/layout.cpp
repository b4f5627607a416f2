#include "libgis/generator/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "libgis/generator/names.h"
#include "libgis/generator/placement.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

double round_to(double v, double step) { return std::round(v / step) * step; }


int digits(std::size_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

// n split in proportion to the weights (largest remainder; ties to the lower index).
std::vector<std::size_t> split(std::size_t n, const std::vector<double>& w) {
  double total = 0;
  for (double x : w) total += x;
  std::vector<std::size_t> counts(w.size());
  std::vector<std::pair<double, std::size_t>> rest;
  std::size_t used = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double exact = static_cast<double>(n) * w[i] / total;
    counts[i] = static_cast<std::size_t>(exact);
    used += counts[i];
    rest.emplace_back(exact - static_cast<double>(counts[i]), i);
  }
  std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; used < n; ++k, ++used) ++counts[rest[k % w.size()].second];
  return counts;
}

// One block: two rows of parcels back to back; cuts are x positions inside the block (0..width).
struct Block {
  std::vector<double> cuts[2];
  std::size_t used[2] = {0, 0};  // parcels actually created in each row
};

struct ZoneLocal {
  Rect rect;                       // zone outline, local coordinates (origin at its lower-left corner)
  std::vector<Rect> parcels;       // local coordinates
  std::vector<std::size_t> approval_of_parcel;
  std::vector<Rect> approvals;     // local coordinates
};

ZoneLocal lay_out_zone(std::size_t parcel_count, Rng& rng) {
  ZoneLocal z;
  // A 小微园 is compact: narrow estate roads, parcels of about 8-40 亩 in rows back to back.
  const double road = static_cast<double>(rng.range(14, 22));
  const double margin = static_cast<double>(rng.range(8, 16));
  const double depth = static_cast<double>(rng.range(75, 105));
  const double block_w = static_cast<double>(rng.range(230, 350));
  const double block_h = 2 * depth;

  std::vector<Block> blocks;
  std::size_t remaining = parcel_count;
  while (remaining > 0) {
    Block b;
    for (int row = 0; row < 2; ++row) {
      const long k = std::clamp(std::lround(block_w / rng.uniform(85, 140)), 1L, 4L);
      std::vector<double> w(static_cast<std::size_t>(k));
      double sum = 0;
      for (double& x : w) sum += (x = rng.uniform(0.6, 1.5));
      double acc = 0;
      b.cuts[row].push_back(0);
      for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        acc += w[i];
        b.cuts[row].push_back(round_to(block_w * acc / sum, 0.1));
      }
      b.cuts[row].push_back(block_w);
      b.used[row] = std::min(remaining, w.size());
      remaining -= b.used[row];
    }
    blocks.push_back(std::move(b));
  }

  // Approved land without parcels (批而未供): the unused cells of the last block, and in some zones a
  // whole empty block (a compact park leaves little else).
  const std::size_t with_parcels = blocks.size();
  const bool extra_block = rng.chance(0.2);
  const std::size_t empty = extra_block || with_parcels == 0 ? 1 : 0;  // a zone without parcels is one empty block
  const std::size_t total = with_parcels + empty;
  // A grid of blocks with few cells left over, not too far from square.
  std::size_t cols = 1;
  double best = 1e300;
  for (std::size_t c = 1; c <= total; ++c) {
    const std::size_t r = (total + c - 1) / c;
    const double aspect = static_cast<double>(c) * (block_w + road) / (static_cast<double>(r) * (block_h + road));
    const double score = static_cast<double>(c * r - total) + 1.5 * std::fabs(std::log(aspect));
    if (score < best) best = score, cols = c;
  }
  const std::size_t rows = (total + cols - 1) / cols;
  std::vector<std::size_t> cells(cols * rows);
  for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = i;
  rng.shuffle(cells);
  cells.resize(with_parcels);
  std::sort(cells.begin(), cells.end());

  const double width = 2 * margin + static_cast<double>(cols) * block_w + static_cast<double>(cols - 1) * road;
  const double height = 2 * margin + static_cast<double>(rows) * block_h + static_cast<double>(rows - 1) * road;
  z.rect = {0, 0, width, height};

  // Approvals: 1-3 strips of whole block columns, meeting in the middle of the roads between them.
  const std::size_t n_appr = std::min<std::size_t>(cols, static_cast<std::size_t>(rng.range(1, 3)));
  std::vector<std::size_t> approval_of_col(cols);
  for (std::size_t a = 0; a < n_appr; ++a) {
    const std::size_t c0 = a * cols / n_appr, c1 = (a + 1) * cols / n_appr;  // [c0, c1)
    for (std::size_t c = c0; c < c1; ++c) approval_of_col[c] = a;
    const double out = margin / 2;  // beyond the blocks, still inside the zone
    const double x0 = margin + static_cast<double>(c0) * (block_w + road) - (c0 == 0 ? out : road / 2);
    const double x1 = margin + static_cast<double>(c1) * (block_w + road) - road + (c1 == cols ? out : road / 2);
    z.approvals.push_back({x0, margin - out, x1, height - margin + out});
  }

  for (std::size_t bi = 0; bi < with_parcels; ++bi) {
    const std::size_t col = cells[bi] % cols, row = cells[bi] / cols;
    const double bx = margin + static_cast<double>(col) * (block_w + road);
    const double by = margin + static_cast<double>(row) * (block_h + road);
    const Block& b = blocks[bi];
    for (int r = 0; r < 2; ++r) {
      const double y0 = by + r * depth, y1 = y0 + depth;
      for (std::size_t i = 0; i < b.used[r]; ++i) {
        z.parcels.push_back({bx + b.cuts[r][i], y0, bx + b.cuts[r][i + 1], y1});
        z.approval_of_parcel.push_back(approval_of_col[col]);
      }
    }
  }
  return z;
}

// Hole or strip of a special parcel, centred on the parcel along its long axis; a multipart_hole parcel
// also gets a hole in the middle of its first part.
void shape_parcel(ParcelPlan& p) {
  const Rect& r = p.rect;
  const double cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
  const bool long_x = r.width() >= r.height();
  const double len = long_x ? r.width() : r.height();
  const auto square_hole = [](const Rect& in) {
    const double side = round_to(std::clamp(0.15 * std::min(in.width(), in.height()), 6.0, 20.0), 0.1);
    const double x = (in.x0 + in.x1) / 2, y = (in.y0 + in.y1) / 2;
    return Rect{x - side / 2, y - side / 2, x + side / 2, y + side / 2};
  };
  if (p.shape == ParcelShape::hole) {
    p.inner = square_hole(r);
  } else if (p.shape == ParcelShape::multipart || p.shape == ParcelShape::multipart_hole) {
    const double w = round_to(std::clamp(0.08 * len, 5.0, 12.0), 0.1);
    p.inner = long_x ? Rect{cx - w / 2, r.y0, cx + w / 2, r.y1} : Rect{r.x0, cy - w / 2, r.x1, cy + w / 2};
    if (p.shape == ParcelShape::multipart_hole)
      p.hole = square_hole(long_x ? Rect{r.x0, r.y0, p.inner.x0, r.y1} : Rect{r.x0, r.y0, r.x1, p.inner.y0});
  }
}

// Shares of the parcels drawn with a hole, in two parts, and in two parts with a hole (each a share of
// the parcels at least 60 m on each side).
struct ShapeShares {
  double hole, multipart, multipart_hole;
};
ShapeShares shares_of(DatasetShape shape) {
  if (shape == DatasetShape::large_zones) return {0.015, 0.015, 0.01};
  return {0.008, 0.008, 0};
}

void choose_shapes(Plan& plan, std::size_t n, DatasetShape shape, Rng& rng) {
  const ShapeShares share = shares_of(shape);
  std::size_t holes = 0, multis = 0, first_eligible = kNone, second_eligible = kNone;
  for (std::size_t i = 0; i < plan.parcels.size(); ++i) {
    ParcelPlan& p = plan.parcels[i];
    if (is_bowtie_index(i, n)) {
      p.shape = ParcelShape::bowtie;
      continue;
    }
    const double u = rng.uniform();
    if (p.rect.width() < 60 || p.rect.height() < 60) continue;
    if (first_eligible == kNone) first_eligible = i;
    else if (second_eligible == kNone) second_eligible = i;
    if (u < share.hole) {
      p.shape = ParcelShape::hole;
      ++holes;
    } else if (u < share.hole + share.multipart) {
      p.shape = ParcelShape::multipart;
      ++multis;
    } else if (u < share.hole + share.multipart + share.multipart_hole) {
      p.shape = ParcelShape::multipart_hole;
    }
  }
  // At least one of each when there is room for it.
  if (holes == 0 && first_eligible != kNone && plan.parcels[first_eligible].shape == ParcelShape::plain)
    plan.parcels[first_eligible].shape = ParcelShape::hole;
  if (multis == 0 && second_eligible != kNone && plan.parcels[second_eligible].shape == ParcelShape::plain)
    plan.parcels[second_eligible].shape = ParcelShape::multipart;
  for (ParcelPlan& p : plan.parcels) shape_parcel(p);
}

}  // namespace

double parcel_area(const ParcelPlan& p) {
  switch (p.shape) {
    case ParcelShape::hole:
    case ParcelShape::multipart: return p.rect.area() - p.inner.area();
    case ParcelShape::multipart_hole: return p.rect.area() - p.inner.area() - p.hole.area();
    default: return p.rect.area();
  }
}

bool is_bowtie_index(std::size_t index, std::size_t parcels) {
  if (parcels == 0) return false;
  if (parcels < 1000) return index == parcels / 2;
  const std::size_t count = parcels / 1000;
  return index % 1000 == 500 && index / 1000 < count;
}

namespace {

// Parks (county, round, zone count) and the parcels of each zone, in zone order.
struct ParkZones {
  std::size_t county, round, zones;
};
struct ZoneCounts {
  std::vector<ParkZones> groups;
  std::vector<std::size_t> counts;
};

// 小微园: round-robin over the counties, each county's pattern giving the park's zone count; parcels per
// park (weights 0.7..1.2, so parks range from about 300 to 900 亩 whatever their number of zones), then
// per zone of the park (weights 0.8..1.2).
ZoneCounts small_parks(std::size_t parcels, Rng& rng) {
  const std::size_t zone_count = std::max(
      kMinZones, static_cast<std::size_t>(std::lround(static_cast<double>(parcels) / kParcelsPerZone)));
  const auto& cs = counties();
  ZoneCounts zc;
  for (std::size_t z = 0, i = 0; z < zone_count; ++i) {
    const std::size_t c = i % cs.size();
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(cs[c].zones), zone_count - z);
    zc.groups.push_back({c, i / cs.size(), k});
    z += k;
  }
  std::vector<double> park_weights(zc.groups.size());
  for (double& w : park_weights) w = rng.uniform(0.7, 1.2);
  const std::vector<std::size_t> per_park = split(parcels, park_weights);
  zc.counts.reserve(zone_count);
  for (std::size_t g = 0; g < zc.groups.size(); ++g) {
    std::vector<double> w(zc.groups[g].zones);
    for (double& x : w) x = rng.uniform(0.8, 1.2);
    for (std::size_t n : split(per_park[g], w)) zc.counts.push_back(n);
  }
  return zc;
}

// Development zones: kLargeZoneParks parks of three zones (the first counties, one park each), the
// parcels split over the 21 zones with weights 0.9..1.1 (each zone about N / 21).
ZoneCounts large_zones(std::size_t parcels, Rng& rng) {
  ZoneCounts zc;
  for (std::size_t g = 0; g < kLargeZoneParks; ++g) zc.groups.push_back({g, 0, kMinZones / kLargeZoneParks});
  std::vector<double> w(kMinZones);
  for (double& x : w) x = rng.uniform(0.9, 1.1);
  zc.counts = split(parcels, w);
  return zc;
}

}  // namespace

LayoutResult lay_out(Plan& plan, std::size_t parcels, std::uint64_t seed, const Date& as_of, DatasetShape shape) {
  Rng rng(seed, 1);
  const auto& cs = counties();
  const ZoneCounts zc = shape == DatasetShape::large_zones ? large_zones(parcels, rng) : small_parks(parcels, rng);
  const std::vector<ParkZones>& groups = zc.groups;
  const std::vector<std::size_t>& counts = zc.counts;
  const std::size_t zone_count = counts.size();
  const int park_digits = std::max(2, digits(groups.size()));
  plan.parks.reserve(groups.size());
  plan.zones.reserve(zone_count);
  plan.parcels.reserve(parcels);

  // Zones in local coordinates, then parks in local coordinates.
  std::vector<ZoneLocal> locals;
  locals.reserve(zone_count);
  for (std::size_t z = 0; z < zone_count; ++z) locals.push_back(lay_out_zone(counts[z], rng));

  // Parks in local coordinates: the second zone right of the first, the third above the first, a road
  // between them; the outline is the zones grown by an edge that closes those roads.
  struct ParkLocal {
    std::vector<Rect> parts;
    std::vector<std::pair<double, double>> zone_offsets;
    Rect box;
  };
  std::vector<ParkLocal> park_locals;
  double largest = 0;
  for (std::size_t g = 0, z = 0; g < groups.size(); ++g) {
    ParkLocal pl;
    const double gap = static_cast<double>(rng.range(16, 30));  // a road between two zones
    const double edge = std::max(static_cast<double>(rng.range(10, 20)), gap / 2 + 1);
    const Rect& a = locals[z].rect;
    pl.zone_offsets.push_back({0, 0});
    if (groups[g].zones >= 2) pl.zone_offsets.push_back({a.x1 + gap, 0});
    if (groups[g].zones >= 3) {
      // Above the first zone; above the second too when it reaches over it.
      const bool over_second = locals[z + 2].rect.x1 > a.x1 + gap;
      pl.zone_offsets.push_back({0, (over_second ? std::max(a.y1, locals[z + 1].rect.y1) : a.y1) + gap});
    }
    pl.box = {1e300, 1e300, -1e300, -1e300};
    for (std::size_t k = 0; k < groups[g].zones; ++k) {
      const Rect r = locals[z + k].rect.moved(pl.zone_offsets[k].first, pl.zone_offsets[k].second).grown(edge);
      pl.parts.push_back(r);
      pl.box = {std::min(pl.box.x0, r.x0), std::min(pl.box.y0, r.y0), std::max(pl.box.x1, r.x1), std::max(pl.box.y1, r.y1)};
    }
    largest = std::max({largest, pl.box.width(), pl.box.height()});
    park_locals.push_back(std::move(pl));
    z += groups[g].zones;
  }

  // Place the parks, translate everything to EPSG:4549.
  LayoutResult result;
  result.cell_size = std::ceil((largest + 300) / 100) * 100;
  ParkGrid grid(result.cell_size);
  const std::vector<Point> seats = county_seats_gk();

  std::size_t z = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const ParkLocal& pl = park_locals[g];
    const County& county = cs[groups[g].county];
    const Point centre = grid.take_cell(seats[groups[g].county], groups[g].county);
    const double dx = std::round(centre.x - (pl.box.x0 + pl.box.x1) / 2);
    const double dy = std::round(centre.y - (pl.box.y0 + pl.box.y1) / 2);

    ParkPlan park;
    park.id = "YQ" + zero_padded(g + 1, park_digits);
    park.name = park_name(county, static_cast<int>(groups[g].round));
    park.county = county.full_name;
    park.county_index = static_cast<int>(groups[g].county);
    park.round = static_cast<int>(groups[g].round);
    for (const Rect& r : pl.parts) park.parts.push_back(r.moved(dx, dy));

    for (std::size_t k = 0; k < groups[g].zones; ++k, ++z) {
      const ZoneLocal& zl = locals[z];
      const double ox = dx + pl.zone_offsets[k].first, oy = dy + pl.zone_offsets[k].second;
      ZonePlan zone;
      zone.id = park.id + "-PQ" + std::to_string(k + 1);
      zone.name = zone_name(park.name, static_cast<int>(k));
      zone.park = plan.parks.size();
      zone.rect = zl.rect.moved(ox, oy);
      zone.first_parcel = plan.parcels.size();
      zone.parcel_count = zl.parcels.size();

      const std::size_t first_approval = plan.approvals.size();
      for (const Rect& ar : zl.approvals) {
        ApprovalPlan ap;
        ap.zone = plan.zones.size();
        ap.rect = ar.moved(ox, oy);
        // Approved over many years; attributes.cpp moves a date back when land in it was supplied earlier
        // and numbers the approvals.
        // Most approvals are old (the parks were approved before they were built), a few recent.
        const double u = rng.uniform();
        const int year = as_of.year - 14 + static_cast<int>(13.0 * u * u);
        const long first = Date{year, 1, 1}.days_since_epoch(), last = Date{year, 12, 31}.days_since_epoch();
        ap.approved = Date::from_days_since_epoch(rng.range(first, last));
        plan.approvals.push_back(std::move(ap));
      }

      const int parcel_digits = std::max(3, digits(zl.parcels.size()));
      for (std::size_t i = 0; i < zl.parcels.size(); ++i) {
        ParcelPlan p;
        p.id = zone.id + "-" + zero_padded(i + 1, parcel_digits);
        p.zone = plan.zones.size();
        p.approval = first_approval + zl.approval_of_parcel[i];
        p.rect = zl.parcels[i].moved(ox, oy);
        plan.parcels.push_back(std::move(p));
      }
      plan.zones.push_back(std::move(zone));
    }
    plan.parks.push_back(std::move(park));
  }
  choose_shapes(plan, parcels, shape, rng);
  return result;
}

}  // namespace parkgis::generator
