#include "app/viewer/data_service.h"

#include <QMetaObject>
#include <exception>

#include "app/viewer/evaluation_choice.h"
#include "libgis/core/errors.h"
#include "libgis/history/dated_view.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

// Lives on the data thread; owns the connection.
class DataWorker : public QObject {
 public:
  std::unique_ptr<store::Store> store;
};

DataService::DataService(QObject* parent) : QObject(parent) {
  m_thread.setObjectName(QStringLiteral("parkgis-data"));
  m_worker = new DataWorker;
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  m_thread.start();
}

DataService::~DataService() {
  // The worker (and its connection) is deleted on the data thread when its event loop ends.
  m_thread.quit();
  m_thread.wait();
}

void DataService::open(const QString& path, QObject* context, std::function<void(QString)> done) {
  ++m_pending;
  QPointer<QObject> ctx(context);
  DataWorker* w = m_worker;
  QMetaObject::invokeMethod(m_worker, [this, w, path, ctx, done] {
    QString message;
    try {
      w->store.reset();
      w->store = history::open_evaluation(path.toStdString(), evaluation_date());
    } catch (const std::exception& e) {
      message = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(ctx ? ctx.data() : this, [this, ctx, done, message] {
      --m_pending;
      if (ctx) done(message);
    }, Qt::QueuedConnection);
  }, Qt::QueuedConnection);
}

void DataService::close() {
  DataWorker* w = m_worker;
  QMetaObject::invokeMethod(m_worker, [w] { w->store.reset(); }, Qt::QueuedConnection);
}

void DataService::enqueue(std::function<void(store::Store&)> job, QObject* context, std::function<void()> done,
                          const char* latest, std::function<void(QString)> failed) {
  std::uint64_t serial = 0;
  std::string key = latest ? latest : "";
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    serial = ++m_serial;
    if (!key.empty()) m_latest[key] = serial;
  }
  ++m_pending;
  QPointer<QObject> ctx(context);
  DataWorker* w = m_worker;
  QMetaObject::invokeMethod(m_worker, [=, this] {
    bool superseded = false;
    if (!key.empty()) {
      std::lock_guard<std::mutex> lock(m_mutex);
      superseded = m_latest[key] != serial;
    }
    QString message;
    bool ran = false;
    if (!superseded && w->store) {
      try {
        job(*w->store);
        w->store->end_reading();  // PostGIS: the next job reads the latest state, and writers are not held up
        ran = true;
      } catch (const std::exception& e) {
        message = QString::fromStdString(e.what());
        try {
          w->store->end_reading();
        } catch (const std::exception&) {
        }
      }
    }
    QMetaObject::invokeMethod(this, [=, this] {
      --m_pending;
      if (!ctx) return;
      if (ran) done();
      else if (!message.isEmpty()) failed ? failed(message) : emit error(message);
    }, Qt::QueuedConnection);
  }, Qt::QueuedConnection);
}

}  // namespace parkgis::viewer
