#include "libgis/generator/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
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

// Parcel counts per zone: N split over the zones with weights 0.7..1.3 (largest remainder).
std::vector<std::size_t> zone_parcel_counts(std::size_t parcels, std::size_t zones, Rng& rng) {
  std::vector<double> w(zones);
  double total = 0;
  for (double& x : w) total += (x = rng.uniform(0.7, 1.3));
  std::vector<std::size_t> counts(zones);
  std::vector<std::pair<double, std::size_t>> rest;
  std::size_t used = 0;
  for (std::size_t i = 0; i < zones; ++i) {
    const double exact = static_cast<double>(parcels) * w[i] / total;
    counts[i] = static_cast<std::size_t>(exact);
    used += counts[i];
    rest.emplace_back(exact - static_cast<double>(counts[i]), i);
  }
  std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; used < parcels; ++k, ++used) ++counts[rest[k % zones].second];
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
  const double road = static_cast<double>(rng.range(20, 30));
  const double margin = static_cast<double>(rng.range(30, 60));
  const double depth = static_cast<double>(rng.range(70, 130));
  const double block_w = static_cast<double>(rng.range(280, 420));
  const double block_h = 2 * depth;

  std::vector<Block> blocks;
  std::size_t remaining = parcel_count;
  while (remaining > 0) {
    Block b;
    for (int row = 0; row < 2; ++row) {
      const long k = std::clamp(std::lround(block_w / rng.uniform(65, 110)), 2L, 6L);
      std::vector<double> w(static_cast<std::size_t>(k));
      double sum = 0;
      for (double& x : w) sum += (x = rng.uniform(0.7, 1.3));
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

  // Empty blocks: approved land without parcels (批而未供).
  const std::size_t with_parcels = blocks.size();
  const std::size_t empty = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::lround(static_cast<double>(with_parcels) * rng.uniform(0.08, 0.2))));
  const std::size_t total = with_parcels + empty;
  const auto cols = static_cast<std::size_t>(std::max(
      1L, std::lround(std::sqrt(static_cast<double>(total) * (block_h + road) / (block_w + road)))));
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
    const double x0 = margin + static_cast<double>(c0) * (block_w + road) - (c0 == 0 ? 10 : road / 2);
    const double x1 = margin + static_cast<double>(c1) * (block_w + road) - road + (c1 == cols ? 10 : road / 2);
    z.approvals.push_back({x0, margin - 10, x1, height - margin + 10});
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

// Hole or strip of a special parcel, centred on the parcel along its long axis.
void shape_parcel(ParcelPlan& p) {
  const Rect& r = p.rect;
  const double cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
  const bool long_x = r.width() >= r.height();
  const double len = long_x ? r.width() : r.height();
  if (p.shape == ParcelShape::hole) {
    const double side = round_to(std::clamp(0.15 * std::min(r.width(), r.height()), 6.0, 20.0), 0.1);
    p.inner = {cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2};
  } else if (p.shape == ParcelShape::multipart) {
    const double w = round_to(std::clamp(0.08 * len, 5.0, 12.0), 0.1);
    p.inner = long_x ? Rect{cx - w / 2, r.y0, cx + w / 2, r.y1} : Rect{r.x0, cy - w / 2, r.x1, cy + w / 2};
  }
}

void choose_shapes(Plan& plan, std::size_t n, Rng& rng) {
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
    if (u < 0.008) {
      p.shape = ParcelShape::hole;
      ++holes;
    } else if (u < 0.016) {
      p.shape = ParcelShape::multipart;
      ++multis;
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
    default: return p.rect.area();
  }
}

bool is_bowtie_index(std::size_t index, std::size_t parcels) {
  if (parcels == 0) return false;
  if (parcels < 1000) return index == parcels / 2;
  const std::size_t count = parcels / 1000;
  return index % 1000 == 500 && index / 1000 < count;
}

