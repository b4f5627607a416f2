#include "app/viewer/render_service.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <array>
#include <map>

#include "app/viewer/evaluation_choice.h"
#include "libgis/core/progress.h"
#include "libgis/history/dated_view.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

// What a pass's image depends on besides the view: a layer's pass only on that layer being shown
// (and the theme, for the themed layers), so that toggling one layer redraws nothing else.
std::string pass_key(render::Pass pass, const render::RenderSettings& s) {
  const auto on = [&](render::LayerId l) { return s.visible[l]; };
  switch (pass) {
    case render::Pass::basemaps: return {};  // each basemap has its own image (RenderWorker::compose_basemaps)
    case render::Pass::references: {
      std::string key = "refs";
      for (const render::ReferenceLayer& r : s.references)
        if (r.visible) key += "|" + r.source;
      return key;
    }
    case render::Pass::parks:  // unfilled over a basemap
      return on(render::LayerId::parks) ? (render::basemap_drawn(s) ? "on|over basemap" : "on") : "off";
    case render::Pass::zones: return on(render::LayerId::zones) ? "on" : "off";
    case render::Pass::buildings: return on(render::LayerId::buildings) ? "on" : "off";
    case render::Pass::parcels:  // the changes theme also on its two evaluations (and whether they are read)
      return on(render::LayerId::parcels) ? "on|" + s.theme_id + (s.changes ? "|" + s.changes->span.text() : "") : "off";
    case render::Pass::unsupplied: return on(render::LayerId::unsupplied) ? "on|" + s.theme_id : "off";
    case render::Pass::sites: return on(render::LayerId::sites) ? "on|" + s.theme_id : "off";
    case render::Pass::selection:
      return std::to_string(s.selection_serial);
    case render::Pass::labels:
      if (!s.labels) return "off";
      return std::string(on(render::LayerId::parks) ? "p" : "") + (on(render::LayerId::zones) ? "z" : "") +
             (on(render::LayerId::parcels) ? "c|" + s.label_options.key() : "");
  }
  return {};
}

}  // namespace

struct RenderRequest {
  render::MapTransform view;
  render::RenderSettings settings;
  std::uint64_t serial = 0;
  QElapsedTimer since;
};

class RenderWorker : public QObject {
 public:
  explicit RenderWorker(RenderService* service) : m_service(service) {}

  void open(const QString& path) {
    m_cache = {};
    m_basemaps.clear();
    m_renderer.reset();
    m_store.reset();
    if (path.isEmpty()) return;
    QString error;
    try {
      m_store = history::open_evaluation(path.toStdString(), evaluation_date());
      m_renderer = std::make_unique<render::MapRenderer>(*m_store);
    } catch (const std::exception& e) {
      m_renderer.reset();
      m_store.reset();
      error = QString::fromStdString(e.what());
    }
    emit m_service->opened(error);
  }

