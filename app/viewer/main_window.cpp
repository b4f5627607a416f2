#include "app/viewer/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/viewer/changes_theme_bar.h"
#include "app/viewer/error_text.h"
#include "app/viewer/evaluation_selector.h"
#include "app/viewer/identify_panel.h"
#include "app/viewer/language.h"
#include "app/viewer/label_options.h"
#include "app/viewer/layer_panel.h"
#include "app/viewer/legend_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"
#include "app/viewer/park_tree.h"
#include "app/viewer/sites_panel.h"
#include "app/viewer/start_page.h"
#include "app/viewer/theme_order.h"
#include "app/viewer/trend_panel.h"
#include "libgis/render/legend.h"

namespace parkgis::viewer {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  m_data = new DataService(this);
  m_render = new RenderService(this);
  try {
    m_themes = style::load_themes();
    order_themes_by_meaning(m_themes);
  } catch (const std::exception& e) {
    QMessageBox::critical(this, QStringLiteral("parkgis"), QString::fromStdString(e.what()));
  }
  m_canvas = new MapCanvas(m_render, this);
  build_start_page();
  build_actions();
  build_menus_and_toolbar();
  build_docks();

  m_status_hover = new QLabel(this);
  m_status_xy = new QLabel(this);
  m_status_lonlat = new QLabel(this);
  m_status_scale = new QLabel(this);
  m_status_render = new QLabel(this);
  statusBar()->addWidget(m_status_hover, 1);
  for (QLabel* l : {m_status_xy, m_status_lonlat, m_status_scale, m_status_render}) statusBar()->addPermanentWidget(l);

  connect(m_canvas, &MapCanvas::cursor_moved, this, &MainWindow::show_status_position);
  connect(m_canvas, &MapCanvas::view_changed, this, &MainWindow::show_scale);
  connect(m_canvas, &MapCanvas::clicked, this, &MainWindow::on_clicked);
  connect(m_canvas, &MapCanvas::hovered, this, &MainWindow::on_hovered);
  connect(m_canvas, &MapCanvas::rectangle_selected, this,
          [this](const Extent& box, Qt::KeyboardModifiers mods) { select_rect(box, mods & Qt::ShiftModifier); });
  connect(m_canvas, &MapCanvas::render_done, this, [this](const RenderResult& r) {
    m_status_render->setText(tr("drawn in %1 ms").arg(r.total_ms, 0, 'f', 0));
    m_render_error.clear();
  });
  // A failing source (a reference file deleted after it was added) fails every redraw: its message is
  // shown once, until a map is drawn again or the message changes.
  connect(m_render, &RenderService::failed, this, [this](const QString& m) {
    if (m == m_render_error) return;
    m_render_error = m;
    show_error(tr("Drawing the map failed"), m);
  });
  connect(m_data, &DataService::error, this, [this](const QString& m) { show_error(tr("Reading the database failed"), m); });

  render::RenderSettings s;
  s.theme_id = "idle";
  s.visible = render::default_visibility(s.theme_id);
  m_canvas->set_settings(s);
  m_layers->set_state(s.visible, s.labels);
  fill_theme_combo();
  set_theme(QStringLiteral("idle"));
  build_tools();
  build_basemaps();
  retranslate();
  show_map(false);
  resize(1440, 900);
  restore_layout();
}

MainWindow::~MainWindow() = default;

