// MainWindow: View › Labels (the parcels' label field and size).
#include <QMenu>

#include "app/viewer/label_options.h"
#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"

namespace parkgis::viewer {

void MainWindow::build_labels_and_print() {
  m_label_menu = new LabelMenu(this);
  m_view_menu->insertMenu(m_lang_menu->menuAction(), m_label_menu);
  connect(m_label_menu, &LabelMenu::changed, this, [this] { update_render_settings(); });
  render::RenderSettings s = m_canvas->settings();
  s.label_options = m_label_menu->options();
  m_canvas->set_settings(s);
}

}  // namespace parkgis::viewer