  void post(RenderRequest r) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending = std::move(r);
    m_service->m_busy = 1;
  }

  void process() {
    RenderRequest r;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (!m_pending) return;
      r = std::move(*m_pending);
      m_pending.reset();
    }
    bool done = false;
    try {
      if (m_renderer) {
        render(r);
        done = true;
      }
    } catch (const Cancelled&) {
      // Superseded by a newer request: its result is the one wanted.
    } catch (const std::exception& e) {
      emit m_service->failed(QString::fromStdString(e.what()));
    }
    try {
      if (m_store) m_store->end_reading();  // PostGIS: one snapshot per render, writers not held up
    } catch (const std::exception&) {
    }
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (m_pending) return;
      m_service->m_busy = 0;
    }
    if (done) preload_themes(r);
  }

  // Idle work after a finished render: the classes of the other themes for the features in memory,
  // so that a theme switch only draws. Stops as soon as a new request arrives.
  void preload_themes(const RenderRequest& r) {
    const std::uint64_t serial = r.serial;
    const auto cancel = [this, serial] { return m_service->m_serial.load() != serial; };
    try {
      render::LayerLoader& loader = m_renderer->loader();
      const style::Theme* current = m_renderer->theme(r.settings.theme_id);
      for (render::LayerId layer : {render::LayerId::parcels, render::LayerId::unsupplied, render::LayerId::sites}) {
        if (!loader.available(layer)) continue;
        const render::FeatureSetPtr set = loader.get(layer, r.view.extent(), cancel, 1.0, current);
        for (const style::Theme& t : loader.themes()) loader.classes(*set, t, cancel);
      }
    } catch (const std::exception&) {
      // Cancelled by a new request (or a read error, which the next render reports).
    }
  }

 private:
  struct CachedPass {
    render::MapTransform view;
    std::string key;
    QImage image;
  };

  void render(const RenderRequest& r) {
    const std::uint64_t serial = r.serial;
    const auto cancelled = [this, serial] { return m_service->m_serial.load() != serial; };
    const QSize size(r.view.width(), r.view.height());
    QImage out(size, QImage::Format_ARGB32_Premultiplied);
    out.fill(render::background_color());
    QPainter composite(&out);
    RenderResult result;
    result.view = r.view;
    result.serial = serial;
    qint64 last_emit = 0;
    const QImage* drawing = nullptr;  // the pass being drawn, shown over `out` in partial images
    // Shows what is drawn so far (the passes done and the one in progress) every m_partial_ms, so a
    // long first render (a cold load of 200,000 parcels) fills the map while it draws, as QGIS does.
    const auto show_partial = [&](bool mid_pass) {
      const qint64 now = r.since.elapsed();
      if (now - last_emit < m_service->m_partial_ms.load() || cancelled()) return;
      last_emit = now;
      RenderResult partial = result;
      partial.image = out.copy();
      if (drawing) {
        QPainter over(&partial.image);
        over.drawImage(0, 0, *drawing);
      }
      partial.partial = true;
      partial.mid_pass = mid_pass;
      partial.total_ms = static_cast<double>(now);
      emit m_service->rendered(partial);
    };
    // The renderer checks for cancellation often while it reads and draws: the moment for partial images.
    const render::CancelFn cancel = [&] {
      if (cancelled()) return true;
      if (drawing) show_partial(true);
      return false;
    };
    for (int k = 0; k < render::kPassCount; ++k) {
      const render::Pass pass = render::kPasses[k];
      if (pass == render::Pass::basemaps) {
        result.passes_drawn += compose_basemaps(composite, r, cancel);
        show_partial(false);
        continue;
      }
      CachedPass& c = m_cache[static_cast<std::size_t>(k)];
      const std::string key = pass_key(pass, r.settings);
      if (c.image.isNull() || !(c.view == r.view) || c.key != key) {
        QImage img(size, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::transparent);
        render::DrawStats st;
        {
          QPainter p(&img);
          drawing = &img;
          st = m_renderer->render_pass(p, r.view, pass, r.settings, cancel);
          drawing = nullptr;
        }
        result.stats.polygons += st.polygons;
        result.stats.dots += st.dots;
        result.stats.vertices_in += st.vertices_in;
        result.stats.vertices_out += st.vertices_out;
        c = {r.view, key, std::move(img)};
        ++result.passes_drawn;
      }
      composite.drawImage(0, 0, c.image);
      if (k + 1 < render::kPassCount) show_partial(false);
    }
    composite.end();
    if (cancelled()) return;
    result.image = std::move(out);
    result.total_ms = static_cast<double>(r.since.nsecsElapsed()) / 1e6;
    emit m_service->rendered(result);
  }

  // The basemaps, each warped into the view by libgis (render::warp_basemap) and kept as its own image,
  // drawn with its opacity: an opacity or visibility change only recomposes, a new view re-warps.
  // Returns how many were warped.
  int compose_basemaps(QPainter& composite, const RenderRequest& r, const render::CancelFn& cancel) {
    int warped = 0;
    std::map<std::string, CachedPass> kept;
    for (const render::Basemap& b : r.settings.basemaps) {
      auto it = m_basemaps.find(b.source);
      if (!b.visible || b.opacity <= 0) {  // hidden: its image kept for when it is shown again
        if (it != m_basemaps.end()) kept.insert(*it);
        continue;
      }
      if (it == m_basemaps.end() || !(it->second.view == r.view)) {
        CachedPass c{r.view, b.source, m_renderer->basemap_image(b, r.view, 1.0, cancel)};
        it = m_basemaps.insert_or_assign(b.source, std::move(c)).first;
        ++warped;
      }
      if (!it->second.image.isNull()) {
        composite.setOpacity(std::min(1.0, b.opacity));
        composite.drawImage(QRectF(0, 0, r.view.width(), r.view.height()), it->second.image);
        composite.setOpacity(1.0);
      }
      kept.insert(*it);
    }
    m_basemaps = std::move(kept);  // a basemap removed: its image goes
    return warped;
  }

  RenderService* m_service;
  std::map<std::string, CachedPass> m_basemaps;  // by source
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<render::MapRenderer> m_renderer;
  std::array<CachedPass, render::kPassCount> m_cache;
  std::mutex m_mutex;
  std::optional<RenderRequest> m_pending;
};

RenderService::RenderService(QObject* parent) : QObject(parent) {
  qRegisterMetaType<parkgis::viewer::RenderResult>();
  m_thread.setObjectName(QStringLiteral("parkgis-render"));
  m_worker = new RenderWorker(this);
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  m_thread.start();
}

RenderService::~RenderService() {
  ++m_serial;  // cancels a render in progress
  m_thread.quit();
  m_thread.wait();
}

void RenderService::open(const QString& path) {
  ++m_serial;
  RenderWorker* w = m_worker;
  QMetaObject::invokeMethod(m_worker, [w, path] { w->open(path); }, Qt::QueuedConnection);
}

std::uint64_t RenderService::request(const render::MapTransform& view, const render::RenderSettings& settings) {
  RenderRequest r;
  r.view = view;
  r.settings = settings;
  r.serial = ++m_serial;
  r.since.start();
  const std::uint64_t serial = r.serial;
  m_worker->post(std::move(r));
  RenderWorker* w = m_worker;
  QMetaObject::invokeMethod(m_worker, [w] { w->process(); }, Qt::QueuedConnection);
  return serial;
}

}  // namespace parkgis::viewer
