#pragma once
// Background map rendering, as QGIS's canvas does it: the render thread has its own store connection
// and MapRenderer; a request supersedes the one before it (which stops at its next check); each pass
// (layer, selection, labels) is kept as an image and reused while its inputs are unchanged, so a theme
// switch redraws the parcels only and a visibility toggle only recomposes. Results come back as
// images with the view they were drawn for; the canvas places them correctly whatever the view is now.

#include <QImage>
#include <QObject>
#include <QThread>
#include <atomic>
#include <mutex>
#include <optional>

#include "libgis/render/map_renderer.h"

namespace parkgis::viewer {

class RenderWorker;

struct RenderResult {
  QImage image;
  render::MapTransform view;
  std::uint64_t serial = 0;
  bool partial = false;      // more passes are coming
  bool mid_pass = false;     // a partial image taken while a pass was still drawing (long first renders)
  double total_ms = 0;       // from the request to this image
  int passes_drawn = 0;      // passes drawn (not from the cache)
  render::DrawStats stats;
};

class RenderService : public QObject {
  Q_OBJECT
 public:
  explicit RenderService(QObject* parent = nullptr);
  ~RenderService() override;

  // Opens the database on the render thread (empty path: close). Clears the caches.
  void open(const QString& path);
  // Asks for a render; returns its serial. Any earlier request still running is cancelled.
  std::uint64_t request(const render::MapTransform& view, const render::RenderSettings& settings);
  std::uint64_t latest() const { return m_serial.load(); }
  bool busy() const { return m_busy.load() > 0; }
  // How often a render in progress shows what it has drawn so far (default 250 ms; tests use 0).
  void set_partial_interval_ms(int ms) { m_partial_ms = ms; }

 signals:
  void rendered(const parkgis::viewer::RenderResult& result);
  void failed(const QString& message);
  void opened(const QString& error);  // "" when the database opened

 private:
  friend class RenderWorker;
  QThread m_thread;
  RenderWorker* m_worker = nullptr;
  std::atomic<std::uint64_t> m_serial{0};
  std::atomic<int> m_busy{0};
  std::atomic<int> m_partial_ms{250};
};

}  // namespace parkgis::viewer

Q_DECLARE_METATYPE(parkgis::viewer::RenderResult)
