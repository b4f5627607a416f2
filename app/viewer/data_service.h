#pragma once
// The data thread: one store connection of its own, and jobs posted to it from the UI thread, whose
// results come back to the UI thread as queued calls. The UI thread never touches SQLite.
//
//   data->post<Overview>([](store::Store& s) { return load_overview(s); },
//                        this, [this](Overview o) { ... });   // runs on the UI thread
//
// A job with a `latest` key is dropped when a newer one with the same key was posted before it started
// (hover, search as you type): only the last question is answered.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace parkgis::store {
class Store;
}

namespace parkgis::viewer {

class DataWorker;

class DataService : public QObject {
  Q_OBJECT
 public:
  explicit DataService(QObject* parent = nullptr);
  ~DataService() override;

  // Opens `path` on the data thread (closing what was open); `done` gets "" or the error message.
  void open(const QString& path, QObject* context, std::function<void(QString)> done);
  void close();

  // Runs job(store) on the data thread; then done(result) on context's thread, unless context is gone.
  // Errors (DataError and others) go to `failed`, or to the error() signal when none is given.
  template <class R>
  void post(std::function<R(store::Store&)> job, QObject* context, std::function<void(R)> done,
            const char* latest = nullptr, std::function<void(QString)> failed = {}) {
    auto result = std::make_shared<R>();
    enqueue([job, result](store::Store& s) { *result = job(s); },
            context, [done, result] { done(std::move(*result)); }, latest, std::move(failed));
  }

  // Jobs posted and not yet finished (the screenshot mode and tests wait for 0).
  int pending() const { return m_pending.load(); }

 signals:
  void error(const QString& message);

 private:
  void enqueue(std::function<void(store::Store&)> job, QObject* context, std::function<void()> done,
               const char* latest, std::function<void(QString)> failed);

  QThread m_thread;
  DataWorker* m_worker = nullptr;
  std::atomic<int> m_pending{0};
  std::mutex m_mutex;
  std::map<std::string, std::uint64_t> m_latest;  // key -> serial of the newest job
  std::uint64_t m_serial = 0;
};

}  // namespace parkgis::viewer
