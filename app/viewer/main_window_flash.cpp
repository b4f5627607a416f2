// MainWindow: parcels found by a search or chosen in a table are selected (table, map) and flash on the map.
#include <QTabWidget>

#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"

namespace parkgis::viewer {

namespace {

struct Found {
  std::vector<ParcelRow> rows;
  std::vector<render::Shape> shapes;
};

}  // namespace

void MainWindow::find_select_flash(std::function<std::vector<ParcelRow>(store::Store&)> query, bool select, bool zoom) {
  m_data->post<Found>(
      [query = std::move(query)](store::Store& s) {
        Found f;
        f.rows = query(s);
        std::vector<std::string> ids;
        for (const ParcelRow& r : f.rows) ids.push_back(r.parcel_id);
        f.shapes = parcel_shapes(s, ids);
        return f;
      },
      this, [this, select, zoom](Found f) {
        if (f.rows.empty()) return;
        Extent box = Extent::null();
        for (const ParcelRow& r : f.rows) box.include(r.box);
        if (select) {
          m_selection->table_model()->set_rows(std::move(f.rows));
          update_render_settings();
          update_selection_tab();
          m_tables->setCurrentIndex(0);
          emit selection_changed(static_cast<int>(m_selection->table_model()->rows().size()));
        }
        if (zoom) m_canvas->zoom_to(box, 0.2);
        m_canvas->flash(std::move(f.shapes));
      });
}

}  // namespace parkgis::viewer
