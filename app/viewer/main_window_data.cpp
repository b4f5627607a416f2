// MainWindow: opening databases and dataset folders, identify, selection, search and exports. Every
// store read is a job on the data thread; results come back here on the UI thread.
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include "app/viewer/export_dialogs.h"
#include "app/viewer/identify_panel.h"
#include "app/viewer/import_task.h"
#include "app/viewer/language.h"
#include "app/viewer/legend_panel.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"
#include "app/viewer/park_tree.h"
#include "app/viewer/postgis_dialog.h"
#include "libgis/store/location.h"
#include "libgis/render/legend.h"
#include "libgis/render/map_export.h"

namespace parkgis::viewer {

namespace {

struct Click {
  std::optional<ParcelInfo> info;
  std::optional<ParcelRow> row;
};

using Hover = std::optional<std::pair<std::string, render::Shape>>;

}  // namespace

void MainWindow::open_path(const QString& path) {
  if (QFileInfo(path).isDir()) open_folder(path);
  else open_database(path);
}

void MainWindow::open_database(const QString& db_path) {
  const bool server = store::is_postgres_location(db_path.toStdString());
  const QString path = server ? db_path : QFileInfo(db_path).absoluteFilePath();
  m_render->open(path);
  m_data->open(path, this, [this, path, server](const QString& error) {
    if (!error.isEmpty()) {
      m_db.clear();
      m_overview = {};
      m_tree->set_overview(m_overview);
      m_canvas->clear_image();
      show_map(false);
      retranslate();
      show_error(tr("Cannot open %1").arg(server ? QString::fromStdString(store::display_location(path.toStdString()))
                                                : QFileInfo(path).fileName()), error);
      emit open_failed(error);
      return;
    }
    m_data->post<Overview>([](store::Store& s) { return load_overview(s); }, this,
                           [this](Overview o) { opened_overview(std::move(o)); });
  });
}

void MainWindow::opened_overview(Overview o) {
  m_overview = std::move(o);
  m_db = QString::fromStdString(m_overview.path);
  m_tree->set_overview(m_overview);
  m_coords.set_epsg(m_overview.srid);
  m_identify->show_parcel(std::nullopt);
  m_selection->table_model()->clear();
  m_unit_parcels->table_model()->clear();
  m_filter_text.clear();
  m_selection->proxy()->set_unit({}, {});
  m_canvas->clear_image();
  show_map(true);
  m_canvas->set_full_extent(m_overview.extent);
  update_render_settings();
  m_canvas->zoom_full();
  add_recent(m_db);
  retranslate();
  statusBar()->showMessage(tr("%1: %2 parks, %3 zones, evaluated as of %4")
                               .arg(QString::fromStdString(m_overview.dataset_name))
                               .arg(m_overview.parks.size())
                               .arg(m_overview.zones.size())
                               .arg(QString::fromStdString(m_overview.as_of)),
                           8000);
  if (!m_overview.analysed) {
    auto* ask = new QMessageBox(QMessageBox::Question, tr("Not analysed"),
                                tr("This database has no analysis results yet, so the themes have nothing to show. "
                                   "Analyse it now?"),
                                QMessageBox::Yes | QMessageBox::No, this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this](int r) {
      if (r != QMessageBox::Yes) return;
      const QString db = m_db;
      start_analysis(this, db, [this, db](TaskOutcome outcome, const QString& message) {
        if (outcome == TaskOutcome::done) open_database(db);
        else if (outcome == TaskOutcome::failed) show_error(tr("Analysis failed"), message);
      });
    });
    ask->open();
  }
  emit database_opened(m_db);
}

void MainWindow::import_folder(const QString& folder, const QString& db_path) {
  start_import(this, folder, db_path, [this, db_path, folder](TaskOutcome outcome, const QString& message) {
    switch (outcome) {
      case TaskOutcome::done: open_database(db_path); break;
      case TaskOutcome::cancelled: statusBar()->showMessage(tr("Import cancelled; nothing was changed"), 8000); break;
      case TaskOutcome::failed:
        show_error(tr("Cannot import %1").arg(folder), message);
        emit open_failed(message);
        break;
    }
  });
}

