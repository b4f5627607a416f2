#pragma once
// Bulk loading of an SQLite R*Tree (the spatial index SpatiaLite keeps in idx_<table>_<column>).
//
// SQLite grows an R*Tree one row at a time (about 100,000 rows a second here), which made the spatial
// index the largest single cost of writing a province. An index of a table written in one go can
// instead be packed bottom-up (Sort-Tile-Recursive): every envelope is sorted once, leaves are filled
// in order, and each upper level is packed the same way. The nodes are written straight into the
// R*Tree's own tables, in the format SQLite documents at the top of ext/rtree/rtree.c:
//   <name>_node(nodeno INTEGER PRIMARY KEY, data BLOB)  — node 1 is the root;
//       data: 2-byte tree depth (root only), 2-byte cell count, then cells of an 8-byte id and
//       4-byte floats (minX, maxX, minY, maxY), all big-endian, zero-padded to the node size;
//   <name>_rowid(rowid INTEGER PRIMARY KEY, nodeno)      — the leaf holding each row;
//   <name>_parent(nodeno INTEGER PRIMARY KEY, parentnode) — the parent of each node but the root.
// Coordinates are rounded outwards to floats exactly as SQLite does for an rtree's REAL columns, so the
// index holds the same boxes as one SQLite builds itself. SQLite's rtreecheck() accepts the result,
// and later inserts, updates and deletes through the R*Tree work as on any other.

#include <cstdint>
#include <string>
#include <vector>

namespace parkgis::store::detail {

class Db;

struct Envelope {
  std::int64_t id = 0;  // the row id of the indexed table
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
};

// The float SQLite stores for a lower / upper bound d: the nearest float at or below / above d.
float rtree_lower(double d);
float rtree_upper(double d);

// Fills the R*Tree virtual table `rtree` (2 dimensions, created and still empty: its root node holds no
// cell) with the given envelopes. Throws DataError if the R*Tree is not empty or not 2-dimensional.
void bulk_load_rtree(Db& db, const std::string& rtree, std::vector<Envelope> entries);

}  // namespace parkgis::store::detail
