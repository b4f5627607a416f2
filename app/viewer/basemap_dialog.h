#pragma once
// File › 添加底图… (add basemap): a raster file (GeoTIFF or orthophoto in any CRS, MBTiles, any GDAL
// raster) or an XYZ tile address with {z}/{x}/{y} — e.g. 天地图 with the user's key — and the opacity.
// The XYZ addresses used are kept in the preferences (QSettings "basemaps/xyz", last used first), so a
// key is typed once. The source is checked through GDAL (render::check_basemap) before it is added.

#include <QDialog>
#include <optional>

#include "libgis/render/basemap.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace parkgis::viewer {

class BasemapDialog : public QDialog {
  Q_OBJECT
 public:
  explicit BasemapDialog(QWidget* parent = nullptr);

  // The basemap chosen (after accept()).
  std::optional<render::Basemap> choice() const;

  // The remembered XYZ addresses, last used first; remember_xyz puts one first (at most 10 kept).
  static QStringList saved_xyz_templates();
  static void remember_xyz(const QString& url);

  QRadioButton* file_choice() const { return m_file_choice; }
  QRadioButton* xyz_choice() const { return m_xyz_choice; }
  QLineEdit* file_edit() const { return m_file; }
  QComboBox* xyz_edit() const { return m_xyz; }
  QSpinBox* opacity() const { return m_opacity; }
  QString problem() const;

  // Checks the source (GDAL opens it); on a problem stays open and says what is wrong.
  void accept() override;

 private:
  QString source() const;
  QRadioButton *m_file_choice, *m_xyz_choice;
  QLineEdit* m_file;
  QComboBox* m_xyz;
  QSpinBox* m_opacity;
  QLabel* m_problem;
};

}  // namespace parkgis::viewer
