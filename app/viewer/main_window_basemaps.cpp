// MainWindow: File › 添加底图… (raster basemaps, XYZ tiles) and File › 添加参考图层… (vector reference
// layers), listed under the layer check boxes (AddedLayers). The render thread warps and draws them
// through libgis/render (basemap, reference_layer); the print and export requests carry them, so the
// sheets show them and name the basemaps in the footer.
#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>
#include <QVBoxLayout>

#include "app/viewer/added_layers.h"
#include "app/viewer/basemap_dialog.h"
#include "app/viewer/language.h"
#include "app/viewer/layer_panel.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"

namespace parkgis::viewer {

void MainWindow::build_basemaps() {
  m_added = new AddedLayers(this);
  auto* box = new QWidget(this);
  auto* v = new QVBoxLayout(box);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(0);
  v->addWidget(m_layers, 1);
  v->addWidget(m_added);
  m_layer_dock->setWidget(box);
  connect(m_added, &AddedLayers::changed, this, &MainWindow::apply_added_layers);

  m_add_basemap = new QAction(this);
  m_add_basemap->setObjectName(QStringLiteral("add_basemap"));
  m_add_reference = new QAction(this);
  m_add_reference->setObjectName(QStringLiteral("add_reference"));
  connect(m_add_basemap, &QAction::triggered, this, &MainWindow::choose_and_add_basemap);
  connect(m_add_reference, &QAction::triggered, this, &MainWindow::choose_and_add_reference);
  m_file_menu->insertAction(m_export_map, m_add_basemap);
  m_file_menu->insertAction(m_export_map, m_add_reference);
  m_file_menu->insertSeparator(m_export_map);
}

void MainWindow::retranslate_basemaps() {
  if (!m_add_basemap) return;
  m_add_basemap->setText(tr("Add &basemap…"));
  m_add_reference->setText(tr("Add &reference layer…"));
  apply_added_layers();  // the attribution's language
}

void MainWindow::apply_added_layers() {
  render::RenderSettings s = m_canvas->settings();
  s.basemaps = m_added->basemaps();
  s.references = m_added->references();
  QString attribution;
  for (const render::Basemap& b : s.basemaps)
    if (b.visible && b.opacity > 0)
      attribution += (attribution.isEmpty() ? QString() : QStringLiteral(" · ")) +
                     render::basemap_attribution(b.source, map_language() == render::Lang::zh);
  m_canvas->set_attribution(attribution);
  if (s.basemaps != m_canvas->settings().basemaps || s.references != m_canvas->settings().references)
    m_canvas->set_settings(s);
}

bool MainWindow::add_basemap(const render::Basemap& basemap) {
  try {
    render::check_basemap(basemap.source);
  } catch (const std::exception& e) {
    show_error(tr("Adding the basemap failed"), QString::fromStdString(e.what()));
    return false;
  }
  m_added->add_basemap(basemap);
  return true;
}

bool MainWindow::add_reference(const QString& source) {
  try {
    render::check_reference(source.toStdString());
  } catch (const std::exception& e) {
    show_error(tr("Adding the reference layer failed"), QString::fromStdString(e.what()));
    return false;
  }
  m_added->add_reference({source.toStdString()});
  return true;
}

void MainWindow::choose_and_add_basemap() {
  BasemapDialog dlg(this);
  if (dlg.exec() != QDialog::Accepted) return;
  if (const auto b = dlg.choice()) m_added->add_basemap(*b);  // the dialog has checked it
}

void MainWindow::choose_and_add_reference() {
  const QString f = QFileDialog::getOpenFileName(
      this, tr("Add reference layer"), last_folder(QStringLiteral("reference")),
      tr("Vector data (*.shp *.gpkg *.geojson *.json *.kml *.gml *.tab *.mif *.dxf);;All files (*)"));
  if (f.isEmpty()) return;
  remember_folder(QStringLiteral("reference"), f);
  add_reference(f);
}

}  // namespace parkgis::viewer
