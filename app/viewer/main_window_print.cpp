// MainWindow: View › Labels (the parcels' label field and size) and File › Print layout (paper sheets
// and atlases through render::export_print, on a worker thread).
#include <QAction>
#include <QDir>
#include <QMenu>
#include <QStatusBar>

#include "app/viewer/evaluation_choice.h"
#include "app/viewer/export_dialogs.h"
#include "app/viewer/label_options.h"
#include "app/viewer/language.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/print_dialog.h"

namespace parkgis::viewer {

void MainWindow::build_labels_and_print() {
  m_label_menu = new LabelMenu(this);
  m_view_menu->insertMenu(m_lang_menu->menuAction(), m_label_menu);
  connect(m_label_menu, &LabelMenu::changed, this, [this] { update_render_settings(); });
  render::RenderSettings s = m_canvas->settings();
  s.label_options = m_label_menu->options();
  m_canvas->set_settings(s);

  m_print = new QAction(this);
  m_print->setShortcut(QKeySequence::Print);
  m_print->setObjectName(QStringLiteral("print_layout"));
  connect(m_print, &QAction::triggered, this, &MainWindow::choose_and_print);
  m_file_menu->insertAction(m_export_survey, m_print);
}

QString MainWindow::park_in_view() const {
  const Extent view = m_canvas->view().extent();
  for (const UnitRow& p : m_overview.parks)
    if (p.box.contains(view.cx(), view.cy())) return QString::fromStdString(p.id);
  return {};
}

void MainWindow::choose_and_print() {
  if (m_db.isEmpty()) return;
  QString title = theme();
  for (const style::Theme& th : m_themes)
    if (QString::fromStdString(th.id) == theme())
      title = render::default_title(QString::fromStdString(m_overview.dataset_name), th, map_language());
  std::vector<std::pair<QString, QString>> parks;
  for (const UnitRow& p : m_overview.parks) parks.emplace_back(QString::fromStdString(p.id), QString::fromStdString(p.name));
  const QString path = QDir(last_folder(QStringLiteral("export"))).filePath(QStringLiteral("parkgis-%1.pdf").arg(theme()));
  PrintDialog dlg(title, path, parks, park_in_view(), this);
  if (dlg.exec() != QDialog::Accepted) return;
  const auto c = dlg.choice();
  if (!c) return;
  remember_folder(QStringLiteral("export"), c->path);
  print_map(*c);
}

void MainWindow::print_map(const PrintChoice& c, std::function<void(QString)> done) {
  render::MapExportRequest req;
  req.db_path = m_db.toStdString();
  req.as_of = evaluation_date();
  req.theme_id = theme().toStdString();
  req.lang = map_language();
  req.visible = m_canvas->settings().visible;
  req.selection = m_canvas->settings().selection;
  req.labels = m_canvas->settings().label_options;
  req.basemaps = m_canvas->settings().basemaps;  // the footer names them (render::make_document)
  req.references = m_canvas->settings().references;
  if (const auto& changes = m_canvas->settings().changes) {  // the changes theme: its two evaluations
    req.changes = changes->span;
    req.change_set = changes;
  }
  req.title = c.title;
  req.subtitle = c.subtitle;
  req.date = c.date.toStdString();
  req.print = c.layout;
  req.out_path = c.path.toStdString();
  if (!c.atlas_park.isEmpty()) {
    req.atlas = true;
    req.park_id = c.atlas_park.toStdString();
  } else {
    req.extent = m_canvas->view().extent();  // fitted, or its centre at the chosen scale
  }
  if (!done)
    done = [this, path = c.path](const QString& error) {
      if (error.isEmpty()) statusBar()->showMessage(tr("Map written to %1").arg(path), 8000);
      else show_error(tr("Export failed"), error);
    };
  statusBar()->showMessage(tr("Exporting the map…"));
  export_map_async(this, req, std::move(done));
}

}  // namespace parkgis::viewer
