#include "libgis/generator/shapefile.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "libgis/core/errors.h"

namespace parkgis::generator {

namespace fs = std::filesystem;

namespace {

std::string last_gdal_error() {
  const char* msg = CPLGetLastErrorMsg();
  return msg && *msg ? msg : "unknown GDAL error";
}

// Suppresses GDAL's printing of errors while alive; errors are reported through DataError instead.
struct QuietGdal {
  QuietGdal() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

}  // namespace

ShapefileWriter::ShapefileWriter(const fs::path& file, const std::vector<FieldDef>& fields, const Date& dbf_date)
    : m_file(file), m_field_count(static_cast<int>(fields.size())) {
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj"}) {
    std::error_code ec;
    fs::path side = file;
    side.replace_extension(ext);
    fs::remove(side, ec);
    if (ec) throw DataError("cannot replace '" + side.string() + "': " + ec.message());
  }
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  if (!drv) throw DataError("GDAL has no \"ESRI Shapefile\" driver; check the GDAL installation");

  QuietGdal quiet;
  m_ds = drv->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!m_ds) throw DataError("cannot write '" + file.string() + "': " + last_gdal_error());

  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLStringList opts;
  opts.AddNameValue("ENCODING", "UTF-8");
  opts.AddNameValue("DBF_DATE_LAST_UPDATE", dbf_date.iso().c_str());
  const std::string layer_name = file.stem().string();
  m_layer = m_ds->CreateLayer(layer_name.c_str(), &srs, wkbPolygon, opts.List());
  if (!m_layer) {
    GDALClose(m_ds);
    m_ds = nullptr;
    throw DataError("cannot create the layer in '" + file.string() + "': " + last_gdal_error());
  }
  for (const FieldDef& f : fields) {
    const OGRFieldType t = f.type == 'I' ? OFTInteger : f.type == 'R' ? OFTReal : f.type == 'D' ? OFTDate : OFTString;
    OGRFieldDefn defn(f.name, t);
    if (f.width > 0) defn.SetWidth(f.width);
    if (f.precision > 0) defn.SetPrecision(f.precision);
    if (m_layer->CreateField(&defn) != OGRERR_NONE) {
      GDALClose(m_ds);
      m_ds = nullptr;
      throw DataError("cannot create field " + std::string(f.name) + " in '" + file.string() + "': " + last_gdal_error());
    }
  }
  // A no-op for shapefiles (OGRERR_UNSUPPORTED_OPERATION is fine); kept for drivers that batch writes.
  (void)!m_layer->StartTransaction();
  m_feature = OGRFeature::CreateFeature(m_layer->GetLayerDefn());
  for (int i = 0; i < m_field_count; ++i) m_feature->SetFieldNull(i);
}

ShapefileWriter::~ShapefileWriter() {
  if (m_feature) OGRFeature::DestroyFeature(m_feature);
  if (m_ds) {
    QuietGdal quiet;
    GDALClose(m_ds);
  }
}

void ShapefileWriter::set(int field, const std::string& value) { m_feature->SetField(field, value.c_str()); }

void ShapefileWriter::set(int field, int value) { m_feature->SetField(field, value); }

void ShapefileWriter::set(int field, const std::optional<double>& value) {
  if (value) m_feature->SetField(field, *value);
}

void ShapefileWriter::set(int field, const std::optional<Date>& value) {
  if (value) m_feature->SetField(field, value->year, value->month, value->day, 0, 0, 0.0f, 0);
}

void ShapefileWriter::write(OGRGeometry* geometry) {
  m_feature->SetFID(OGRNullFID);
  m_feature->SetGeometryDirectly(geometry);
  if (m_layer->CreateFeature(m_feature) != OGRERR_NONE)
    throw DataError("cannot write a feature to '" + m_file.string() + "': " + last_gdal_error());
  for (int i = 0; i < m_field_count; ++i) m_feature->SetFieldNull(i);
}

void ShapefileWriter::close() {
  if (!m_ds) return;
  QuietGdal quiet;
  (void)!m_layer->CommitTransaction();
  OGRFeature::DestroyFeature(m_feature);
  m_feature = nullptr;
  GDALDataset* ds = m_ds;
  m_ds = nullptr;
  GDALClose(ds);
  if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
    throw DataError("cannot finish writing '" + m_file.string() + "': " + last_gdal_error());
}

}  // namespace parkgis::generator
