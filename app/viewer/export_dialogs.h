#pragma once
// File › Export map (PNG or PDF sheet with title, legend, scale bar, north arrow and date) and File ›
// Export selection for survey (through the exporter: the selected parcels with the survey columns and
// styles). Both run on a worker thread with their own store connection.

#include <QDialog>
#include <QString>
#include <functional>
#include <vector>

#include "libgis/render/map_export.h"

class QLineEdit;
class QSpinBox;

namespace parkgis::viewer {

class ExportMapDialog : public QDialog {
  Q_OBJECT
 public:
  ExportMapDialog(const QString& default_title, const QString& default_path, QWidget* parent = nullptr);
  QString title() const;
  QString path() const;
  int width_px() const;
  int height_px() const;

 private:
  QLineEdit* m_title;
  QLineEdit* m_path;
  QSpinBox* m_width;
  QSpinBox* m_height;
};

// Runs render::export_map on a worker thread; done(error or "") on the UI thread.
void export_map_async(QObject* context, render::MapExportRequest req, std::function<void(QString)> done);

// Exports the parcels `ids` of `db_path` with the survey columns to `path` (.shp, .gpkg, .geojson) on a
// worker thread; done(message, ok) on the UI thread, message listing the files written or the error.
void export_survey_async(QObject* context, const QString& db_path, const std::vector<std::string>& ids, const QString& path,
                         std::function<void(QString, bool)> done);

}  // namespace parkgis::viewer
