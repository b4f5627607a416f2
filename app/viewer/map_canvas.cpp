#include "app/viewer/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

#include "app/viewer/measure_tool.h"
#include "libgis/render/decorations.h"
#include "libgis/render/feature_painter.h"
#include "libgis/render/map_style.h"

namespace parkgis::viewer {

namespace {

constexpr int kDragStartPx = 4;        // a press that moves less than this is a click
constexpr double kPickTolerancePx = 4;  // click and hover tolerance
constexpr int kFlashMs = 1600;          // how long found parcels blink

}  // namespace

MapCanvas::MapCanvas(RenderService* renderer, QWidget* parent) : QWidget(parent), m_renderer(renderer) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
  m_render_timer.setSingleShot(true);
  connect(&m_render_timer, &QTimer::timeout, this, &MapCanvas::request_render);
  connect(m_renderer, &RenderService::rendered, this, &MapCanvas::on_rendered);
  m_flash_timer.setInterval(100);
  connect(&m_flash_timer, &QTimer::timeout, this, [this] {
    if (m_flash_clock.elapsed() >= kFlashMs) {
      m_flash.clear();
      m_flash_timer.stop();
    }
    update();
  });
}

void MapCanvas::flash(std::vector<render::Shape> shapes) {
  m_flash = std::move(shapes);
  m_flash_clock.start();
  if (m_flash.empty()) m_flash_timer.stop();
  else m_flash_timer.start();
  update();
}

void MapCanvas::set_settings(const render::RenderSettings& s) {
  m_settings = s;
  request_render();
}

void MapCanvas::set_view(const render::MapTransform& v) {
  m_view = v.resized(width(), height());
  changed_view(true);
}

void MapCanvas::zoom_to(const render::Extent& e, double margin) {
  if (e.is_null()) return;
  render::Extent box = e;
  if (box.width() < 20 && box.height() < 20) box = box.grown(std::max(20.0 / std::max(box.width(), 1.0), 1.0));
  set_view(render::MapTransform::fit(box, width(), height(), margin));
  m_fit = std::make_pair(box, margin);
}

void MapCanvas::zoom_by(double factor) {
  m_fit.reset();
  m_view = m_view.zoomed(factor, width() / 2.0, height() / 2.0);
  update();
  changed_view(true);
}

void MapCanvas::pan_by(double dx, double dy) {
  m_fit.reset();
  m_view = m_view.panned(dx, dy);
  update();
  changed_view(true);
}

void MapCanvas::set_hover(std::optional<render::Shape> shape) {
  m_hover = std::move(shape);
  update();
}

void MapCanvas::clear_image() {
  m_result = {};
  m_hover.reset();
  update();
}

bool MapCanvas::settled() const {
  return !m_result.image.isNull() && !m_result.partial && m_result.serial == m_wanted && m_result.view == m_view &&
         !m_render_timer.isActive();
}

void MapCanvas::request_render() {
  m_render_timer.stop();
  if (!m_view.valid() || width() <= 0 || height() <= 0) return;
  remember_view();
  m_wanted = m_renderer->request(m_view, m_settings);
}

void MapCanvas::remember_view() {
  if (m_restoring) return;
  if (!m_history.empty() && m_history[m_history_at].extent() == m_view.extent()) return;
  if (!m_history.empty()) m_history.resize(m_history_at + 1);  // a new view drops the "next" ones
  m_history.push_back(m_view);
  if (m_history.size() > 100) m_history.erase(m_history.begin());
  m_history_at = m_history.size() - 1;
  emit history_changed();
}

void MapCanvas::zoom_previous() {
  if (!can_zoom_previous()) return;
  m_restoring = true;
  m_fit.reset();
  set_view(m_history[--m_history_at]);
  m_restoring = false;
  emit history_changed();
}

void MapCanvas::zoom_next() {
  if (!can_zoom_next()) return;
  m_restoring = true;
  m_fit.reset();
  set_view(m_history[++m_history_at]);
  m_restoring = false;
  emit history_changed();
}

void MapCanvas::set_tool(Tool t) {
  m_tool = t;
  clear_measurement();
  setCursor(t == Tool::measure_length || t == Tool::measure_area ? Qt::CrossCursor : Qt::ArrowCursor);
}

void MapCanvas::clear_measurement() {
  m_measure.clear();
  m_measure_done = false;
  update();
}

