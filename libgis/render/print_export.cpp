#include "libgis/render/print_export.h"

#include <QImage>
#include <QPdfWriter>
#include <filesystem>

#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/store/store.h"

namespace parkgis::render {

namespace {

namespace fs = std::filesystem;

void check_folder_of(const std::string& path) {
  const fs::path out(path);
  if (out.has_parent_path() && !fs::is_directory(out.parent_path()))
    throw DataError("cannot write " + path + ": folder " + out.parent_path().string() + " does not exist");
}

// Each document on its own page; the painter works in 1/96 inch, scaled to the writer's resolution.
void write_pdf(const std::string& path, const PrintLayout& layout, MapRenderer& renderer,
               const std::vector<MapDocument>& docs, const CancelFn& cancel) {
  check_folder_of(path);
  QPdfWriter pdf(QString::fromStdString(path));
  pdf.setPageLayout(page_layout(layout));
  pdf.setResolution(layout.dpi);
  pdf.setTitle(docs.front().title);
  pdf.setCreator(QStringLiteral("parkgis ") + PARKGIS_VERSION);
  QPainter p;
  if (!p.begin(&pdf)) throw DataError("cannot write " + path + ": check the folder is writable");
  const QSizeF units = page_units(layout);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) pdf.newPage();
    p.save();
    p.scale(layout.dpi / 96.0, layout.dpi / 96.0);
    draw_map_document(p, QRectF(QPointF(0, 0), units), renderer, docs[i], cancel);
    p.restore();
  }
  p.end();
}

void write_png(const std::string& path, const PrintLayout& layout, MapRenderer& renderer, const MapDocument& doc,
               const CancelFn& cancel) {
  check_folder_of(path);
  const QSize px = page_pixels(layout);
  QImage img(px, QImage::Format_ARGB32_Premultiplied);
  const int dpm = static_cast<int>(std::lround(layout.dpi / 0.0254));
  img.setDotsPerMeterX(dpm);
  img.setDotsPerMeterY(dpm);
  {
    QPainter p(&img);
    p.scale(layout.dpi / 96.0, layout.dpi / 96.0);
    draw_map_document(p, QRectF(QPointF(0, 0), page_units(layout)), renderer, doc, cancel);
  }
  if (!img.save(QString::fromStdString(path), "PNG"))
    throw DataError("cannot write " + path + ": check the folder is writable");
}

bool is_folder_target(const std::string& path) {
  return !path.empty() && (path.back() == '/' || fs::is_directory(path));
}

}  // namespace

std::vector<std::string> zones_of_park(store::Store& store, const std::string& park_id) {
  std::vector<std::string> out;
  store.read_table("zones", {"zone_id", "park_id"}, false, "zone_id", [&](const store::Row& r) {
    if (store::value_text(r.values[1]) == park_id) out.push_back(store::value_text(r.values[0]));
  });
  return out;
}

std::string atlas_file(const std::string& folder, const std::string& zone_id, const std::string& format) {
  std::string name = zone_id;
  for (char& c : name)
    if (c == '/' || c == '\\') c = '_';
  return (fs::path(folder) / (name + "." + format)).string();
}

void export_print(const MapExportRequest& req, const CancelFn& cancel) {
  const PrintLayout& layout = *req.print;
  if (layout.dpi < kMinDpi || layout.dpi > kMaxDpi)
    throw UsageError("--dpi must be between " + std::to_string(kMinDpi) + " and " + std::to_string(kMaxDpi));
  const bool folder = req.atlas && is_folder_target(req.out_path);
  const std::string ext = lower_extension(req.out_path);
  if (req.atlas) {
    if (req.park_id.empty()) throw UsageError("--atlas zone needs --park ID: the park whose zones get a sheet each");
    if (!folder && ext != ".pdf")
      throw UsageError("an atlas is written to a folder (-o DIR/, one file per zone) or to one PDF (-o FILE.pdf), got \"" +
                       req.out_path + "\"");
    if (folder && req.atlas_format != "pdf" && req.atlas_format != "png")
      throw UsageError("--format expects pdf or png, got \"" + req.atlas_format + "\"");
  } else if (ext != ".png" && ext != ".pdf") {
    throw UsageError("the map file must end in .png or .pdf, got \"" + req.out_path + "\"");
  }

  auto store = history::open_evaluation(req.db_path, req.as_of);
  MapRenderer renderer(*store);
  if (!req.atlas) {
    const MapDocument doc = make_document(*store, renderer, req);
    if (ext == ".png") write_png(req.out_path, layout, renderer, doc, cancel);
    else write_pdf(req.out_path, layout, renderer, {doc}, cancel);
    return;
  }
  make_document(*store, renderer, req);  // checks the park exists (DataError naming the parks)
  const std::vector<std::string> zones = zones_of_park(*store, req.park_id);
  if (zones.empty()) throw DataError("park " + req.park_id + " has no zones in " + store->location() + ": nothing to put in an atlas");
  std::vector<MapDocument> docs;
  for (const std::string& zone : zones) {
    MapExportRequest one = req;
    one.atlas = false;
    one.park_id.clear();
    one.zone_id = zone;
    docs.push_back(make_document(*store, renderer, one));
  }
  if (!folder) return write_pdf(req.out_path, layout, renderer, docs, cancel);
  std::error_code ec;
  fs::create_directories(req.out_path, ec);
  if (ec) throw DataError("cannot create folder " + req.out_path + ": " + ec.message());
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const std::string path = atlas_file(req.out_path, zones[i], req.atlas_format);
    if (req.atlas_format == "png") write_png(path, layout, renderer, docs[i], cancel);
    else write_pdf(path, layout, renderer, {docs[i]}, cancel);
  }
}

}  // namespace parkgis::render