void MainWindow::add_recent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 8) recent.removeLast();
  settings.setValue(QStringLiteral("recent"), recent);
  rebuild_recent_menu();
}

// ---- identify and selection ----

void MainWindow::on_clicked(double x, double y, double tolerance, Qt::KeyboardModifiers mods) {
  const bool toggle = mods & Qt::ShiftModifier;
  m_data->post<Click>(
      [x, y, tolerance](store::Store& s) {
        Click c;
        if (auto hit = parcel_at(s, x, y, tolerance)) {
          c.info = parcel_info(s, hit->first);
          c.row = parcel_row(s, hit->first);
        }
        return c;
      },
      this, [this, toggle](Click c) {
        m_identify->show_parcel(c.info);
        if (c.info) m_identify_dock->raise();
        ParcelTableModel* sel = m_selection->table_model();
        if (!c.row) {
          if (!toggle) clear_selection();
          return;
        }
        if (!toggle) sel->set_rows({*c.row});
        else if (!sel->remove_id(c.row->parcel_id)) sel->add_row(*c.row);
        update_render_settings();
        update_selection_tab();
        emit selection_changed(static_cast<int>(sel->rows().size()));
      });
}

void MainWindow::identify_parcel(const QString& parcel_id, bool select, bool toggle) {
  const std::string id = parcel_id.toStdString();
  m_data->post<Click>(
      [id](store::Store& s) {
        Click c;
        c.info = parcel_info(s, id);
        if (c.info) c.row = parcel_row(s, id);
        return c;
      },
      this, [this, select, toggle](Click c) {
        m_identify->show_parcel(c.info);
        if (!select || !c.row) return;
        ParcelTableModel* sel = m_selection->table_model();
        if (!toggle) sel->set_rows({*c.row});
        else if (!sel->remove_id(c.row->parcel_id)) sel->add_row(*c.row);
        update_render_settings();
        update_selection_tab();
        emit selection_changed(static_cast<int>(sel->rows().size()));
      });
}

void MainWindow::on_hovered(double x, double y, double tolerance) {
  if (m_db.isEmpty()) return;
  m_data->post<Hover>([x, y, tolerance](store::Store& s) { return parcel_at(s, x, y, tolerance); }, this,
                      [this](Hover h) {
                        m_status_hover->setText(h ? tr("Parcel %1").arg(QString::fromStdString(h->first)) : QString());
                        m_canvas->set_hover(h ? std::optional<render::Shape>(std::move(h->second)) : std::nullopt);
                      },
                      "hover");
}

void MainWindow::select_rect(const Extent& box, bool add) {
  m_data->post<std::vector<ParcelRow>>([box](store::Store& s) { return parcels_in(s, box); }, this,
                                       [this, add](std::vector<ParcelRow> rows) {
                                         ParcelTableModel* sel = m_selection->table_model();
                                         if (add) {
                                           for (ParcelRow& r : rows) sel->add_row(std::move(r));
                                         } else {
                                           sel->set_rows(std::move(rows));
                                         }
                                         update_render_settings();
                                         update_selection_tab();
                                         m_tables->setCurrentIndex(0);
                                         emit selection_changed(static_cast<int>(sel->rows().size()));
                                       });
}

void MainWindow::clear_selection() {
  m_selection->table_model()->clear();
  update_render_settings();
  update_selection_tab();
  emit selection_changed(0);
}

std::vector<std::string> MainWindow::selected_ids() const {
  std::vector<std::string> ids;
  for (const ParcelRow& r : m_selection->table_model()->rows()) ids.push_back(r.parcel_id);
  return ids;
}

void MainWindow::zoom_to_selection() {
  Extent box = Extent::null();
  for (const ParcelRow& r : m_selection->table_model()->rows()) box.include(r.box);
  if (!box.is_null()) m_canvas->zoom_to(box, 0.15);
}

// ---- parks, zones, search ----

void MainWindow::on_tree_clicked(bool, const QString& id, const QString&) { show_unit(id); }