void MainWindow::build_actions() {
  m_open_db = new QAction(this);
  m_open_db->setShortcut(QKeySequence::Open);
  m_open_folder = new QAction(this);
  m_export_map = new QAction(this);
  m_export_map->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  m_export_survey = new QAction(this);
  m_quit = new QAction(this);
  m_quit->setShortcut(QKeySequence::Quit);
  m_full = new QAction(this);
  m_full->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  m_zoom_in = new QAction(this);
  m_zoom_in->setShortcut(QKeySequence::ZoomIn);
  m_zoom_out = new QAction(this);
  m_zoom_out->setShortcut(QKeySequence::ZoomOut);
  m_zoom_sel = new QAction(this);
  m_clear_sel = new QAction(this);
  m_clear_sel->setShortcut(QKeySequence(Qt::Key_Escape));
  m_tools = new QActionGroup(this);
  m_tool_pan = new QAction(m_tools);
  m_tool_select = new QAction(m_tools);
  m_tool_zoom = new QAction(m_tools);
  for (QAction* a : m_tools->actions()) a->setCheckable(true);
  m_tool_pan->setChecked(true);
  m_langs = new QActionGroup(this);
  m_lang_system = new QAction(m_langs);
  m_lang_zh = new QAction(QStringLiteral("中文"), m_langs);
  m_lang_en = new QAction(QStringLiteral("English"), m_langs);
  for (QAction* a : m_langs->actions()) a->setCheckable(true);
  const QString saved = saved_language();
  (saved == QLatin1String("zh_CN") ? m_lang_zh : saved == QLatin1String("en") ? m_lang_en : m_lang_system)->setChecked(true);
  m_about = new QAction(this);

  connect(m_open_db, &QAction::triggered, this, &MainWindow::choose_and_open_database);
  m_connect_pg = new QAction(this);
  connect(m_connect_pg, &QAction::triggered, this, &MainWindow::connect_postgis);
  connect(m_open_folder, &QAction::triggered, this, &MainWindow::choose_and_open_folder);
  connect(m_export_map, &QAction::triggered, this, &MainWindow::choose_and_export_map);
  connect(m_export_survey, &QAction::triggered, this, &MainWindow::choose_and_export_selection);
  connect(m_quit, &QAction::triggered, this, &QWidget::close);
  connect(m_full, &QAction::triggered, this, [this] { m_canvas->zoom_full(); });
  connect(m_zoom_in, &QAction::triggered, this, [this] { m_canvas->zoom_by(2); });
  connect(m_zoom_out, &QAction::triggered, this, [this] { m_canvas->zoom_by(0.5); });
  connect(m_zoom_sel, &QAction::triggered, this, &MainWindow::zoom_to_selection);
  connect(m_clear_sel, &QAction::triggered, this, &MainWindow::clear_selection);
  connect(m_tool_pan, &QAction::triggered, this, [this] { m_canvas->set_tool(MapCanvas::Tool::pan); });
  connect(m_tool_select, &QAction::triggered, this, [this] { m_canvas->set_tool(MapCanvas::Tool::select); });
  connect(m_tool_zoom, &QAction::triggered, this, [this] { m_canvas->set_tool(MapCanvas::Tool::zoom_box); });
  const auto choose_language = [](const QString& code) {
    save_language(code);
    set_language(code);
  };
  connect(m_lang_system, &QAction::triggered, this, [choose_language] { choose_language(QString()); });
  connect(m_lang_zh, &QAction::triggered, this, [choose_language] { choose_language(QStringLiteral("zh_CN")); });
  connect(m_lang_en, &QAction::triggered, this, [choose_language] { choose_language(QStringLiteral("en")); });
  connect(m_about, &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About parkgis viewer"),
                       tr("<b>parkgis viewer</b> %1<br>Land of industrial parks: idle land, unsupplied land, "
                          "per-mu yield and vacancy.<br>Map font: Noto Sans CJK SC.")
                           .arg(QStringLiteral(PARKGIS_VERSION)));
  });
}

