// MainWindow: the start page shown while no database is open, the map actions that need one, and
// opening dataset folders whose database exists already.
#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>

#include "app/viewer/import_task.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/start_page.h"

namespace parkgis::viewer {

void MainWindow::build_start_page() {
  m_stack = new QStackedWidget(this);
  m_start = new StartPage(m_stack);
  m_stack->addWidget(m_start);
  m_stack->addWidget(m_canvas);
  setCentralWidget(m_stack);
  connect(m_start, &StartPage::open_database_requested, this, &MainWindow::choose_and_open_database);
  connect(m_start, &StartPage::open_folder_requested, this, &MainWindow::choose_and_open_folder);
  connect(m_start, &StartPage::open_path_requested, this, &MainWindow::open_path);
}

bool MainWindow::map_shown() const { return m_stack->currentWidget() == m_canvas; }

void MainWindow::show_map(bool shown) {
  m_stack->setCurrentWidget(shown ? static_cast<QWidget*>(m_canvas) : m_start);
  if (!shown) {
    m_start->refresh();
    m_canvas->set_full_extent(Extent::null());
    for (QLabel* l : {m_status_xy, m_status_lonlat, m_status_scale, m_status_render, m_status_hover}) l->clear();
  }
  // What needs a map: exports, navigation, tools, themes and search.
  for (QAction* a : {m_export_map, m_full, m_zoom_in, m_zoom_out}) a->setEnabled(shown);
  if (m_print) m_print->setEnabled(shown);
  m_tools->setEnabled(shown);
  m_theme_combo->setEnabled(shown);
  m_search_edit->setEnabled(shown);
  if (!shown) {
    m_export_survey->setEnabled(false);
    m_zoom_sel->setEnabled(false);
  }
}

void MainWindow::open_folder(const QString& folder, QString db) {
  if (db.isEmpty()) db = default_database_for(folder);
  if (!QFileInfo::exists(db)) return import_folder(folder, db);
  switch (m_existing_chooser(this, folder, db)) {
    case ExistingDatabaseChoice::open_existing: open_database(db); break;
    case ExistingDatabaseChoice::import_into_new_file: import_folder(folder, unused_database_name(db)); break;
    case ExistingDatabaseChoice::replace: import_folder(folder, db); break;
    case ExistingDatabaseChoice::cancel: statusBar()->showMessage(tr("Nothing was opened"), 5000); break;
  }
}

}  // namespace parkgis::viewer
