#include "libgis/render/layer_loader.h"

#include <algorithm>

#include "libgis/core/progress.h"
#include "libgis/store/store.h"

namespace parkgis::render {

std::vector<std::uint32_t> FeatureSet::in_extent(const Extent& e) const {
  std::vector<std::uint32_t> out;
  out.reserve(features.size() / 4);
  for (std::size_t i = 0; i < features.size(); ++i)
    if (features[i].shape.box.intersects(e)) out.push_back(static_cast<std::uint32_t>(i));
  return out;
}

const ClassVector* FeatureSet::find_classes(const std::string& theme_id) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  auto it = m_classes.find(theme_id);
  return it == m_classes.end() ? nullptr : &it->second;
}

const ClassVector& FeatureSet::store_classes(const std::string& theme_id, ClassVector classes) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_classes[theme_id] = std::move(classes);  // std::map: references stay valid
}

const std::vector<std::string>* FeatureSet::find_texts(const std::string& column) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  auto it = m_texts.find(column);
  return it == m_texts.end() ? nullptr : &it->second;
}

const std::vector<std::string>& FeatureSet::store_texts(const std::string& column, std::vector<std::string> texts) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_texts[column] = std::move(texts);  // std::map: references stay valid
}

const std::unordered_map<std::string_view, std::uint32_t>& FeatureSet::index_by_id(const std::function<bool()>& cancel) const {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_by_id.empty() || features.empty()) return m_by_id;
  }
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (cancel && (i & 8191) == 8191 && cancel()) throw Cancelled();
    index.emplace(features[i].id, static_cast<std::uint32_t>(i));
  }
  std::lock_guard<std::mutex> lock(m_mutex);
  m_by_id = std::move(index);
  return m_by_id;
}

namespace {

// Theme::classify without copying text values (the categorized themes are about text columns).
int fast_classify(const style::Theme& t, const store::Value& v) {
  if (t.kind == style::Kind::categorized) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      for (std::size_t i = 0; i < t.classes.size(); ++i)
        if (t.classes[i].value == *s) return static_cast<int>(i);
      return -1;
    }
  }
  return t.classify(v);
}

}  // namespace

LayerLoader::LayerLoader(store::Store& store, std::vector<style::Theme> themes)
    : m_store(store), m_themes(std::move(themes)) {}

std::string LayerLoader::table_for(LayerId layer) {
  std::optional<std::string>& t = m_tables[static_cast<std::size_t>(layer)];
  if (!t) {
    const LayerInfo& info = layer_info(layer);
    if (m_store.has_table(info.table)) t = info.table;
    else if (*info.fallback && m_store.has_table(info.fallback)) t = info.fallback;
    else t = "";
  }
  return *t;
}

bool LayerLoader::has_column(const std::string& table, const std::string& column) {
  auto it = m_columns.find(table);
  if (it == m_columns.end()) it = m_columns.emplace(table, m_store.columns(table)).first;
  return std::find(it->second.begin(), it->second.end(), column) != it->second.end();
}

bool LayerLoader::available(LayerId layer) { return !table_for(layer).empty(); }

FeatureSetPtr LayerLoader::get(LayerId layer, const Extent& view, const CancelFn& cancel, double margin,
                               const style::Theme* theme) {
  FeatureSetPtr& cached = m_cache[static_cast<std::size_t>(layer)];
  if (cached && cached->covers(view)) return cached;
  const Extent want = view.grown(margin);
  const bool small = layer == LayerId::parks || layer == LayerId::zones;
  if (!small && !m_extent_known) data_extent();
  if (small) {
    cached = load(layer, nullptr, cancel, theme);
  } else if (!m_extent.is_null() && want.contains(m_extent)) {
    // Everything is wanted: a plain table scan, without the R*Tree subquery (which has to collect
    // every row id before the first row comes back).
    cached = load(layer, nullptr, cancel, theme);
  } else {
    cached = load(layer, &want, cancel, theme);
  }
  return cached;
}

Extent LayerLoader::data_extent() {
  if (m_extent_known) return m_data_extent;
  m_extent_known = true;  // before the parcels fallback below, which calls get()
  Extent e = Extent::null();
  for (LayerId l : {LayerId::parks, LayerId::zones}) {
    if (!available(l)) continue;
    for (const Feature& f : get(l, Extent::null())->features) e.include(f.shape.box);
  }
  if (e.is_null() && available(LayerId::parcels)) {
    // No parks or zones: every parcel, once.
    const Extent all{-1e12, -1e12, 1e12, 1e12};
    for (const Feature& f : get(LayerId::parcels, all, {}, 0)->features) e.include(f.shape.box);
  }
  // Parcels, buildings and unsupplied land lie within the zones; a little room for those that stick out.
  m_data_extent = e;
  m_extent = e.is_null() ? e : e.grown(0.02);
  return e;
}