void MainWindow::build_menus_and_toolbar() {
  m_file_menu = menuBar()->addMenu(QString());
  m_file_menu->addAction(m_open_db);
  m_file_menu->addAction(m_connect_pg);
  m_file_menu->addAction(m_open_folder);
  m_recent_menu = m_file_menu->addMenu(QString());
  m_file_menu->addSeparator();
  m_file_menu->addAction(m_export_map);
  m_file_menu->addAction(m_export_survey);
  m_file_menu->addSeparator();
  m_file_menu->addAction(m_quit);
  m_view_menu = menuBar()->addMenu(QString());
  m_view_menu->addAction(m_full);
  m_view_menu->addAction(m_zoom_in);
  m_view_menu->addAction(m_zoom_out);
  m_view_menu->addAction(m_zoom_sel);
  m_view_menu->addSeparator();
  m_view_menu->addActions(m_tools->actions());
  m_view_menu->addSeparator();
  m_lang_menu = m_view_menu->addMenu(QString());
  m_lang_menu->addActions(m_langs->actions());
  m_select_menu = menuBar()->addMenu(QString());
  m_select_menu->addAction(m_clear_sel);
  m_select_menu->addAction(m_zoom_sel);
  m_select_menu->addAction(m_export_survey);
  m_help_menu = menuBar()->addMenu(QString());
  m_help_menu->addAction(m_about);

  m_toolbar = addToolBar(QString());
  m_toolbar->setObjectName(QStringLiteral("main_toolbar"));
  m_toolbar->setMovable(false);
  m_toolbar->addAction(m_open_db);
  m_toolbar->addSeparator();
  m_toolbar->addAction(m_full);
  m_toolbar->addAction(m_zoom_in);
  m_toolbar->addAction(m_zoom_out);
  m_toolbar->addAction(m_zoom_sel);
  m_toolbar->addSeparator();
  m_toolbar->addActions(m_tools->actions());
  m_toolbar->addSeparator();
  m_theme_combo = new QComboBox(this);
  m_theme_combo->setMinimumWidth(170);
  m_toolbar->addWidget(m_theme_combo);
  auto* evaluations = new EvaluationSelector(this);  // the evaluation shown: reopens the database through it
  QAction* evaluations_action = m_toolbar->addWidget(evaluations);
  evaluations_action->setVisible(false);
  connect(evaluations, &EvaluationSelector::available, evaluations_action, &QAction::setVisible);
  connect(this, &MainWindow::database_opened, evaluations, &EvaluationSelector::load);
  connect(evaluations, &EvaluationSelector::evaluation_chosen, this, [this] { if (!m_db.isEmpty()) open_database(m_db); });
  m_changes = new ChangesThemeBar(m_data, this);  // 从/到 of the changes theme, shown while it is chosen
  QAction* changes_action = m_toolbar->addWidget(m_changes);
  changes_action->setVisible(false);
  connect(m_changes, &ChangesThemeBar::visible_wanted, changes_action, &QAction::setVisible);
  connect(this, &MainWindow::database_opened, m_changes, [this] { m_changes->set_evaluations(m_overview.evaluations); });
  connect(m_changes, &ChangesThemeBar::available_changed, this, [this](bool available) {
    fill_theme_combo();
    if (!available && m_changes->active()) set_theme(QStringLiteral("idle"));
  });
  connect(m_changes, &ChangesThemeBar::changes_shown, this, [this](std::shared_ptr<const render::ChangeSet> changes) {
    if (m_canvas->settings().changes != changes) {  // set_theme may have given it already
      render::RenderSettings s = m_canvas->settings();
      s.changes = changes;
      m_canvas->set_settings(s);
    }
    m_identify->set_changes(std::move(changes));
  });
  m_toolbar->addSeparator();
  m_search_edit = new QLineEdit(this);
  m_search_edit->setClearButtonEnabled(true);
  m_search_edit->setMaximumWidth(260);
  m_toolbar->addWidget(m_search_edit);
  connect(m_theme_combo, &QComboBox::activated, this,
          [this](int i) { set_theme(m_theme_combo->itemData(i).toString()); });
  connect(m_search_edit, &QLineEdit::returnPressed, this, [this] { search(m_search_edit->text()); });
  rebuild_recent_menu();
}

