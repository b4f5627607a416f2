#pragma once
// Dates drawn around the evaluation date (as_of), in whole days; "n years" is the calendar anniversary.

#include <algorithm>

#include "libgis/core/dates.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

class DateDrawer {
 public:
  DateDrawer(Rng& rng, const Date& as_of) : m_rng(rng), m_asof(as_of) {}
  // as_of in days since the epoch.
  long t() const { return m_asof.days_since_epoch(); }
  const Date& as_of() const { return m_asof; }
  // as_of moved by whole calendar years (anniversary arithmetic), in days.
  long years(int n) const { return m_asof.plus_years(n).days_since_epoch(); }
  // A day in [lo, hi] (lo when hi < lo).
  Date in(long lo, long hi) { return Date::from_days_since_epoch(m_rng.range(lo, std::max(lo, hi))); }
  // A day between d + lo and d + hi days.
  Date plus(const Date& d, long lo, long hi) { return in(d.days_since_epoch() + lo, d.days_since_epoch() + hi); }

 private:
  Rng& m_rng;
  Date m_asof;
};

inline Date add_days(const Date& d, long days) { return Date::from_days_since_epoch(d.days_since_epoch() + days); }

}  // namespace parkgis::generator