void MapCanvas::measure_click(const QPoint& pos) {
  if (!m_view.valid()) return;
  if (m_measure_done) m_measure.clear();
  m_measure_done = false;
  m_measure.push_back({m_view.world_x(pos.x()), m_view.world_y(pos.y())});
  const bool area = m_tool == Tool::measure_area;
  emit measured(measurement_text(measure(m_measure, area), area));
  update();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* e) {
  if (m_tool == Tool::measure_length || m_tool == Tool::measure_area) {
    m_measure_done = true;  // the press of the double-click already added its point
    return;
  }
  QWidget::mouseDoubleClickEvent(e);
}

void MapCanvas::changed_view(bool render_now) {
  emit view_changed(m_view);
  if (render_now) request_render();
  else m_render_timer.start(90);
}

void MapCanvas::on_rendered(const RenderResult& r) {
  if (r.serial < m_result.serial) return;  // an older image than the one shown
  m_result = r;
  update();
  if (!r.partial && r.serial == m_wanted) emit render_done(r);
}

void MapCanvas::set_attribution(const QString& text) {
  if (text == m_attribution) return;
  m_attribution = text;
  update();
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QElapsedTimer timer;
  timer.start();
  QPainter p(this);
  p.fillRect(rect(), render::background_color());
  if (!m_result.image.isNull() && m_result.view.valid() && m_view.valid()) {
    // Where the image's corner is now, and how much larger its pixels are.
    const render::MapTransform& iv = m_result.view;
    const QPointF corner(m_view.screen_x(iv.world_x(0)), m_view.screen_y(iv.world_y(0)));
    const double scale = iv.units_per_px() / m_view.units_per_px();
    if (std::fabs(scale - 1) < 1e-9) {
      p.drawImage(QPointF(std::round(corner.x()), std::round(corner.y())), m_result.image);
    } else {
      p.drawImage(QRectF(corner, QSizeF(iv.width() * scale, iv.height() * scale)), m_result.image);
    }
  }
  if (m_hover && m_view.valid()) {
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor fill = render::hover_color();
    fill.setAlpha(45);
    render::draw_outline(p, m_view, *m_hover, QPen(render::hover_color(), 2.5), fill);
  }
  if (m_drag == Drag::box_zoom || m_drag == Drag::box_select) {
    p.setRenderHint(QPainter::Antialiasing, false);
    const QColor c = m_drag == Drag::box_zoom ? QColor(40, 40, 40) : render::selection_color();
    p.setPen(QPen(c, 1.5, Qt::DashLine));
    QColor fill = c;
    fill.setAlpha(35);
    p.setBrush(fill);
    p.drawRect(QRect(m_press, m_last).normalized());
  }
  if (!m_flash.empty() && m_view.valid()) {
    // Blinks: on for 200 ms, off for 200 ms, until kFlashMs.
    if ((m_flash_clock.elapsed() / 200) % 2 == 0) {
      p.setRenderHint(QPainter::Antialiasing, true);
      QColor fill(255, 230, 0, 90);
      for (const render::Shape& s : m_flash) render::draw_outline(p, m_view, s, QPen(QColor(255, 200, 0), 4), fill);
    }
  }
  if (!m_measure.empty() && m_view.valid()) {
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPen pen(QColor(200, 30, 30), 2, Qt::DashLine);
    if (m_tool == Tool::measure_area && m_measure.size() >= 3) {
      render::draw_outline(p, m_view, ring_shape(m_measure), pen, QColor(200, 30, 30, 40));
    } else {
      p.setPen(pen);
      for (std::size_t i = 1; i < m_measure.size(); ++i)
        p.drawLine(QPointF(m_view.screen_x(m_measure[i - 1].x), m_view.screen_y(m_measure[i - 1].y)),
                   QPointF(m_view.screen_x(m_measure[i].x), m_view.screen_y(m_measure[i].y)));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(200, 30, 30));
    for (const render::Point& pt : m_measure) p.drawEllipse(QPointF(m_view.screen_x(pt.x), m_view.screen_y(pt.y)), 3, 3);
  }
  if (m_view.valid()) render::draw_scale_bar(p, m_view, QPointF(14, height() - 12), 160);
  if (!m_attribution.isEmpty()) {  // the basemaps' source, on a light band at the bottom right
    p.setFont(render::map_font(11));
    const QRectF r = p.fontMetrics().boundingRect(m_attribution).adjusted(-5, -2, 5, 2);
    const QRectF at(width() - r.width() - 4, height() - r.height() - 4, r.width(), r.height());
    p.fillRect(at, QColor(255, 255, 255, 190));
    p.setPen(QColor(70, 70, 70));
    p.drawText(at, Qt::AlignCenter, m_attribution);
  }
  // Only the canvas's own state decides: the render thread's busy flag changes without a repaint, so
  // reading it here left "Drawing…" on screen after the last image had arrived.
  m_indicator_shown = m_view.valid() && !m_full.is_null() && !settled();
  if (m_indicator_shown) {
    p.setPen(QColor(90, 90, 90));
    p.setFont(render::map_font(12));
    p.drawText(QRectF(0, 4, width() - 10, 20), Qt::AlignRight | Qt::AlignVCenter, tr("Drawing…"));
  }
  m_last_paint_ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
  m_max_paint_ms = std::max(m_max_paint_ms, m_last_paint_ms);
}