void MainWindow::build_docks() {
  const auto dock = [this](QWidget* w, const char* name, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(this);
    d->setObjectName(QString::fromLatin1(name));
    d->setWidget(w);
    addDockWidget(area, d);
    m_view_menu->addAction(d->toggleViewAction());
    return d;
  };
  m_view_menu->addSeparator();
  m_tree = new ParkTree(this);
  m_tree_dock = dock(m_tree, "tree", Qt::LeftDockWidgetArea);
  m_layers = new LayerPanel(this);
  m_layer_dock = dock(m_layers, "layers", Qt::LeftDockWidgetArea);
  m_legend = new LegendPanel(this);
  m_legend_dock = dock(m_legend, "legend", Qt::LeftDockWidgetArea);
  m_search_results = new QListWidget(this);
  m_search_dock = dock(m_search_results, "search", Qt::LeftDockWidgetArea);
  tabifyDockWidget(m_layer_dock, m_search_dock);
  m_layer_dock->raise();
  m_identify = new IdentifyPanel(&m_themes, this);
  m_identify_dock = dock(m_identify, "identify", Qt::RightDockWidgetArea);
  m_sites = new SitesPanel(this, this);
  m_sites_dock = dock(m_sites, "sites", Qt::RightDockWidgetArea);
  tabifyDockWidget(m_identify_dock, m_sites_dock);
  m_trend = new TrendPanel(m_data, m_tree, this);
  m_trend_dock = dock(m_trend, "trend", Qt::RightDockWidgetArea);
  tabifyDockWidget(m_identify_dock, m_trend_dock);
  connect(this, &MainWindow::database_opened, m_trend, &TrendPanel::reload);
  m_identify_dock->raise();
  connect(this, &MainWindow::database_opened, m_sites, [this] { m_sites->reload(); });

  auto* tables = new QWidget(this);
  auto* v = new QVBoxLayout(tables);
  v->setContentsMargins(2, 2, 2, 2);
  auto* filter_row = m_filter_row = new QHBoxLayout;
  m_filter_label = new QLabel(tables);
  m_filter_clear = new QPushButton(tables);
  filter_row->addWidget(m_filter_label, 1);
  filter_row->addWidget(m_filter_clear);
  v->addLayout(filter_row);
  m_tables = new QTabWidget(tables);
  m_selection = new ParcelTable(&m_themes, tables);
  m_unit_parcels = new ParcelTable(&m_themes, tables);
  m_tables->addTab(m_selection, QString());
  m_tables->addTab(m_unit_parcels, QString());
  v->addWidget(m_tables, 1);
  m_table_dock = dock(tables, "tables", Qt::BottomDockWidgetArea);
  resizeDocks({m_tree_dock}, {std::max(430, m_tree->columns_width() + 40)}, Qt::Horizontal);
  resizeDocks({m_identify_dock}, {330}, Qt::Horizontal);
  resizeDocks({m_table_dock}, {210}, Qt::Vertical);

  connect(m_tree, &ParkTree::unit_clicked, this, &MainWindow::on_tree_clicked);
  connect(m_layers, &LayerPanel::changed, this, [this] { update_render_settings(); });
  connect(m_search_results, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { on_search_hit(m_search_results->row(item)); });
  connect(m_search_results, &QListWidget::itemClicked, this,
          [this](QListWidgetItem* item) { on_search_hit(m_search_results->row(item)); });
  connect(m_filter_clear, &QPushButton::clicked, this, [this] { set_unit_filter({}, {}, {}); });
  // A row double-clicked: the parcel identified, zoomed to and flashing; from the park/zone list it also
  // becomes the selection (in the selection table the selection stays as it is).
  for (ParcelTable* t : {m_selection, m_unit_parcels})
    connect(t, &ParcelTable::parcel_activated, this, [this, t](const QString& id) {
      const std::string pid = id.toStdString();
      identify_parcel(id, false);
      for (const ParcelRow& r : t->table_model()->rows())
        if (r.parcel_id == pid) m_canvas->zoom_to(r.box, 0.6);
      find_select_flash([pid](store::Store& s) { return parcel_rows(s, {pid}); }, t == m_unit_parcels, false);
    });
}

