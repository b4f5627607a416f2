#pragma once
// The viewer's main window: the map canvas in the middle; the park/zone tree, layers, legend and
// search results on the left; identify on the right; the selected parcels and the parcels of the
// chosen park or zone at the bottom. Every database read runs on the data thread (DataService) and
// every map draw on the render thread (RenderService); the UI thread only places images and fills
// widgets.
//
// main_window.cpp builds the window and its texts; main_window_data.cpp opens databases and handles
// identify, selection, search and exports.

#include <QMainWindow>
#include <functional>
#include <vector>

#include "app/viewer/data_service.h"
#include "app/viewer/existing_database.h"
#include "app/viewer/geo_coords.h"
#include "app/viewer/queries.h"
#include "app/viewer/render_service.h"
#include "libgis/style/theme.h"

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace parkgis::viewer {

class AddedLayers;
class ChangesThemeBar;
class IdentifyPanel;
class LabelMenu;
class LayerPanel;
class LegendPanel;
class MapCanvas;
class ParcelTable;
class ParkTree;
struct PrintChoice;
class SitesPanel;
class StartPage;
class TrendPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // A parkgis database, or a dataset folder (imported and analysed first, with progress and Cancel).
  void open_path(const QString& path);
  void open_database(const QString& db_path);
  // A dataset folder: when its database exists already, asks (open / import into a new file / replace).
  void open_folder(const QString& folder, QString database = {});
  // Replaces the question dialog (tests answer without a modal dialog).
  void set_existing_database_chooser(ExistingDatabaseChooser chooser) { m_existing_chooser = std::move(chooser); }
  const Overview& overview() const { return m_overview; }
  QString database() const { return m_db; }

  void set_theme(const QString& theme_id);
  QString theme() const;
  // Zooms to a park or zone and shows its parcels in the tables.
  void show_unit(const QString& id);

  void identify_parcel(const QString& parcel_id, bool select = true, bool toggle = false);
  void select_rect(const Extent& box, bool add);
  void clear_selection();
  std::vector<std::string> selected_ids() const;
  void zoom_to_selection();
  void search(const QString& text);

  void export_selection(const QString& path, std::function<void(QString, bool)> done = {});
  void export_map(const QString& path, const QString& title, QSize size, std::function<void(QString)> done = {});

  // Nothing pending: no data job, and the canvas shows the final render of its view.
  bool idle() const;

  MapCanvas* canvas() const { return m_canvas; }
  StartPage* start_page() const { return m_start; }
  bool map_shown() const;  // false while the start page is shown (no database open)
  QAction* export_map_action() const { return m_export_map; }
  ParkTree* tree() const { return m_tree; }
  LegendPanel* legend() const { return m_legend; }
  IdentifyPanel* identify_panel() const { return m_identify; }
  ParcelTable* selection_table() const { return m_selection; }
  ParcelTable* unit_table() const { return m_unit_parcels; }
  QListWidget* search_results() const { return m_search_results; }
  SitesPanel* sites_panel() const { return m_sites; }  // 储备候选: land-reserve sites (sites_panel.h)
  ChangesThemeBar* changes_bar() const { return m_changes; }  // 从/到 of the changes theme (changes_theme_bar.h)
  TrendPanel* trend_panel() const { return m_trend; }          // 趋势: the selected unit by evaluation (trend_panel.h)
  DataService* data() const { return m_data; }
  RenderService* renderer() const { return m_render; }

  // main_window_tools.cpp: zoom previous/next, measuring, the table's filter, totals and export
  // Filters the parcels of the park/zone tab with a --where expression ("" shows them all again);
  // a mistake is shown under the table.
  void filter_table(const QString& where);
  QString table_totals() const;  // what the totals line says
  // Writes the rows and columns the current table shows (CSV, UTF-8 with BOM for Excel).
  bool export_shown_table(const QString& path, QString* error = nullptr) const;
  QAction* zoom_previous_action() const { return m_zoom_prev; }
  LabelMenu* label_menu() const { return m_label_menu; }
  QAction* print_action() const { return m_print; }
  // File › Print layout: the sheet of the current view (theme, layers, labels, selection) on paper, or
  // an atlas of a park's zones; done(error or "") on the UI thread (main_window_print.cpp).
  void print_map(const PrintChoice& choice, std::function<void(QString)> done = {});
  QAction* zoom_next_action() const { return m_zoom_next; }

  // main_window_basemaps.cpp: File › 添加底图… and 添加参考图层…, listed under the layers (AddedLayers).
  // The source is checked first; when it cannot be read, a translated error dialog says why and the
  // function returns false.
  bool add_basemap(const render::Basemap& basemap);
  bool add_reference(const QString& source);
  AddedLayers* added_layers() const { return m_added; }
  LayerPanel* layer_panel() const { return m_layers; }
  QAction* add_basemap_action() const { return m_add_basemap; }
  QAction* add_reference_action() const { return m_add_reference; }

 signals:
  void database_opened(const QString& path);
  void open_failed(const QString& message);
  void selection_changed(int count);
  void error_shown(const QString& message);

 protected:
  void changeEvent(QEvent* e) override;
  void closeEvent(QCloseEvent* e) override;

 private:
  // main_window.cpp
  void build_actions();
  void build_menus_and_toolbar();
  void build_docks();
  void retranslate();
  void fill_theme_combo();
  void rebuild_recent_menu();
  void update_render_settings();
  void update_selection_tab();
  void show_status_position(double x, double y);
  void show_scale();
  void show_error(const QString& title, const QString& message);

  // main_window_start.cpp: the start page (no database yet) and the actions that need a database
  void build_start_page();
  void show_map(bool shown);
  // main_window_flash.cpp: the parcels a query finds (data thread) selected (when `select`), zoomed to
  // (when `zoom`) and flashed on the map
  void find_select_flash(std::function<std::vector<ParcelRow>(store::Store&)> query, bool select, bool zoom);

  // main_window_tools.cpp
  void build_tools();
  void build_labels_and_print();  // main_window_print.cpp
  void choose_and_print();
  QString park_in_view() const;
  void retranslate_tools();
  void update_totals();
  void restore_layout();
  void save_layout();
  void choose_and_export_table();
  // The folder a file dialog of this kind ("database", "folder", "export") starts in, and remembering it.
  static QString last_folder(const QString& kind);
  static void remember_folder(const QString& kind, const QString& path);

  // main_window_basemaps.cpp
  void build_basemaps();
  void retranslate_basemaps();
  void apply_added_layers();  // the added layers into the map's settings, the attribution on the map
  void choose_and_add_basemap();
  void choose_and_add_reference();

  // main_window_data.cpp
  void opened_overview(Overview o);
  void on_clicked(double x, double y, double tolerance, Qt::KeyboardModifiers mods);
  void on_hovered(double x, double y, double tolerance);
  void on_tree_clicked(bool is_zone, const QString& id, const QString& park_id);
  void on_search_hit(int row);
  void set_unit_filter(const QString& park_id, const QString& zone_id, const QString& label);
  void add_recent(const QString& path);
  void choose_and_open_database();
  void connect_postgis();  // File › Connect to PostGIS…
  void choose_and_open_folder();
  void choose_and_export_map();
  void choose_and_export_selection();
  void import_folder(const QString& folder, const QString& db_path);

  DataService* m_data;
  QStackedWidget* m_stack = nullptr;
  StartPage* m_start = nullptr;
  ExistingDatabaseChooser m_existing_chooser = ask_about_existing_database;
  RenderService* m_render;
  MapCanvas* m_canvas;
  ParkTree* m_tree;
  LayerPanel* m_layers;
  LegendPanel* m_legend;
  IdentifyPanel* m_identify;
  ParcelTable* m_selection;
  ParcelTable* m_unit_parcels;
  QListWidget* m_search_results;
  SitesPanel* m_sites = nullptr;
  QDockWidget* m_sites_dock = nullptr;
  ChangesThemeBar* m_changes = nullptr;
  TrendPanel* m_trend = nullptr;
  QDockWidget* m_trend_dock = nullptr;
  QTabWidget* m_tables;
  QLabel* m_filter_label;
  QHBoxLayout* m_filter_row = nullptr;
  QLineEdit* m_where_edit = nullptr;
  QLabel* m_totals = nullptr;
  QPushButton* m_export_table = nullptr;
  QAction *m_zoom_prev = nullptr, *m_zoom_next = nullptr, *m_measure_length = nullptr, *m_measure_area = nullptr;
  QLabel* m_status_measure = nullptr;
  LabelMenu* m_label_menu = nullptr;
  QAction* m_print = nullptr;
  AddedLayers* m_added = nullptr;
  QAction *m_add_basemap = nullptr, *m_add_reference = nullptr;
  QString m_where;
  QString m_render_error;  // the last render failure shown (not shown again until a render succeeds)
  QPushButton* m_filter_clear;
  QDockWidget *m_tree_dock, *m_layer_dock, *m_legend_dock, *m_search_dock, *m_identify_dock, *m_table_dock;

  QComboBox* m_theme_combo;
  QLineEdit* m_search_edit;
  QToolBar* m_toolbar;
  QLabel *m_status_xy, *m_status_lonlat, *m_status_scale, *m_status_render, *m_status_hover;
  QMenu *m_file_menu, *m_recent_menu, *m_view_menu, *m_select_menu, *m_lang_menu, *m_help_menu;
  QAction* m_connect_pg = nullptr;
  QAction *m_open_db, *m_open_folder, *m_export_map, *m_export_survey, *m_quit;
  QAction *m_full, *m_zoom_in, *m_zoom_out, *m_zoom_sel, *m_clear_sel;
  QAction *m_tool_pan, *m_tool_select, *m_tool_zoom;
  QAction *m_lang_system, *m_lang_zh, *m_lang_en, *m_about;
  QActionGroup *m_tools, *m_langs;

  std::vector<style::Theme> m_themes;
  Overview m_overview;
  QString m_db;
  GeoCoords m_coords;
  std::vector<SearchHit> m_hits;
  QString m_filter_text;
};

}  // namespace parkgis::viewer
