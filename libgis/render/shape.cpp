#include "libgis/render/shape.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace parkgis::render {

bool Shape::has_holes() const {
  for (std::size_t i = 0; i < outer.size(); ++i)
    if (!outer[i]) return true;
  return false;
}

namespace {

class WkbReader {
 public:
  explicit WkbReader(std::string_view b) : m_b(b) {}
  bool ok() const { return m_ok; }

  std::uint32_t u32(bool little) {
    if (!need(4)) return 0;
    unsigned char c[4];
    std::memcpy(c, m_b.data() + m_pos, 4);
    m_pos += 4;
    return little ? (std::uint32_t(c[0]) | std::uint32_t(c[1]) << 8 | std::uint32_t(c[2]) << 16 | std::uint32_t(c[3]) << 24)
                  : (std::uint32_t(c[3]) | std::uint32_t(c[2]) << 8 | std::uint32_t(c[1]) << 16 | std::uint32_t(c[0]) << 24);
  }
  double f64(bool little) {
    if (!need(8)) return 0;
    unsigned char c[8];
    std::memcpy(c, m_b.data() + m_pos, 8);
    m_pos += 8;
    constexpr bool host_little = std::endian::native == std::endian::little;
    if (little != host_little)
      for (int i = 0; i < 4; ++i) std::swap(c[i], c[7 - i]);
    double d;
    std::memcpy(&d, c, 8);
    return d;
  }
  int byte() {
    if (!need(1)) return 0;
    return static_cast<unsigned char>(m_b[m_pos++]);
  }
  void skip(std::size_t n) {
    if (need(n)) m_pos += n;
  }

  // Reads a geometry header: byte order, base type (1..7) and the number of ordinates per vertex.
  bool header(bool& little, int& base, int& dims) {
    little = byte() == 1;
    std::uint32_t t = u32(little);
    dims = 2;
    if (t & 0x20000000u) skip(4);  // EWKB SRID
    if (t & 0x80000000u) ++dims;   // EWKB Z
    if (t & 0x40000000u) ++dims;   // EWKB M
    t &= 0x0fffffffu;
    const std::uint32_t iso = t / 1000;
    if (iso == 1 || iso == 2) dims = 3;
    if (iso == 3) dims = 4;
    base = static_cast<int>(t % 1000);
    return m_ok;
  }