void MainWindow::retranslate() {
  setWindowTitle(m_db.isEmpty() ? tr("parkgis viewer")
                                : tr("%1 — parkgis viewer").arg(QString::fromStdString(m_overview.dataset_name)));
  m_file_menu->setTitle(tr("&File"));
  m_recent_menu->setTitle(tr("Open &recent"));
  m_view_menu->setTitle(tr("&View"));
  m_select_menu->setTitle(tr("&Selection"));
  m_lang_menu->setTitle(tr("&Language"));
  m_help_menu->setTitle(tr("&Help"));
  m_open_db->setText(tr("&Open database…"));
  m_connect_pg->setText(tr("Connect to &PostGIS…"));
  m_open_folder->setText(tr("Open dataset &folder (import and analyse)…"));
  m_export_map->setText(tr("&Export map (PNG, PDF)…"));
  m_export_survey->setText(tr("Export selection for &survey…"));
  m_quit->setText(tr("&Quit"));
  m_full->setText(tr("&Full extent"));
  m_zoom_in->setText(tr("Zoom &in"));
  m_zoom_out->setText(tr("Zoom &out"));
  m_zoom_sel->setText(tr("Zoom to &selection"));
  m_clear_sel->setText(tr("&Clear selection"));
  m_tool_pan->setText(tr("Pan and identify"));
  m_tool_pan->setToolTip(tr("Drag to pan, click a parcel to identify and select it (shift-click adds)"));
  m_tool_select->setText(tr("Select by rectangle"));
  m_tool_select->setToolTip(tr("Drag a rectangle to select parcels (shift adds); ctrl-drag does the same with any tool"));
  m_tool_zoom->setText(tr("Zoom to box"));
  m_tool_zoom->setToolTip(tr("Drag a box to zoom in; shift-drag does the same with any tool"));
  m_lang_system->setText(tr("Follow the system"));
  m_about->setText(tr("&About"));
  m_toolbar->setWindowTitle(tr("Tools"));
  m_search_edit->setPlaceholderText(tr("Search parcel, enterprise, park, zone"));
  m_theme_combo->setToolTip(tr("Theme: what colours the parcels"));
  m_tree_dock->setWindowTitle(tr("Parks and zones"));
  m_layer_dock->setWindowTitle(tr("Layers"));
  m_legend_dock->setWindowTitle(tr("Legend"));
  m_search_dock->setWindowTitle(tr("Search results"));
  m_identify_dock->setWindowTitle(tr("Parcel details"));
  m_sites_dock->setWindowTitle(tr("Land-reserve sites"));
  m_trend_dock->setWindowTitle(tr("Trend"));
  m_table_dock->setWindowTitle(tr("Parcel list"));
  m_tables->setTabText(1, tr("Parcels of the park or zone"));
  m_filter_clear->setText(tr("Show all"));
  m_filter_label->setText(m_filter_text.isEmpty() ? tr("All parks") : tr("Showing: %1").arg(m_filter_text));
  update_selection_tab();
  fill_theme_combo();
  show_scale();
  retranslate_tools();
  retranslate_basemaps();
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange && m_file_menu) {
    retranslate();
    update_render_settings();  // the map's legend language follows
  }
  QMainWindow::changeEvent(e);
}

void MainWindow::fill_theme_combo() {
  const QString current = theme();
  const render::Lang lang = map_language();
  m_theme_combo->blockSignals(true);
  m_theme_combo->clear();
  for (const style::Theme& t : m_themes)
    if (!style::is_changes_theme(t) || m_changes->available())  // it compares two evaluations
      m_theme_combo->addItem(render::theme_title(t, lang), QString::fromStdString(t.id));
  const int i = m_theme_combo->findData(current);
  if (i >= 0) m_theme_combo->setCurrentIndex(i);
  m_theme_combo->blockSignals(false);
}

QString MainWindow::theme() const { return QString::fromStdString(m_canvas->settings().theme_id); }

