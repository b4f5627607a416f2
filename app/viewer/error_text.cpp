#include "app/viewer/error_text.h"

#include <QCoreApplication>

namespace parkgis::viewer {

namespace {

struct ErrorMessages {
  Q_DECLARE_TR_FUNCTIONS(ErrorMessages)
};

}  // namespace

ErrorText explain_error(const QString& message) {
  ErrorText e{{}, message};
  const auto has = [&](const char* s) { return message.contains(QLatin1String(s)); };
  if (has("does not exist; create it with")) {
    e.text = ErrorMessages::tr("The database file does not exist. To create one, use File › Open dataset folder… "
                               "and choose the folder with the park layers; to open another database, use "
                               "File › Open database….");
  } else if (has("is not a parkgis database")) {
    e.text = ErrorMessages::tr("This file is not a parkgis database. Use File › Open database… to choose a "
                               "parkgis database (.sqlite), or File › Open dataset folder… to import a folder of "
                               "park layers into a new one.");
  } else if (has("is locked by another")) {
    e.text = ErrorMessages::tr("The database is in use by another program or parkgis command. Wait until it has "
                               "finished, then open the database again (File › Open recent).");
  } else if (has("is read-only")) {
    e.text = ErrorMessages::tr("The database cannot be written (file or folder permissions). Copy it to a folder "
                               "you can write to and open the copy with File › Open database….");
  } else if (has("has no analysis results") || has("not analysed") || has("run 'parkgis analyze")) {
    e.text = ErrorMessages::tr("The database has no analysis results yet. Open it with File › Open database… and "
                               "answer Yes when the viewer offers to analyse it.");
  } else if (has("reference layer")) {
    e.text = ErrorMessages::tr("The reference layer cannot be read. Use File › Add reference layer… and choose a "
                               "shapefile (with its .prj), GeoPackage or GeoJSON that names its coordinate system.");
  } else if (has("basemap")) {
    e.text = ErrorMessages::tr("The basemap cannot be read. Use File › Add basemap… and choose a georeferenced "
                               "raster (a GeoTIFF with its coordinate system, MBTiles) or an XYZ address with "
                               "{z}/{x}/{y}.");
  } else if (has("cannot create") && has("does not exist")) {
    e.text = ErrorMessages::tr("The folder for the new database does not exist. Choose another place when "
                               "File › Open dataset folder… asks where to put the database.");
  } else {
    e.text = ErrorMessages::tr("The operation failed; the details below say what was wrong and where. Correct "
                               "the data, then open it again with File › Open dataset folder… or File › Open "
                               "database….");
  }
  return e;
}

}  // namespace parkgis::viewer