FeatureSetPtr LayerLoader::load(LayerId layer, const Extent* extent, const CancelFn& cancel, const style::Theme* theme) {
  auto set = std::make_shared<FeatureSet>();
  set->layer = layer;
  set->table = table_for(layer);
  set->whole = extent == nullptr;
  if (extent) set->loaded = *extent;
  if (set->table.empty()) {
    set->whole = true;
    return set;
  }
  const LayerInfo& info = layer_info(layer);
  std::vector<std::string> cols = {info.id_column};
  const bool has_name = *info.label_column && has_column(set->table, info.label_column);
  if (has_name) cols.push_back(info.label_column);
  // The theme in use is read with the geometry; other themes later, by id (classes()).
  const bool with_theme = theme && theme->layer == set->table && !theme->field.empty() && has_column(set->table, theme->field);
  if (with_theme) cols.push_back(theme->field);
  ClassVector classes;

  store::Filter filter;
  if (extent) filter.bbox = store::BBox{extent->minx, extent->miny, extent->maxx, extent->maxy};
  std::size_t n = 0;
  m_store.read_table(set->table, cols, true, "", [&](const store::Row& row) {
    if (cancel && (++n & 1023) == 0 && cancel()) throw Cancelled();
    Feature f;
    f.id = store::value_text(row.values[0]);
    if (has_name) f.name = store::value_text(row.values[1]);
    f.shape = decode_wkb(row.wkb);
    if (f.shape.empty()) return;
    if (with_theme) classes.push_back(static_cast<std::int8_t>(fast_classify(*theme, row.values.back())));
    set->features.push_back(std::move(f));
  }, filter);
  if (cancel && cancel()) throw Cancelled();
  if (with_theme) set->store_classes(theme->id, std::move(classes));
  return set;
}

const ClassVector* LayerLoader::classes(const FeatureSet& set, const style::Theme& theme, const CancelFn& cancel) {
  if (theme.layer != set.table || set.table.empty()) return nullptr;
  if (const ClassVector* c = set.find_classes(theme.id)) return c;
  ClassVector out(set.features.size(), -1);
  if (theme.kind == style::Kind::single) {
    std::fill(out.begin(), out.end(), static_cast<std::int8_t>(theme.classes.empty() ? -1 : 0));
  } else if (has_column(set.table, theme.field)) {
    read_by_id(set, theme.field, cancel, [&](std::uint32_t i, const store::Value& v) {
      out[i] = static_cast<std::int8_t>(fast_classify(theme, v));
    });
  }
  return &set.store_classes(theme.id, std::move(out));
}

const std::vector<std::string>* LayerLoader::texts(const FeatureSet& set, const std::string& column, const CancelFn& cancel) {
  if (set.table.empty() || !has_column(set.table, column)) return nullptr;
  if (const std::vector<std::string>* t = set.find_texts(column)) return t;
  std::vector<std::string> out(set.features.size());
  read_by_id(set, column, cancel, [&](std::uint32_t i, const store::Value& v) { out[i] = store::value_text(v); });
  return &set.store_texts(column, std::move(out));
}

void LayerLoader::read_by_id(const FeatureSet& set, const std::string& column, const CancelFn& cancel,
                             const std::function<void(std::uint32_t, const store::Value&)>& fn) {
  if (set.features.empty()) return;
  const auto& index = set.index_by_id(cancel);
  store::Filter filter;
  if (!set.whole) filter.bbox = store::BBox{set.loaded.minx, set.loaded.miny, set.loaded.maxx, set.loaded.maxy};
  std::size_t n = 0;
  m_store.read_table(set.table, {layer_info(set.layer).id_column, column}, false, "", [&](const store::Row& row) {
    if (cancel && (++n & 4095) == 0 && cancel()) throw Cancelled();
    const auto* id = std::get_if<std::string>(&row.values[0]);
    const std::string text = id ? std::string() : store::value_text(row.values[0]);
    auto it = index.find(id ? std::string_view(*id) : std::string_view(text));
    if (it != index.end()) fn(it->second, row.values[1]);
  }, filter);
}

}  // namespace parkgis::render