void MainWindow::show_unit(const QString& id) {
  const auto& extents = m_tree->tree_model()->extents();
  if (auto it = extents.find(id); it != extents.end()) m_canvas->zoom_to(it->second, 0.06);
  m_tree->select_id(id);
  for (const UnitRow& z : m_overview.zones)
    if (QString::fromStdString(z.id) == id)
      return set_unit_filter(QString::fromStdString(z.park_id), id, QStringLiteral("%1 %2").arg(id, QString::fromStdString(z.name)));
  for (const UnitRow& p : m_overview.parks)
    if (QString::fromStdString(p.id) == id)
      return set_unit_filter(id, {}, QStringLiteral("%1 %2").arg(id, QString::fromStdString(p.name)));
}

void MainWindow::set_unit_filter(const QString& park_id, const QString& zone_id, const QString& label) {
  m_filter_text = label;
  m_selection->proxy()->set_unit(park_id, zone_id);
  retranslate();
  if (park_id.isEmpty() && zone_id.isEmpty()) {
    m_unit_parcels->table_model()->clear();
    return;
  }
  const std::string park = park_id.toStdString(), zone = zone_id.toStdString();
  m_data->post<std::vector<ParcelRow>>([park, zone](store::Store& s) { return parcels_of(s, park, zone); }, this,
                                       [this](std::vector<ParcelRow> rows) {
                                         m_unit_parcels->table_model()->set_rows(std::move(rows));
                                         if (m_selection->proxy()->rowCount() == 0) m_tables->setCurrentIndex(1);
                                       });
}

void MainWindow::search(const QString& text) {
  const std::string q = text.trimmed().toStdString();
  if (q.empty() || m_db.isEmpty()) return;
  m_data->post<std::vector<SearchHit>>([q](store::Store& s) { return viewer::search(s, q); }, this,
                                       [this](std::vector<SearchHit> hits) {
                                         m_hits = std::move(hits);
                                         m_search_results->clear();
                                         for (const SearchHit& h : m_hits) {
                                           QString kind;
                                           switch (h.kind) {
                                             case SearchHit::park: kind = tr("Park"); break;
                                             case SearchHit::zone: kind = tr("Zone"); break;
                                             case SearchHit::parcel: kind = tr("Parcel"); break;
                                             case SearchHit::enterprise: kind = tr("Enterprise"); break;
                                           }
                                           m_search_results->addItem(QStringLiteral("%1  %2").arg(kind, QString::fromStdString(h.text)));
                                         }
                                         if (m_hits.empty()) m_search_results->addItem(tr("Nothing found"));
                                         m_search_dock->raise();
                                         if (m_hits.size() == 1) on_search_hit(0);
                                       },
                                       "search");
}

void MainWindow::on_search_hit(int row) {
  if (row < 0 || row >= static_cast<int>(m_hits.size())) return;
  const SearchHit h = m_hits[static_cast<std::size_t>(row)];
  switch (h.kind) {
    case SearchHit::park:
    case SearchHit::zone: show_unit(QString::fromStdString(h.id)); break;
    case SearchHit::parcel: {
      const std::string id = h.id;
      m_canvas->zoom_to(h.box, 0.6);
      identify_parcel(QString::fromStdString(h.id));
      find_select_flash([id](store::Store& s) { return parcel_rows(s, {id}); }, false, false);
      break;
    }
    case SearchHit::enterprise: {
      // Its parcels (held and rented) selected and flashing, the map on them.
      const std::string id = h.id;
      m_canvas->zoom_to(h.box, 0.2);
      find_select_flash([id](store::Store& s) { return parcels_of_enterprise(s, id); }, true, false);
      break;
    }
  }
}

// ---- exports ----

