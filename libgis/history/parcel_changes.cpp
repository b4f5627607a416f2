#include "libgis/history/parcel_changes.h"

#include <map>

#include "libgis/history/dated_view.h"
#include "libgis/store/store.h"

namespace parkgis::history {

namespace {

struct Read {
  ParcelSide side;
  std::string wkb;
};

std::map<std::string, Read> read_parcels(store::Store& store, const Date& as_of, bool with_geometry) {
  auto view = evaluation_view(store, as_of);
  const std::vector<std::string> cols = {"parcel_id",     "zone_id", "park_id",  "enterprise_name", "area_m2",
                                         "idle_status",   "supply_status", "grade", "started", "disposal",
                                         "idle_disposed"};
  std::map<std::string, Read> out;
  view->read_table("parcel_metrics", cols, with_geometry, "parcel_id", [&](const store::Row& r) {
    const auto text = [&](std::size_t i) { return store::value_text(r.values[i]); };
    const auto flag = [&](std::size_t i) { return store::value_number(r.values[i]).value_or(0) != 0; };
    Read rd;
    rd.side.zone_id = text(1);
    rd.side.park_id = text(2);
    rd.side.enterprise_name = text(3);
    rd.side.area_m2 = store::value_number(r.values[4]).value_or(0);
    rd.side.state = ParcelState{text(5), text(6), text(7), flag(8), flag(10) && is_reclaim_disposal(text(9))};
    rd.wkb = r.wkb;
    out[text(0)] = std::move(rd);
  });
  return out;
}

}  // namespace

std::vector<ChangedParcel> changed_parcels(store::Store& store, const Date& from, const Date& to, bool with_geometry) {
  const auto a = read_parcels(store, from, false);
  auto b = read_parcels(store, to, with_geometry);
  std::map<std::string, ChangedParcel> out;
  const auto consider = [&](const std::string& id, const Read* before, Read* after) {
    const auto state = [](const Read* r) { return r ? std::optional<ParcelState>(r->side.state) : std::nullopt; };
    ChangedParcel c;
    c.changes = classify_parcel(state(before), state(after));
    if (c.changes.empty()) return;
    c.parcel_id = id;
    if (before) c.from = before->side;
    if (after) {
      c.to = after->side;
      c.wkb = std::move(after->wkb);
    }
    out[id] = std::move(c);
  };
  for (const auto& [id, before] : a) {
    auto it = b.find(id);
    consider(id, &before, it == b.end() ? nullptr : &it->second);
  }
  for (auto& [id, after] : b)
    if (!a.count(id)) consider(id, nullptr, &after);
  // Removed parcels: their shape in the earlier evaluation.
  if (with_geometry) {
    bool any_removed = false;
    for (const auto& [id, c] : out) any_removed = any_removed || !c.to;
    if (any_removed) {
      const auto earlier = read_parcels(store, from, true);
      for (auto& [id, c] : out)
        if (!c.to) c.wkb = earlier.at(id).wkb;
    }
  }
  std::vector<ChangedParcel> list;
  for (auto& [id, c] : out) list.push_back(std::move(c));
  return list;
}

}  // namespace parkgis::history
