#include "libgis/store/rtree_bulk.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "libgis/core/errors.h"
#include "libgis/store/sqlite_db.h"

namespace parkgis::store::detail {

namespace {

// SQLite's rounding of a double to a float that does not shrink the box: scale by 1 ± 2^-23.
constexpr double kTowardZero = 1.0 - 1.0 / 8388608.0;
constexpr double kAwayFromZero = 1.0 + 1.0 / 8388608.0;

struct Cell {
  std::int64_t id = 0;  // row id (leaves) or child node number (inner nodes)
  float box[4] = {0, 0, 0, 0};  // minX, maxX, minY, maxY
};

void put_u16(unsigned char* p, unsigned v) {
  p[0] = static_cast<unsigned char>(v >> 8);
  p[1] = static_cast<unsigned char>(v);
}

void put_u32(unsigned char* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (24 - 8 * i));
}

void put_i64(unsigned char* p, std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(u >> (56 - 8 * i));
}

void put_float(unsigned char* p, float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  put_u32(p, u);
}

// Orders cells for packing (Sort-Tile-Recursive): vertical slices by centre x, each slice by centre y.
void str_order(std::vector<Cell>& cells, std::size_t per_node) {
  const auto cx = [](const Cell& c) { return double(c.box[0]) + double(c.box[1]); };
  const auto cy = [](const Cell& c) { return double(c.box[2]) + double(c.box[3]); };
  std::stable_sort(cells.begin(), cells.end(), [&](const Cell& a, const Cell& b) { return cx(a) < cx(b); });
  const std::size_t nodes = (cells.size() + per_node - 1) / per_node;
  const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
  const std::size_t slice_cells = ((nodes + slices - 1) / slices) * per_node;
  for (std::size_t s = 0; s < cells.size(); s += slice_cells) {
    const auto end = cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), s + slice_cells));
    std::stable_sort(cells.begin() + static_cast<std::ptrdiff_t>(s), end,
                     [&](const Cell& a, const Cell& b) { return cy(a) < cy(b); });
  }
}

}  // namespace

float rtree_lower(double d) {
  float f = static_cast<float>(d);
  if (f > d) f = static_cast<float>(d * (d < 0 ? kAwayFromZero : kTowardZero));
  return f;
}

float rtree_upper(double d) {
  float f = static_cast<float>(d);
  if (f < d) f = static_cast<float>(d * (d < 0 ? kTowardZero : kAwayFromZero));
  return f;
}

