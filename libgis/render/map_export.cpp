#include "libgis/render/map_export.h"

#include <QDate>
#include <QImage>
#include <QPdfWriter>
#include <algorithm>
#include <filesystem>

#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/render/change_set.h"
#include "libgis/render/legend.h"
#include "libgis/render/print_export.h"
#include "libgis/store/store.h"

namespace parkgis::render {

namespace {

namespace fs = std::filesystem;

// The evaluation date of the latest analysis (table runs), else the dataset's.
std::string as_of(store::Store& store) {
  std::string out;
  if (store.has_table("runs"))
    store.read_table("runs", {"as_of"}, false, "run_id", [&](const store::Row& r) { out = store::value_text(r.values[0]); });
  if (out.empty()) {
    const auto meta = store.meta();
    if (auto it = meta.find("as_of"); it != meta.end()) out = it->second;
  }
  return out;
}

const Feature* find_feature(const FeatureSet& set, const std::string& id) {
  for (const Feature& f : set.features)
    if (f.id == id) return &f;
  return nullptr;
}

std::string ids_of(const FeatureSet& set) {
  std::string s;
  for (std::size_t i = 0; i < set.features.size() && i < 30; ++i) s += (i ? ", " : "") + set.features[i].id;
  if (set.features.size() > 30) s += ", ...";
  return s;
}

// The envelope of the selected parcels; DataError naming the ids that are not parcels.
Extent selection_extent(store::Store& store, MapRenderer& renderer, const IdSet& ids) {
  const Extent all{-1e12, -1e12, 1e12, 1e12};
  Extent e = Extent::null();
  std::size_t found = 0;
  for (const Feature& f : renderer.loader().get(LayerId::parcels, all, {}, 0)->features)
    if (ids.count(f.id)) e.include(f.shape.box), ++found;
  if (found < ids.size()) {
    std::string missing;
    const FeatureSetPtr parcels = renderer.loader().get(LayerId::parcels, all, {}, 0);
    for (const std::string& id : ids)
      if (std::none_of(parcels->features.begin(), parcels->features.end(), [&](const Feature& f) { return f.id == id; }))
        missing += (missing.empty() ? "" : ", ") + id;
    throw DataError("no parcel " + missing + " in " + store.location() + "; give parcel ids (宗地代码) as the parcels table has them");
  }
  return e;
}

}  // namespace

std::string lower_extension(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

QString default_title(const QString& dataset_name, const style::Theme& theme, Lang lang) {
  if (lang != Lang::zh || dataset_name.isEmpty()) return theme_title(theme, lang);
  return dataset_name + QStringLiteral(" · ") + theme_title(theme, lang);
}

MapDocument make_document(store::Store& store, MapRenderer& renderer, const MapExportRequest& req) {
  const style::Theme* theme = renderer.theme(req.theme_id);
  if (!theme) {
    std::string ids;
    for (const style::Theme& t : renderer.loader().themes()) ids += (ids.empty() ? "" : ", ") + t.id;
    throw UsageError("unknown theme '" + req.theme_id + "'; the themes are " + ids);
  }
  const bool zh = req.lang == Lang::zh;
  MapDocument doc;
  doc.lang = req.lang;
  doc.settings.theme_id = req.theme_id;
  doc.settings.visible = req.visible.value_or(default_visibility(req.theme_id));
  doc.settings.selection = req.selection;
  if (style::is_changes_theme(*theme) && !req.changes)
    throw UsageError("the theme " + theme->id + " compares two evaluations: give --from DATE --to DATE (earlier, later; "
                     "'parkgis runs --db " + store.location() + "' lists the dates)");
  doc.settings.label_options = req.labels;
  doc.settings.basemaps = req.basemaps;
  doc.settings.references = req.references;
  doc.attribution = req.attribution;
  for (const Basemap& b : req.basemaps)
    if (req.attribution.isEmpty() && b.visible)
      doc.attribution += (doc.attribution.isEmpty() ? QString() : QStringLiteral(" · ")) +
                         basemap_attribution(b.source, req.lang == Lang::zh);
  doc.extent = renderer.loader().data_extent();

  const auto meta = store.meta();
  const QString dataset = meta.count("name") ? QString::fromStdString(meta.at("name")) : QString();
  const FeatureSetPtr parks = renderer.loader().get(LayerId::parks, Extent::null());
  const FeatureSetPtr zones = renderer.loader().get(LayerId::zones, Extent::null());
  if (!req.zone_id.empty() || !req.park_id.empty()) {
    const bool is_zone = !req.zone_id.empty();
    const std::string& id = is_zone ? req.zone_id : req.park_id;
    const FeatureSet& set = is_zone ? *zones : *parks;
    const Feature* f = find_feature(set, id);
    if (!f)
      throw DataError(std::string(is_zone ? "no zone " : "no park ") + id + " in " + store.location() + "; the " +
                      (is_zone ? "zones" : "parks") + " are " + ids_of(set));
    doc.extent = f->shape.box;
    doc.subtitle = QStringLiteral("%1%2%3%4")
                       .arg(QString::fromStdString(f->label()), zh ? QStringLiteral("（") : QStringLiteral(" ("),
                            QString::fromStdString(f->id), zh ? QStringLiteral("）") : QStringLiteral(")"));
  } else {
    doc.subtitle = zh ? QStringLiteral("全部园区（%1 个园区，%2 个片区）").arg(parks->features.size()).arg(zones->features.size())
                      : QStringLiteral("All parks (%1 parks, %2 zones)").arg(parks->features.size()).arg(zones->features.size());
  }
  if (req.fit_selection && req.selection && !req.selection->empty() && req.zone_id.empty() && req.park_id.empty()) {
    const Extent sel = selection_extent(store, renderer, *req.selection);
    doc.extent = sel.grown(std::max(0.25, 60.0 / std::max(1.0, std::max(sel.width(), sel.height()))));
    std::vector<std::string> ids(req.selection->begin(), req.selection->end());
    std::sort(ids.begin(), ids.end());
    QString list;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i) list += (i ? QStringLiteral("、") : QString()) + QString::fromStdString(ids[i]);
    if (ids.size() > 5) list += zh ? QStringLiteral(" 等 %1 宗").arg(ids.size()) : QStringLiteral(" and %1 more").arg(ids.size() - 5);
    doc.subtitle = (zh ? QStringLiteral("宗地 ") : QStringLiteral("Parcels ")) + list;
  }
  if (req.extent) {
    doc.extent = *req.extent;
    doc.subtitle.clear();
  }
  if (!req.subtitle.isEmpty()) doc.subtitle = req.subtitle;
  if (req.selection && !req.selection->empty())
    doc.selection_label = zh ? QStringLiteral("选中宗地（%1 宗）").arg(req.selection->size())
                             : QStringLiteral("Selected parcels (%1)").arg(req.selection->size());
  if (req.print) doc.scale = req.print->scale;
  if (doc.extent.is_null()) throw DataError("database " + store.location() + " has no parks, zones or parcels to draw");
  doc.title = req.title.isEmpty() ? default_title(dataset, *theme, req.lang) : req.title;
  const QString made = req.date.empty() ? QDate::currentDate().toString(Qt::ISODate) : QString::fromStdString(req.date);
  const QString crs = QStringLiteral("EPSG:%1").arg(store.srid());
  if (style::is_changes_theme(*theme)) {
    const QString from = QString::fromStdString(req.changes->from.iso()), to = QString::fromStdString(req.changes->to.iso());
    doc.footer = zh ? QStringLiteral("评价时点 %1 → %2 · 坐标系 %3 · 制图日期 %4 · parkgis %5").arg(from, to, crs, made, PARKGIS_VERSION)
                    : QStringLiteral("Evaluations %1 → %2 · CRS %3 · made %4 · parkgis %5").arg(from, to, crs, made, PARKGIS_VERSION);
    return doc;
  }
  const QString ev = QString::fromStdString(as_of(store));
  doc.footer = zh ? QStringLiteral("评价时点 %1 · 坐标系 %2 · 制图日期 %3 · parkgis %4").arg(ev, crs, made, PARKGIS_VERSION)
                  : QStringLiteral("Evaluated as of %1 · CRS %2 · made %3 · parkgis %4").arg(ev, crs, made, PARKGIS_VERSION);
  if (doc.scale) {
    const QString n = QString::fromStdString(scale_text(*doc.scale));
    doc.footer = (zh ? QStringLiteral("比例尺 %1 · ") : QStringLiteral("Scale %1 · ")).arg(n) + doc.footer;
  }
  return doc;
}

void export_map(const MapExportRequest& req, const CancelFn& cancel) {
  if (req.print) return export_print(req, cancel);
  const std::string ext = lower_extension(req.out_path);
  if (ext != ".png" && ext != ".pdf")
    throw UsageError("the map file must end in .png or .pdf, got \"" + req.out_path + "\"");
  if (req.width < 200 || req.height < 150 || req.width > 20000 || req.height > 20000)
    throw UsageError("map size must be between 200x150 and 20000x20000 pixels");
  const fs::path out(req.out_path);
  if (out.has_parent_path() && !fs::is_directory(out.parent_path()))
    throw DataError("cannot write " + req.out_path + ": folder " + out.parent_path().string() + " does not exist");

  const std::unique_ptr<store::Store> base = store::open_store(req.db_path, req.schema);
  std::shared_ptr<const ChangeSet> changes = req.change_set;
  if (req.changes && !(changes && changes->span == *req.changes)) changes = load_change_set(*base, *req.changes);
  const auto store = history::evaluation_view(*base, req.changes ? std::optional<Date>(req.changes->to) : req.as_of);
  MapRenderer renderer(*store);
  MapDocument doc = make_document(*store, renderer, req);
  doc.settings.changes = std::move(changes);

  if (ext == ".png") {
    QImage img(req.width, req.height, QImage::Format_ARGB32_Premultiplied);
    img.setDotsPerMeterX(3780);  // 96 dpi: font pixel sizes are image pixels
    img.setDotsPerMeterY(3780);
    {
      QPainter p(&img);
      draw_map_document(p, QRectF(0, 0, req.width, req.height), renderer, doc, cancel);
    }
    if (!img.save(QString::fromStdString(req.out_path), "PNG"))
      throw DataError("cannot write " + req.out_path + ": check the folder is writable");
    return;
  }
  QPdfWriter pdf(QString::fromStdString(req.out_path));
  pdf.setResolution(96);
  pdf.setPageSize(QPageSize(QSizeF(req.width * 25.4 / 96, req.height * 25.4 / 96), QPageSize::Millimeter));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  pdf.setTitle(doc.title);
  pdf.setCreator(QStringLiteral("parkgis ") + PARKGIS_VERSION);
  QPainter p;
  if (!p.begin(&pdf)) throw DataError("cannot write " + req.out_path + ": check the folder is writable");
  draw_map_document(p, QRectF(0, 0, pdf.width(), pdf.height()), renderer, doc, cancel);
  p.end();
}

}  // namespace parkgis::render
