#pragma once
// Rows handed from the thread that reads a layer to the thread that writes it, a chunk at a time, so that
// a large table (enterprises.csv) is written while it is still being read. At most `max_chunks` wait at
// a time: a reader ahead of the writer waits for it, so the rows in flight stay a few megabytes.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::import {

class RowQueue {
 public:
  explicit RowQueue(std::size_t max_chunks) : m_max(max_chunks) {}

  // Reading side: one chunk of rows, in source order; waits while the queue is full. Rows pushed after
  // abandon() are dropped.
  void push(std::vector<store::Row> rows) {
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_room.wait(lock, [&] { return m_chunks.size() < m_max || m_abandoned; });
      if (m_abandoned) return;
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
    m_ready.notify_all();
  }
  // Writing side: waits for the next chunk; false once the queue is closed and empty.
  bool pop(std::vector<store::Row>& rows) {
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_ready.wait(lock, [&] { return !m_chunks.empty() || m_closed; });
      if (m_chunks.empty()) return false;
      rows = std::move(m_chunks.front());
      m_chunks.pop_front();
    }
    m_room.notify_one();
    return true;
  }
  // Writing side, when it stops early (an error): a waiting reader goes on, its rows dropped.
  void abandon() {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_abandoned = true;
      m_chunks.clear();
    }
    m_room.notify_all();
  }

 private:
  const std::size_t m_max;
  std::mutex m_mutex;
  std::condition_variable m_ready, m_room;
  std::deque<std::vector<store::Row>> m_chunks;
  bool m_closed = false, m_abandoned = false;
};

}  // namespace parkgis::import
