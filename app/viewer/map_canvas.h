#pragma once
// The map canvas: shows the last rendered image, placed by the view it was drawn for, so that panning
// moves it and zooming scales it at once (a frame is a blit); a new render is asked for when the
// gesture ends and replaces the image when it arrives. Draws the hover outline, the rubber band and
// the scale bar over it.
//
// Mouse: drag pans; click identifies (and selects; shift-click adds or removes); shift-drag (or the
// Zoom box tool) zooms to a box; ctrl-drag (or the Select tool) selects by rectangle (with shift: adds
// to the selection); wheel zooms about the cursor.
// Keys: arrows pan, + and - zoom, Home shows everything.

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

#include "app/viewer/render_service.h"
#include "libgis/render/shape.h"

namespace parkgis::viewer {

class MapCanvas : public QWidget {
  Q_OBJECT
 public:
  enum class Tool { pan, select, zoom_box, measure_length, measure_area };

  explicit MapCanvas(RenderService* renderer, QWidget* parent = nullptr);

  void set_settings(const render::RenderSettings& s);  // re-renders
  // The basemaps' source, shown at the map's bottom right ("" = none).
  void set_attribution(const QString& text);
  const QString& attribution() const { return m_attribution; }
  const render::RenderSettings& settings() const { return m_settings; }
  void set_tool(Tool t);
  Tool tool() const { return m_tool; }

  // The view: set_view renders; the full extent is what Home and "Full extent" show.
  const render::MapTransform& view() const { return m_view; }
  void set_view(const render::MapTransform& v);
  void zoom_to(const render::Extent& e, double margin = 0.08);
  void set_full_extent(const render::Extent& e) { m_full = e; }
  const render::Extent& full_extent() const { return m_full; }
  void zoom_full() { zoom_to(m_full, 0.04); }
  void zoom_by(double factor);  // about the centre
  void pan_by(double dx_px, double dy_px);

  // Zoom previous / next: the views shown (after each finished gesture), as in QGIS.
  bool can_zoom_previous() const { return m_history_at > 0; }
  bool can_zoom_next() const { return m_history_at + 1 < m_history.size(); }
  void zoom_previous();
  void zoom_next();

  // Measuring (the measure tools): the points clicked so far; a double-click ends a measurement, the
  // next click starts a new one.
  const std::vector<render::Point>& measure_points() const { return m_measure; }
  void clear_measurement();

  // The outline under the cursor (from the data thread), or none.
  void set_hover(std::optional<render::Shape> shape);
  const std::optional<render::Shape>& hover() const { return m_hover; }
  void clear_image();
  // Outlines these parcels in a bright colour for a moment (search hits, a table row double-clicked).
  void flash(std::vector<render::Shape> shapes);
  std::size_t flashing() const { return m_flash.size(); }
  // Whether the last paint showed "Drawing…" (it does only while the final image of the view is missing).
  bool drawing_indicator_shown() const { return m_indicator_shown; }

  // True when the image on screen is the final render of the current view.
  bool settled() const;
  // Frame figures for the benchmark: the last and the longest paint, in ms.
  double last_paint_ms() const { return m_last_paint_ms; }
  double max_paint_ms() const { return m_max_paint_ms; }
  void reset_paint_stats() { m_max_paint_ms = 0; }
  const RenderResult& last_result() const { return m_result; }

 signals:
  void view_changed(const parkgis::render::MapTransform& view);
  void cursor_moved(double x, double y);
  void hovered(double x, double y, double tolerance);
  void clicked(double x, double y, double tolerance, Qt::KeyboardModifiers mods);
  void rectangle_selected(const parkgis::render::Extent& box, Qt::KeyboardModifiers mods);
  void render_done(const parkgis::viewer::RenderResult& result);
  void measured(const QString& text);    // the measurement so far, in words
  void history_changed();

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void mouseReleaseEvent(QMouseEvent*) override;
  void mouseDoubleClickEvent(QMouseEvent*) override;
  void wheelEvent(QWheelEvent*) override;
  void keyPressEvent(QKeyEvent*) override;
  void leaveEvent(QEvent*) override;

 private:
  enum class Drag { none, pan, box_zoom, box_select };
  void request_render();
  void on_rendered(const RenderResult& r);
  void changed_view(bool render_now);
  void remember_view();
  void measure_click(const QPoint& pos);

  RenderService* m_renderer;
  render::RenderSettings m_settings;
  render::MapTransform m_view;
  render::Extent m_full = render::Extent::null();
  // The extent last zoomed to, kept on resize until the user moves the map (the window's first
  // layout, a dock opened).
  std::optional<std::pair<render::Extent, double>> m_fit;
  Tool m_tool = Tool::pan;
  QString m_attribution;

  RenderResult m_result;       // the image shown and the view it was drawn for
  std::uint64_t m_wanted = 0;  // serial of the render asked for last
  std::optional<render::Shape> m_hover;

  Drag m_drag = Drag::none;
  QPoint m_press, m_last;
  render::MapTransform m_press_view;
  Qt::KeyboardModifiers m_press_mods;
  QTimer m_render_timer;  // gathers a burst of wheel steps into one render

  double m_last_paint_ms = 0, m_max_paint_ms = 0;
  bool m_indicator_shown = false;
  std::vector<render::MapTransform> m_history;
  std::size_t m_history_at = 0;
  bool m_restoring = false;
  std::vector<render::Point> m_measure;
  bool m_measure_done = false;
  std::vector<render::Shape> m_flash;
  QTimer m_flash_timer;  // ends the flash
  QElapsedTimer m_flash_clock;
};

}  // namespace parkgis::viewer