void MapCanvas::resizeEvent(QResizeEvent*) {
  if (m_fit) {
    m_view = render::MapTransform::fit(m_fit->first, width(), height(), m_fit->second);
  } else if (!m_view.valid() && !m_full.is_null()) {
    m_view = render::MapTransform::fit(m_full, width(), height(), 0.04);
  } else {
    m_view = m_view.resized(width(), height());
  }
  changed_view(false);
}

void MapCanvas::mousePressEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  m_press = m_last = e->position().toPoint();
  m_press_view = m_view;
  m_press_mods = e->modifiers();
  m_drag = Drag::none;
  m_fit.reset();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
  const QPoint pos = e->position().toPoint();
  if (m_view.valid()) emit cursor_moved(m_view.world_x(pos.x()), m_view.world_y(pos.y()));
  if (!(e->buttons() & Qt::LeftButton)) {
    if (m_view.valid())
      emit hovered(m_view.world_x(pos.x()), m_view.world_y(pos.y()), kPickTolerancePx * m_view.units_per_px());
    return;
  }
  if (m_drag == Drag::none && (pos - m_press).manhattanLength() >= kDragStartPx) {
    if (m_press_mods & Qt::ControlModifier || m_tool == Tool::select) m_drag = Drag::box_select;
    else if (m_press_mods & Qt::ShiftModifier || m_tool == Tool::zoom_box) m_drag = Drag::box_zoom;
    else m_drag = Drag::pan;
    if (m_drag == Drag::pan) setCursor(Qt::ClosedHandCursor);
  }
  m_last = pos;
  if (m_drag == Drag::pan) {
    // The map follows the cursor by moving the last image; nothing is drawn until release.
    m_view = m_press_view.panned(pos.x() - m_press.x(), pos.y() - m_press.y());
    emit view_changed(m_view);
  }
  update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  const Drag drag = m_drag;
  m_drag = Drag::none;
  unsetCursor();
  const QPoint pos = e->position().toPoint();
  const auto box = [&] {
    const QRect r = QRect(m_press, pos).normalized();
    return render::Extent{m_view.world_x(r.left()), m_view.world_y(r.bottom()), m_view.world_x(r.right()),
                          m_view.world_y(r.top())};
  };
  switch (drag) {
    case Drag::none:
      if (m_tool == Tool::measure_length || m_tool == Tool::measure_area) {
        measure_click(pos);
        break;
      }
      if (m_view.valid())
        emit clicked(m_view.world_x(pos.x()), m_view.world_y(pos.y()), kPickTolerancePx * m_view.units_per_px(),
                     m_press_mods);
      break;
    case Drag::pan: changed_view(true); break;
    case Drag::box_zoom: zoom_to(box(), 0); break;
    case Drag::box_select:
      emit rectangle_selected(box(), m_press_mods);
      update();
      break;
  }
}

void MapCanvas::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  if (steps == 0 || !m_view.valid()) return;
  const QPointF pos = e->position();
  m_fit.reset();
  m_view = m_view.zoomed(std::pow(1.25, steps), pos.x(), pos.y());
  update();
  changed_view(false);  // one render for a burst of wheel steps
}

void MapCanvas::keyPressEvent(QKeyEvent* e) {
  const double step = std::min(width(), height()) / 4.0;
  switch (e->key()) {
    case Qt::Key_Left: pan_by(step, 0); break;
    case Qt::Key_Right: pan_by(-step, 0); break;
    case Qt::Key_Up: pan_by(0, step); break;
    case Qt::Key_Down: pan_by(0, -step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom_by(2); break;
    case Qt::Key_Minus: zoom_by(0.5); break;
    case Qt::Key_Home: zoom_full(); break;
    default: QWidget::keyPressEvent(e);
  }
}

void MapCanvas::leaveEvent(QEvent*) {
  if (m_hover) set_hover(std::nullopt);
}

}  // namespace parkgis::viewer
