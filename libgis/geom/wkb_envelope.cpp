#include "libgis/geom/wkb_envelope.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace parkgis::geom {

void Envelope::expand(const Envelope& o) {
  minx = std::min(minx, o.minx);
  miny = std::min(miny, o.miny);
  maxx = std::max(maxx, o.maxx);
  maxy = std::max(maxy, o.maxy);
}

namespace {

class Reader {
 public:
  explicit Reader(std::string_view b) : m_p(reinterpret_cast<const unsigned char*>(b.data())), m_end(m_p + b.size()) {}

  bool geometry(int depth) {
    if (depth > 32) return false;
    std::uint8_t order = 0;
    if (!byte(order) || order > 1) return false;
    const bool swap = (order == 1) != (std::endian::native == std::endian::little);
    std::uint32_t type = 0;
    if (!u32(type, swap)) return false;
    int dims = 2;
    if (type & 0x80000000u) ++dims;  // EWKB Z
    if (type & 0x40000000u) ++dims;  // EWKB M
    if (type & 0x20000000u) {        // EWKB SRID
      std::uint32_t srid = 0;
      if (!u32(srid, swap)) return false;
    }
    type &= 0x0fffffffu;
    const std::uint32_t iso = type / 1000;
    if (iso == 1 || iso == 2) ++dims;
    else if (iso == 3) dims += 2;
    else if (iso != 0) return false;
    if (dims > 4) return false;
    switch (type % 1000) {
      case 1: return point(dims, swap);
      case 2: return points(dims, swap);
      case 3: {
        std::uint32_t rings = 0;
        if (!u32(rings, swap)) return false;
        for (std::uint32_t r = 0; r < rings; ++r)
          if (!points(dims, swap)) return false;
        return true;
      }
      case 4: case 5: case 6: case 7: {
        std::uint32_t n = 0;
        if (!u32(n, swap)) return false;
        for (std::uint32_t k = 0; k < n; ++k)
          if (!geometry(depth + 1)) return false;
        return true;
      }
      default: return false;
    }
  }

  bool at_end() const { return m_p == m_end; }
  bool any = false;
  Envelope env;

 private:
  bool byte(std::uint8_t& v) {
    if (m_p == m_end) return false;
    v = *m_p++;
    return true;
  }
  bool u32(std::uint32_t& v, bool swap) {
    if (m_end - m_p < 4) return false;
    std::memcpy(&v, m_p, 4);
    if (swap) v = __builtin_bswap32(v);
    m_p += 4;
    return true;
  }
  double f64(const unsigned char* p, bool swap) const {
    std::uint64_t u = 0;
    std::memcpy(&u, p, 8);
    if (swap) u = __builtin_bswap64(u);
    return std::bit_cast<double>(u);
  }
  // A WKB point with NaN coordinates is an empty point.
  bool point(int dims, bool swap) {
    if (m_end - m_p < 8 * dims) return false;
    const double x = f64(m_p, swap), y = f64(m_p + 8, swap);
    m_p += 8 * dims;
    if (std::isnan(x) && std::isnan(y)) return true;
    return add(x, y);
  }
  bool points(int dims, bool swap) {
    std::uint32_t n = 0;
    if (!u32(n, swap)) return false;
    const std::size_t stride = 8 * static_cast<std::size_t>(dims);
    if (static_cast<std::size_t>(m_end - m_p) / stride < n) return false;
    for (std::uint32_t k = 0; k < n; ++k, m_p += stride)
      if (!add(f64(m_p, swap), f64(m_p + 8, swap))) return false;
    return true;
  }
  bool add(double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return false;
    if (!any) {
      env = {x, y, x, y};
      any = true;
      return true;
    }
    env.minx = std::min(env.minx, x);
    env.maxx = std::max(env.maxx, x);
    env.miny = std::min(env.miny, y);
    env.maxy = std::max(env.maxy, y);
    return true;
  }

  const unsigned char* m_p;
  const unsigned char* m_end;
};

}  // namespace

WkbExtent wkb_envelope(std::string_view wkb, Envelope& out) {
  Reader r(wkb);
  if (!r.geometry(0) || !r.at_end()) return WkbExtent::unknown;
  if (!r.any) return WkbExtent::empty;
  out = r.env;
  return WkbExtent::box;
}

}  // namespace parkgis::geom