void MainWindow::export_selection(const QString& path, std::function<void(QString, bool)> done) {
  const std::vector<std::string> ids = selected_ids();
  if (!done)
    done = [this](const QString& message, bool ok) {
      if (ok) QMessageBox::information(this, tr("Exported for survey"), tr("Written:\n%1").arg(message));
      else show_error(tr("Export failed"), message);
    };
  if (ids.empty()) return done(tr("No parcels are selected."), false);
  statusBar()->showMessage(tr("Exporting %1 parcels…").arg(ids.size()));
  export_survey_async(this, m_db, ids, path, [this, done](const QString& message, bool ok) {
    statusBar()->clearMessage();
    done(message, ok);
  });
}

void MainWindow::export_map(const QString& path, const QString& title, QSize size, std::function<void(QString)> done) {
  render::MapExportRequest req;
  req.db_path = m_db.toStdString();
  req.theme_id = theme().toStdString();
  req.extent = m_canvas->view().extent();
  req.width = size.width();
  req.height = size.height();
  req.title = title;
  req.lang = map_language();
  req.visible = m_canvas->settings().visible;
  req.selection = m_canvas->settings().selection;
  if (const auto& changes = m_canvas->settings().changes) {  // the changes theme: its two evaluations
    req.changes = changes->span;
    req.change_set = changes;
  }
  req.labels = m_canvas->settings().label_options;
  req.basemaps = m_canvas->settings().basemaps;
  req.references = m_canvas->settings().references;
  req.out_path = path.toStdString();
  if (!done)
    done = [this, path](const QString& error) {
      if (error.isEmpty()) statusBar()->showMessage(tr("Map written to %1").arg(path), 8000);
      else show_error(tr("Export failed"), error);
    };
  statusBar()->showMessage(tr("Exporting the map…"));
  export_map_async(this, req, std::move(done));
}

void MainWindow::choose_and_open_database() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open parkgis database"), last_folder(QStringLiteral("database")),
                                                    tr("parkgis database (*.sqlite *.db);;All files (*)"));
  if (path.isEmpty()) return;
  remember_folder(QStringLiteral("database"), path);
  open_database(path);
}

void MainWindow::connect_postgis() {
  const QString location = ask_postgis_location(this);
  if (!location.isEmpty()) open_database(location);
}

void MainWindow::choose_and_open_folder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open dataset folder"), last_folder(QStringLiteral("dataset")));
  if (folder.isEmpty()) return;
  remember_folder(QStringLiteral("dataset"), QFileInfo(folder).absolutePath());
  if (QFileInfo::exists(default_database_for(folder))) return open_folder(folder);
  // An existing file chosen here is not replaced silently either: open_folder asks.
  const QString db = QFileDialog::getSaveFileName(this, tr("Database to create"), default_database_for(folder),
                                                  tr("parkgis database (*.sqlite)"), nullptr,
                                                  QFileDialog::DontConfirmOverwrite);
  if (!db.isEmpty()) open_folder(folder, db);
}

void MainWindow::choose_and_export_map() {
  if (m_db.isEmpty()) return;
  const style::Theme* t = nullptr;
  for (const style::Theme& th : m_themes)
    if (QString::fromStdString(th.id) == theme()) t = &th;
  const QString title = t ? render::default_title(QString::fromStdString(m_overview.dataset_name), *t, map_language()) : theme();
  const QString path = QDir(last_folder(QStringLiteral("export"))).filePath(QStringLiteral("parkgis-%1.png").arg(theme()));
  ExportMapDialog dlg(title, path, this);
  if (dlg.exec() != QDialog::Accepted || dlg.path().isEmpty()) return;
  remember_folder(QStringLiteral("export"), dlg.path());
  export_map(dlg.path(), dlg.title(), QSize(dlg.width_px(), dlg.height_px()));
}

void MainWindow::choose_and_export_selection() {
  if (selected_ids().empty()) return;
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export selection for survey"), QDir(last_folder(QStringLiteral("export"))).filePath(QStringLiteral("survey.shp")),
                                   tr("Shapefile (*.shp);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)"));
  if (path.isEmpty()) return;
  remember_folder(QStringLiteral("export"), path);
  export_selection(path);
}

bool MainWindow::idle() const { return m_data->pending() == 0 && !m_render->busy() && m_canvas->settled(); }

}  // namespace parkgis::viewer