 private:
  bool need(std::size_t n) {
    if (m_pos + n > m_b.size()) m_ok = false;
    return m_ok;
  }
  std::string_view m_b;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

bool read_polygon(WkbReader& r, bool little, int dims, Shape& s) {
  const std::uint32_t nrings = r.u32(little);
  for (std::uint32_t i = 0; i < nrings && r.ok(); ++i) {
    const std::uint32_t n = r.u32(little);
    if (!r.ok() || n > (1u << 26)) return false;
    for (std::uint32_t k = 0; k < n && r.ok(); ++k) {
      const double x = r.f64(little), y = r.f64(little);
      for (int d = 2; d < dims; ++d) r.f64(little);
      s.pts.push_back({x, y});
      s.box.include(x, y);
    }
    s.ring_end.push_back(static_cast<std::uint32_t>(s.pts.size()));
    s.outer.push_back(i == 0);
  }
  return r.ok();
}

}  // namespace

Shape decode_wkb(std::string_view wkb) {
  Shape s;
  if (wkb.empty()) return s;
  WkbReader r(wkb);
  bool little = true;
  int base = 0, dims = 2;
  if (!r.header(little, base, dims)) return {};
  bool good = false;
  if (base == 3) {
    good = read_polygon(r, little, dims, s);
  } else if (base == 6) {
    const std::uint32_t n = r.u32(little);
    good = r.ok();
    for (std::uint32_t i = 0; i < n && good; ++i) {
      bool l2 = true;
      int b2 = 0, d2 = 2;
      good = r.header(l2, b2, d2) && b2 == 3 && read_polygon(r, l2, d2, s);
    }
  }
  return good ? s : Shape{};
}

bool contains(const Shape& s, double x, double y) {
  if (!s.box.contains(x, y)) return false;
  bool in = false;
  for (std::size_t r = 0; r < s.rings(); ++r) {
    const std::uint32_t b = s.ring_begin(r), e = s.ring_end[r];
    if (e - b < 3) continue;
    for (std::uint32_t i = b, j = e - 1; i < e; j = i++) {
      const Point& p = s.pts[i];
      const Point& q = s.pts[j];
      if ((p.y > y) != (q.y > y) && x < (q.x - p.x) * (y - p.y) / (q.y - p.y) + p.x) in = !in;
    }
  }
  return in;
}

namespace {

bool segments_cross(Point a, Point b, Point c, Point d) {
  const auto orient = [](Point p, Point q, Point r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); };
  const double d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

}  // namespace

bool intersects(const Shape& s, const Extent& box) {
  if (!s.box.intersects(box)) return false;
  if (box.contains(s.box)) return true;
  for (const Point& p : s.pts)
    if (box.contains(p.x, p.y)) return true;
  if (contains(s, box.cx(), box.cy())) return true;
  const Point corners[4] = {{box.minx, box.miny}, {box.maxx, box.miny}, {box.maxx, box.maxy}, {box.minx, box.maxy}};
  for (std::size_t r = 0; r < s.rings(); ++r) {
    const std::uint32_t b = s.ring_begin(r), e = s.ring_end[r];
    for (std::uint32_t i = b + 1; i < e; ++i)
      for (int k = 0; k < 4; ++k)
        if (segments_cross(s.pts[i - 1], s.pts[i], corners[k], corners[(k + 1) % 4])) return true;
  }
  return false;
}

namespace {

double ring_signed_area(const Shape& s, std::size_t r, double* cx = nullptr, double* cy = nullptr) {
  const std::uint32_t b = s.ring_begin(r), e = s.ring_end[r];
  double a = 0, sx = 0, sy = 0;
  if (e - b < 3) return 0;
  const Point o = s.pts[b];  // relative to the first vertex, for precision with large coordinates
  for (std::uint32_t i = b, j = e - 1; i < e; j = i++) {
    const double x0 = s.pts[j].x - o.x, y0 = s.pts[j].y - o.y, x1 = s.pts[i].x - o.x, y1 = s.pts[i].y - o.y;
    const double c = x0 * y1 - x1 * y0;
    a += c;
    sx += (x0 + x1) * c;
    sy += (y0 + y1) * c;
  }
  a /= 2;
  if (cx && cy && a != 0) {
    *cx = o.x + sx / (6 * a);
    *cy = o.y + sy / (6 * a);
  }
  return a;
}

}  // namespace

double area(const Shape& s) {
  double total = 0;
  for (std::size_t r = 0; r < s.rings(); ++r) {
    const double a = std::fabs(ring_signed_area(s, r));
    total += s.outer[r] ? a : -a;
  }
  return total;
}

Point label_point(const Shape& s) {
  if (s.empty()) return {};
  // The largest outer ring.
  std::size_t best = 0;
  double best_area = -1, cx = s.box.cx(), cy = s.box.cy();
  for (std::size_t r = 0; r < s.rings(); ++r) {
    if (!s.outer[r]) continue;
    double x = 0, y = 0;
    const double a = std::fabs(ring_signed_area(s, r, &x, &y));
    if (a > best_area) best_area = a, best = r, cx = x, cy = y;
  }
  if (contains(s, cx, cy)) return {cx, cy};
  // Concave shape: the middle of the longest inside run of the horizontal line through the ring's centre.
  const std::uint32_t b = s.ring_begin(best), e = s.ring_end[best];
  double lo = s.pts[b].y, hi = lo;
  for (std::uint32_t i = b; i < e; ++i) lo = std::min(lo, s.pts[i].y), hi = std::max(hi, s.pts[i].y);
  const double y = (lo + hi) / 2;
  std::vector<double> xs;
  for (std::uint32_t i = b, j = e - 1; i < e; j = i++) {
    const Point& p = s.pts[i];
    const Point& q = s.pts[j];
    if ((p.y > y) != (q.y > y)) xs.push_back((q.x - p.x) * (y - p.y) / (q.y - p.y) + p.x);
  }
  std::sort(xs.begin(), xs.end());
  double run = -1, mx = cx;
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
    if (xs[i + 1] - xs[i] > run) run = xs[i + 1] - xs[i], mx = (xs[i] + xs[i + 1]) / 2;
  return {mx, y};
}

}  // namespace parkgis::render