LayoutResult lay_out(Plan& plan, std::size_t parcels, std::uint64_t seed, const Date& as_of) {
  Rng rng(seed, 1);
  const std::size_t zone_count = std::max(
      kMinZones, static_cast<std::size_t>(std::lround(static_cast<double>(parcels) / kParcelsPerZone)));
  const std::vector<std::size_t> counts = zone_parcel_counts(parcels, zone_count, rng);
  const auto& cs = counties();

  // Parks: round-robin over the counties; each county's pattern gives the park's zone count.
  struct ParkZones {
    std::size_t county, round, zones;
  };
  std::vector<ParkZones> groups;
  for (std::size_t z = 0, i = 0; z < zone_count; ++i) {
    const std::size_t c = i % cs.size();
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(cs[c].zones), zone_count - z);
    groups.push_back({c, i / cs.size(), k});
    z += k;
  }
  const int park_digits = std::max(2, digits(groups.size()));

  // Zones in local coordinates, then parks in local coordinates.
  std::vector<ZoneLocal> locals;
  locals.reserve(zone_count);
  for (std::size_t z = 0; z < zone_count; ++z) locals.push_back(lay_out_zone(counts[z], rng));

  struct ParkLocal {
    Rect body;
    std::optional<Rect> top;
    std::vector<std::pair<double, double>> zone_offsets;
  };
  std::vector<ParkLocal> park_locals;
  double largest = 0;
  for (std::size_t g = 0, z = 0; g < groups.size(); ++g) {
    ParkLocal pl;
    const double gap = static_cast<double>(rng.range(80, 200));
    const double edge = static_cast<double>(rng.range(40, 80));
    const Rect& a = locals[z].rect;
    pl.zone_offsets.push_back({0, 0});
    double right = a.x1, bottom_top = a.y1;
    if (groups[g].zones >= 2) {
      const Rect& b = locals[z + 1].rect;
      pl.zone_offsets.push_back({a.x1 + gap, 0});
      right = a.x1 + gap + b.x1;
      bottom_top = std::max(a.y1, b.y1);
    }
    if (groups[g].zones >= 3) {
      const Rect& c = locals[z + 2].rect;
      const double band = bottom_top + gap / 2;
      pl.zone_offsets.push_back({0, bottom_top + gap});
      pl.body = {-edge, -edge, right + edge, band};
      pl.top = Rect{-edge, band, c.x1 + edge, bottom_top + gap + c.y1 + edge};
    } else {
      pl.body = {-edge, -edge, right + edge, bottom_top + edge};
    }
    const double w = std::max(pl.body.x1, pl.top ? pl.top->x1 : pl.body.x1) - pl.body.x0;
    const double h = (pl.top ? pl.top->y1 : pl.body.y1) - pl.body.y0;
    largest = std::max({largest, w, h});
    park_locals.push_back(std::move(pl));
    z += groups[g].zones;
  }

  // Place the parks, translate everything to EPSG:4549.
  LayoutResult result;
  result.cell_size = std::ceil((largest + 300) / 100) * 100;
  ParkGrid grid(result.cell_size);
  const std::vector<Point> seats = county_seats_gk();

  std::map<int, long> approval_numbers;  // year -> last number used
  const std::string approval_prefix = "闽政地〔";
  std::size_t z = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const ParkLocal& pl = park_locals[g];
    const County& county = cs[groups[g].county];
    const Point centre = grid.take_cell(seats[groups[g].county], groups[g].county);
    const double x1 = std::max(pl.body.x1, pl.top ? pl.top->x1 : pl.body.x1);
    const double y1 = pl.top ? pl.top->y1 : pl.body.y1;
    const double dx = std::round(centre.x - (pl.body.x0 + x1) / 2);
    const double dy = std::round(centre.y - (pl.body.y0 + y1) / 2);

    ParkPlan park;
    park.id = "YQ" + zero_padded(g + 1, park_digits);
    park.name = park_name(county, static_cast<int>(groups[g].round));
    park.county = county.full_name;
    park.county_index = static_cast<int>(groups[g].county);
    park.body = pl.body.moved(dx, dy);
    if (pl.top) park.top = pl.top->moved(dx, dy);

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
        const int year = static_cast<int>(rng.range(as_of.year - 11, as_of.year - 3));
        const long first = Date{year, 1, 1}.days_since_epoch(), last = Date{year, 12, 31}.days_since_epoch();
        ap.approved = Date::from_days_since_epoch(rng.range(first, last));
        long& number = approval_numbers[year];
        if (number == 0) number = rng.range(5, 40);
        number += rng.range(1, 6);
        ap.id = approval_prefix + std::to_string(year) + "〕" + std::to_string(number) + "号";
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
  choose_shapes(plan, parcels, rng);
  return result;
}

}  // namespace parkgis::generator