void MainWindow::set_theme(const QString& theme_id) {
  const auto it = std::find_if(m_themes.begin(), m_themes.end(),
                               [&](const style::Theme& t) { return QString::fromStdString(t.id) == theme_id; });
  if (it == m_themes.end() || (style::is_changes_theme(*it) && !m_changes->available())) return;
  render::RenderSettings s = m_canvas->settings();
  s.theme_id = it->id;
  const bool changes = style::is_changes_theme(*it);
  s.changes = changes ? m_changes->changes() : nullptr;  // what was read for the dates chosen (null: not yet)
  // Unsupplied land is the unsupplied theme's own layer; elsewhere it would hide the parcels' colours.
  s.visible.set(render::LayerId::unsupplied, it->id == "unsupplied");
  s.visible.set(render::LayerId::sites, it->id == "sites");
  m_layers->set_state(s.visible, s.labels);
  m_canvas->set_settings(s);
  m_legend->set_theme(*it);
  m_changes->set_active(changes);
  const int i = m_theme_combo->findData(theme_id);
  if (i >= 0) m_theme_combo->setCurrentIndex(i);
}

void MainWindow::update_render_settings() {
  render::RenderSettings s = m_canvas->settings();
  s.visible = m_layers->visibility();
  s.labels = m_layers->labels();
  if (m_label_menu) s.label_options = m_label_menu->options();
  std::vector<std::string> ids = selected_ids();
  if (m_sites) ids.insert(ids.end(), m_sites->highlighted().begin(), m_sites->highlighted().end());
  auto selection = std::make_shared<const render::IdSet>(ids.begin(), ids.end());
  if (!s.selection || *s.selection != *selection) {
    s.selection = std::move(selection);
    ++s.selection_serial;
  }
  m_canvas->set_settings(s);
}

void MainWindow::update_selection_tab() {
  const int n = static_cast<int>(m_selection->table_model()->rows().size());
  m_tables->setTabText(0, tr("Selected parcels (%1)").arg(n));
  m_export_survey->setEnabled(n > 0);
  m_zoom_sel->setEnabled(n > 0);
}

void MainWindow::show_status_position(double x, double y) {
  if (m_db.isEmpty() || m_overview.srid <= 0) return;  // nothing open: no coordinates to show
  m_status_xy->setText(QStringLiteral("X %1  Y %2  (EPSG:%3)").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1).arg(m_overview.srid));
  if (auto ll = m_coords.lon_lat(x, y))
    m_status_lonlat->setText(QStringLiteral("%1°%2  %3°%4")
                                 .arg(std::fabs(ll->first), 0, 'f', 5)
                                 .arg(ll->first >= 0 ? QLatin1Char('E') : QLatin1Char('W'))
                                 .arg(std::fabs(ll->second), 0, 'f', 5)
                                 .arg(ll->second >= 0 ? QLatin1Char('N') : QLatin1Char('S')));
}

void MainWindow::show_scale() {
  const render::MapTransform& v = m_canvas->view();
  if (!v.valid()) return;
  m_status_scale->setText(tr("Scale 1:%L1").arg(std::round(v.scale_denominator(logicalDpiX())), 0, 'f', 0));
}

void MainWindow::show_error(const QString& title, const QString& message) {
  // Window-modal but not blocking: no nested event loop, so the data and render threads' results
  // keep arriving behind it.
  // The text in the interface's language with the menu action to use; libgis's own message below it.
  const ErrorText e = explain_error(message);
  auto* box = new QMessageBox(QMessageBox::Critical, title, e.text, QMessageBox::Ok, this);
  box->setInformativeText(e.details);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setTextInteractionFlags(Qt::TextSelectableByMouse);
  box->open();
  emit error_shown(e.text + QStringLiteral("\n\n") + e.details);
}

void MainWindow::rebuild_recent_menu() {
  m_recent_menu->clear();
  const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
  for (const QString& path : recent)
    connect(m_recent_menu->addAction(path), &QAction::triggered, this, [this, path] { open_path(path); });
  m_recent_menu->setEnabled(!recent.isEmpty());
  m_start->refresh();
}

}  // namespace parkgis::viewer
