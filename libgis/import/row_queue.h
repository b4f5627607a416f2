#pragma once
// Rows handed from the thread that reads a layer to the thread that writes it, a chunk at a time, so that
// a large table (enterprises.csv) is written while it is still being read.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::import {

class RowQueue {
 public:
  // Reading side: one chunk of rows, in source order.
  void push(std::vector<store::Row> rows) {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_chunks.push_back(std::move(rows));
    }
    m_ready.notify_one();
  }
  // Reading side: no more rows (called on success and on failure alike).
  void close() {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_closed = true;
    }
    m_ready.notify_one();
  }
  // Writing side: waits for the next chunk; false once the queue is closed and empty.
  bool pop(std::vector<store::Row>& rows) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_ready.wait(lock, [&] { return !m_chunks.empty() || m_closed; });
    if (m_chunks.empty()) return false;
    rows = std::move(m_chunks.front());
    m_chunks.pop_front();
    return true;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<std::vector<store::Row>> m_chunks;
  bool m_closed = false;
};

}  // namespace parkgis::import
