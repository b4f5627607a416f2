#include "libgis/render/basemap.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <gdal_utils.h>

#include <QFileInfo>
#include <QUrl>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "libgis/core/errors.h"
#include "libgis/core/progress.h"

namespace parkgis::render {

namespace {

namespace fs = std::filesystem;

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

struct DatasetCloser {
  void operator()(void* d) const {
    if (d) GDALClose(static_cast<GDALDatasetH>(d));
  }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

Dataset open_raster(const std::string& source) {
  register_gdal();
  return Dataset(GDALOpenEx(gdal_source(source).c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

// A CSL argument list for the GDAL utilities.
struct Args {
  std::vector<std::string> items;
  std::vector<char*> ptrs;
  char** get() {
    ptrs.clear();
    for (std::string& s : items) ptrs.push_back(s.data());
    ptrs.push_back(nullptr);
    return ptrs.data();
  }
};

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string tile_cache_folder() {
  if (const char* p = std::getenv("PARKGIS_TILE_CACHE"); p && *p) return p;
  if (const char* p = std::getenv("XDG_CACHE_HOME"); p && *p) return (fs::path(p) / "parkgis" / "tiles").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "parkgis" / "tiles").string();
  return (fs::temp_directory_path() / "parkgis-tiles").string();
}

std::string gdal_source(const std::string& source) {
  if (source.rfind("xyz:", 0) != 0) return source;
  // GDAL's TMS minidriver takes ${z}/${x}/${y}; web maps write {z}/{x}/{y}.
  std::string url = source.substr(4);
  for (const char* k : {"{z}", "{x}", "{y}"})
    for (std::size_t at = url.find(k); at != std::string::npos; at = url.find(k, at + 4))
      if (at == 0 || url[at - 1] != '$') url.insert(at, "$");
  return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + xml_escape(url) +
         "</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
         "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY><TileLevel>19</TileLevel>"
         "<TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin></DataWindow>"
         "<Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
         "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes><ZeroBlockOnServerException>true</ZeroBlockOnServerException>"
         "<Cache><Path>" + xml_escape(tile_cache_folder()) + "</Path></Cache></GDAL_WMS>";
}

void check_basemap(const std::string& source) {
  CPLErrorReset();
  const Dataset ds = open_raster(source);
  if (!ds) {
    const std::string why = CPLGetLastErrorMsg();
    throw DataError("cannot open basemap " + source + " as a raster" + (why.empty() ? "" : " (" + why + ")") +
                    "; give a GeoTIFF, MBTiles or other GDAL raster, or xyz:URL with {z}/{x}/{y}");
  }
  double gt[6];
  const char* wkt = GDALGetProjectionRef(static_cast<GDALDatasetH>(ds.get()));
  if ((!wkt || !*wkt) && GDALGetGeoTransform(static_cast<GDALDatasetH>(ds.get()), gt) != CE_None)
    throw DataError("basemap " + source + " has no coordinate system or georeferencing; georeference it (e.g. a .tfw "
                    "and .prj beside it, or gdal_translate -a_srs -a_ullr) first");
}

namespace {

// GDAL's progress callback: FALSE stops the warp when the render is no longer wanted.
int CPL_STDCALL warp_progress(double, const char*, void* data) {
  const CancelFn* cancel = static_cast<const CancelFn*>(data);
  return (*cancel)() ? FALSE : TRUE;
}

// GDAL's messages as usual, except the "User terminated" of a warp stopped on purpose.
void CPL_STDCALL quiet_when_stopped(CPLErr e, CPLErrorNum n, const char* msg) {
  if (n != CPLE_UserInterrupt) CPLDefaultErrorHandler(e, n, msg);
}

}  // namespace

QImage warp_basemap(const std::string& source, int srid, const MapTransform& t, double ratio, const CancelFn& cancel) {
  if (!t.valid() || srid <= 0) return {};
  const Dataset src = open_raster(source);
  if (!src) return {};
  GDALDatasetH in = static_cast<GDALDatasetH>(src.get());
  Dataset expanded;
  // Palette rasters: expanded to RGBA first (a VRT, in memory), so that warping interpolates colours.
  if (GDALGetRasterCount(in) == 1 && GDALGetRasterColorTable(GDALGetRasterBand(in, 1))) {
    Args a{{"-of", "VRT", "-expand", "rgba"}, {}};
    GDALTranslateOptions* o = GDALTranslateOptionsNew(a.get(), nullptr);
    expanded.reset(GDALTranslate("", in, o, nullptr));
    GDALTranslateOptionsFree(o);
    if (!expanded) return {};
    in = static_cast<GDALDatasetH>(expanded.get());
  }
  const int w = std::max(1, static_cast<int>(t.width() * ratio)), h = std::max(1, static_cast<int>(t.height() * ratio));
  const Extent e = t.extent();
  auto num = [](double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return std::string(b);
  };
  Args a{{"-of", "MEM", "-t_srs", "EPSG:" + std::to_string(srid), "-te", num(e.minx), num(e.miny), num(e.maxx),
          num(e.maxy), "-ts", std::to_string(w), std::to_string(h), "-r", "bilinear", "-dstalpha", "-ot", "Byte"}, {}};
  GDALWarpAppOptions* o = GDALWarpAppOptionsNew(a.get(), nullptr);
  if (cancel) GDALWarpAppOptionsSetProgress(o, warp_progress, const_cast<CancelFn*>(&cancel));
  int usage_error = 0;
  CPLPushErrorHandler(quiet_when_stopped);  // this thread's handler, for this warp
  const Dataset out(GDALWarp("", nullptr, 1, &in, o, &usage_error));
  CPLPopErrorHandler();
  GDALWarpAppOptionsFree(o);
  if (cancel && cancel()) throw Cancelled();
  if (!out) return {};
  GDALDatasetH d = static_cast<GDALDatasetH>(out.get());
  const int bands = GDALGetRasterCount(d);  // data bands + the alpha band
  if (bands < 2) return {};
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 4, 0);
  // Bands into R, G, B, A: gray (1 + alpha) into R, G and B; RGB(A) + alpha into their places.
  const int data = bands - 1;
  for (int c = 0; c < 4; ++c) {
    const int band = c == 3 ? bands : (data >= 3 ? c + 1 : 1);
    if (c < 3 && data >= 3 && band > data) continue;
    if (GDALRasterIO(GDALGetRasterBand(d, band), GF_Read, 0, 0, w, h, px.data() + c, w, h, GDT_Byte, 4, w * 4) != CE_None)
      return {};
  }
  QImage img(w, h, QImage::Format_RGBA8888);
  for (int y = 0; y < h; ++y) std::memcpy(img.scanLine(y), px.data() + static_cast<std::size_t>(y) * w * 4, static_cast<std::size_t>(w) * 4);
  return img.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

QString basemap_name(const std::string& source) {
  if (source.rfind("xyz:", 0) == 0) {
    const QUrl url(QString::fromStdString(source.substr(4)));
    return url.host().isEmpty() ? QStringLiteral("XYZ") : url.host();
  }
  return QFileInfo(QString::fromStdString(source)).fileName();
}

QString basemap_attribution(const std::string& source, bool zh) {
  return (zh ? QStringLiteral("底图：") : QStringLiteral("Basemap: ")) + basemap_name(source);
}

}  // namespace parkgis::render
