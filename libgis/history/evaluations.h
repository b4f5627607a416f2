#pragma once
// Evaluations kept per date (docs/history.md). The result tables T of `parkgis analyze` (parcel_metrics,
// zone_metrics, ...) always hold the latest evaluation (the latest date), so a database opened in QGIS
// shows it. Every other evaluation lies in T's archive T_history: a leading as_of DATE column, then T's
// columns (and T's geometry, registered and indexed). The table evaluations lists one row per date.
// locate() is the one answer to "where are the rows of table T of evaluation D"; readers use it through
// evaluation_view() (dated_view.h), or per date for trends, and never name archives themselves.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/store/table.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::history {

// The result tables analyze writes, in the order it writes them.
const std::vector<std::string>& result_tables();
bool is_result_table(const std::string& table);
std::string archive_table(const std::string& table);  // "parcel_metrics" -> "parcel_metrics_history"
inline constexpr const char* kEvaluationsTable = "evaluations";

struct Evaluation {
  Date as_of;
  long long run_id = 0;
  std::string ran_at, config_source, parkgis_version;
  std::string land_as_of;  // the land data version used ("" = the imported data, never updated)
  long long parcels = 0, zones = 0, parks = 0, enterprises = 0, unsupplied_pieces = 0;
  bool legacy = false;  // a database of an earlier parkgis: its one evaluation, read from the current tables
};

// The evaluations in the database, earliest first (empty when it was never analysed).
std::vector<Evaluation> list_evaluations(store::Store& store);

// The evaluation a reader asked for: `requested` when there is one of that date, else the latest.
// Throws UsageError listing the dates there are for an unknown date, DataError when the database has
// not been analysed and a date was asked for; `option` is the option the date came from, for the message.
std::optional<Date> choose_evaluation(store::Store& store, const std::optional<Date>& requested,
                                      const char* option = "--as-of");

// Where the rows of result table `table` of evaluation `as_of` lie: the table itself for the latest
// evaluation, else its archive filtered on as_of (whose as_of column readers do not see: `hidden`).
struct Location {
  std::string table;
  store::Filter filter;              // conditions to AND with the reader's own
  std::vector<std::string> hidden;   // columns of `table` that are not the logical table's
};
Location locate(store::Store& store, const std::string& table, const Date& as_of);

// Writes the result tables of one evaluation, inside the caller's open transaction. On construction: a
// database of an earlier parkgis gets its one evaluation recorded (migration on first write); when as_of
// is later than the latest evaluation, that one moves from the current tables into the archives; rows of
// an earlier evaluation of the same date are removed. write() then replaces the current table (the
// latest date) or adds the rows to the archive (an earlier date).
class EvaluationWriter {
 public:
  EvaluationWriter(store::Store& store, const Date& as_of);
  void write(const store::TableDef& def, const store::RowSource& rows);
  void write(const store::TableDef& def, const std::vector<store::Row>& rows) { write(def, store::RowSource::of(rows)); }
  // Records the evaluation in the table evaluations (replacing one of the same date).
  void finish(const Evaluation& evaluation);
  bool writes_current() const { return m_current; }

 private:
  store::Store& m_store;
  Date m_as_of;
  bool m_current = true;
};

// The archive table of a result table's definition: as_of first, the same columns and geometry,
// indexes on as_of, the table's id and its other indexed columns.
store::TableDef archive_def(const store::TableDef& def);

}  // namespace parkgis::history