void bulk_load_rtree(Db& db, const std::string& rtree, std::vector<Envelope> entries) {
  const std::string node_table = quote_ident(rtree + "_node");
  const std::string rowid_table = quote_ident(rtree + "_rowid");
  const std::string parent_table = quote_ident(rtree + "_parent");

  // The node size is fixed when the R*Tree is created (from the page size); the empty root shows it.
  std::size_t node_size = 0;
  {
    Stmt st(db, "SELECT length(data), (SELECT count(*) FROM " + node_table + "), (SELECT count(*) FROM " +
                    rowid_table + ") FROM " + node_table + " WHERE nodeno = 1");
    if (!st.step() || st.column_int(1) != 1 || st.column_int(2) != 0)
      throw DataError("R*Tree " + rtree + " is not empty; it cannot be bulk loaded");
    node_size = static_cast<std::size_t>(st.column_int(0));
  }
  constexpr std::size_t kCellBytes = 8 + 4 * 4;
  if (node_size < 4 + 2 * kCellBytes) throw DataError("R*Tree " + rtree + " has an unexpected node size");
  const std::size_t per_node = (node_size - 4) / kCellBytes;
  if (entries.empty()) return;

  // Level 0 holds the rows; each pass packs a level into nodes until one node (the root) is left.
  std::vector<Cell> level;
  level.reserve(entries.size());
  for (const Envelope& e : entries) {
    Cell c;
    c.id = e.id;
    c.box[0] = rtree_lower(e.min_x);
    c.box[1] = rtree_upper(e.max_x);
    c.box[2] = rtree_lower(e.min_y);
    c.box[3] = rtree_upper(e.max_y);
    level.push_back(c);
  }
  entries.clear();
  entries.shrink_to_fit();

  std::vector<std::vector<std::vector<Cell>>> levels;  // levels[k][node] = the cells of that node
  for (;;) {
    str_order(level, per_node);
    std::vector<std::vector<Cell>> nodes;
    for (std::size_t i = 0; i < level.size(); i += per_node)
      nodes.emplace_back(level.begin() + static_cast<std::ptrdiff_t>(i),
                         level.begin() + static_cast<std::ptrdiff_t>(std::min(level.size(), i + per_node)));
    std::vector<Cell> parents;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      Cell p;
      p.id = static_cast<std::int64_t>(n);  // index within this level, numbered below
      p.box[0] = p.box[2] = INFINITY;
      p.box[1] = p.box[3] = -INFINITY;
      for (const Cell& c : nodes[n]) {
        p.box[0] = std::min(p.box[0], c.box[0]);
        p.box[1] = std::max(p.box[1], c.box[1]);
        p.box[2] = std::min(p.box[2], c.box[2]);
        p.box[3] = std::max(p.box[3], c.box[3]);
      }
      parents.push_back(p);
    }
    levels.push_back(std::move(nodes));
    if (levels.back().size() == 1) break;
    level = std::move(parents);
  }

  // Node numbers: the root is 1, then each level below in order.
  const std::size_t depth = levels.size() - 1;  // levels above the leaves
  std::vector<std::int64_t> first(levels.size());
  std::int64_t next = 1;
  for (std::size_t k = levels.size(); k-- > 0;) {
    first[k] = next;
    next += static_cast<std::int64_t>(levels[k].size());
  }

  Stmt write_node(db, "INSERT OR REPLACE INTO " + node_table + " (nodeno, data) VALUES (?, ?)");
  Stmt write_parent(db, "INSERT INTO " + parent_table + " (nodeno, parentnode) VALUES (?, ?)");
  std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of;  // row id, leaf node
  std::string blob(node_size, '\0');
  for (std::size_t k = levels.size(); k-- > 0;) {
    for (std::size_t n = 0; n < levels[k].size(); ++n) {
      const std::int64_t nodeno = first[k] + static_cast<std::int64_t>(n);
      std::fill(blob.begin(), blob.end(), '\0');
      auto* p = reinterpret_cast<unsigned char*>(blob.data());
      if (nodeno == 1) put_u16(p, static_cast<unsigned>(depth));
      const std::vector<Cell>& cells = levels[k][n];
      put_u16(p + 2, static_cast<unsigned>(cells.size()));
      for (std::size_t c = 0; c < cells.size(); ++c) {
        unsigned char* q = p + 4 + c * kCellBytes;
        const std::int64_t id = k == 0 ? cells[c].id : first[k - 1] + cells[c].id;
        put_i64(q, id);
        for (int j = 0; j < 4; ++j) put_float(q + 8 + 4 * j, cells[c].box[j]);
        if (k == 0) leaf_of.emplace_back(id, nodeno);
        else {
          write_parent.bind_int(1, id);
          write_parent.bind_int(2, nodeno);
          write_parent.step();
          write_parent.reset();
        }
      }
      write_node.bind_int(1, nodeno);
      write_node.bind_blob(2, blob);
      write_node.step();
      write_node.reset();
    }
  }
  std::sort(leaf_of.begin(), leaf_of.end());  // row ids in order: appends to the rowid table's B-tree
  Stmt write_rowid(db, "INSERT INTO " + rowid_table + " (rowid, nodeno) VALUES (?, ?)");
  for (const auto& [id, node] : leaf_of) {
    write_rowid.bind_int(1, id);
    write_rowid.bind_int(2, node);
    write_rowid.step();
    write_rowid.reset();
  }
}

}  // namespace parkgis::store::detail
