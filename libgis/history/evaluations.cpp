#include "libgis/history/evaluations.h"

#include <algorithm>

#include "libgis/core/errors.h"
#include "libgis/store/store.h"

namespace parkgis::history {

namespace {

using store::ColumnType;
using store::Value;

std::string text(const Value& v) { return store::value_text(v); }
long long integer(const Value& v) { return static_cast<long long>(store::value_number(v).value_or(0)); }

const store::TableDef& evaluations_def() {
  static const store::TableDef def{kEvaluationsTable,
                                   {{"as_of", ColumnType::date},
                                    {"run_id", ColumnType::integer},
                                    {"ran_at", ColumnType::text},
                                    {"config_source", ColumnType::text},
                                    {"parkgis_version", ColumnType::text},
                                    {"land_as_of", ColumnType::date},
                                    {"parcels", ColumnType::integer},
                                    {"zones", ColumnType::integer},
                                    {"parks", ColumnType::integer},
                                    {"enterprises", ColumnType::integer},
                                    {"unsupplied_pieces", ColumnType::integer}},
                                   "as_of",
                                   false,
                                   {}};
  return def;
}

store::Filter on_date(const Date& as_of) { return store::Filter::equals("as_of", as_of.iso()); }

long long count_rows(store::Store& s, const std::string& table) {
  long long n = 0;
  if (s.has_table(table)) s.read_table(table, {}, false, "", [&](const store::Row&) { ++n; });
  return n;
}

// A database of an earlier parkgis: result tables but no table evaluations. Its one evaluation is the
// last run's (runs.as_of), else the dataset's date.
std::optional<Evaluation> legacy_evaluation(store::Store& s) {
  if (s.has_table(kEvaluationsTable) || !s.has_table("parcel_metrics")) return std::nullopt;
  Evaluation e;
  e.legacy = true;
  std::string as_of;
  if (s.has_table("runs")) {
    const std::vector<std::string> cols = s.columns("runs");
    const auto has = [&](const char* c) { return std::find(cols.begin(), cols.end(), c) != cols.end(); };
    std::vector<std::string> want = {"as_of"};
    for (const char* c : {"run_id", "ran_at", "config_source", "parkgis_version"})
      if (has(c)) want.push_back(c);
    s.read_table("runs", want, false, has("run_id") ? "run_id" : "", [&](const store::Row& r) {
      as_of = text(r.values[0]);
      for (std::size_t i = 1; i < want.size(); ++i) {
        if (want[i] == "run_id") e.run_id = integer(r.values[i]);
        else if (want[i] == "ran_at") e.ran_at = text(r.values[i]);
        else if (want[i] == "config_source") e.config_source = text(r.values[i]);
        else e.parkgis_version = text(r.values[i]);
      }
    });
  }
  if (as_of.empty()) as_of = s.meta()["as_of"];
  const std::optional<Date> d = parse_date(as_of);
  if (!d)
    throw DataError("database " + s.location() + " holds results of an earlier parkgis without their evaluation date; " +
                    "run 'parkgis analyze --db " + s.location() + " --as-of YYYY-MM-DD' again");
  e.as_of = *d;
  e.parcels = count_rows(s, "parcel_metrics");
  e.zones = count_rows(s, "zone_metrics");
  e.parks = count_rows(s, "park_metrics");
  e.enterprises = count_rows(s, "enterprise_metrics");
  e.unsupplied_pieces = count_rows(s, "unsupplied_land");
  return e;
}

std::string dates_text(const std::vector<Evaluation>& evals) {
  std::string out;
  for (const Evaluation& e : evals) out += (out.empty() ? "" : ", ") + e.as_of.iso();
  return out;
}

}  // namespace

const std::vector<std::string>& result_tables() {
  static const std::vector<std::string> tables = {"parcel_metrics", "enterprise_metrics", "tenancy_shares",
                                                  "zone_metrics",   "park_metrics",       "dataset_metrics",
                                                  "unsupplied_land", "approval_metrics"};
  return tables;
}

bool is_result_table(const std::string& table) {
  const auto& t = result_tables();
  return std::find(t.begin(), t.end(), table) != t.end();
}

std::string archive_table(const std::string& table) { return table + "_history"; }

store::TableDef archive_def(const store::TableDef& def) {
  store::TableDef a;
  a.name = archive_table(def.name);
  a.spatial = def.spatial;
  a.columns.push_back({"as_of", ColumnType::date});
  a.columns.insert(a.columns.end(), def.columns.begin(), def.columns.end());
  a.index_columns.push_back("as_of");
  if (!def.unique_column.empty()) a.index_columns.push_back(def.unique_column);
  for (const std::string& c : def.index_columns)
    if (std::find(a.index_columns.begin(), a.index_columns.end(), c) == a.index_columns.end()) a.index_columns.push_back(c);
  return a;
}

std::vector<Evaluation> list_evaluations(store::Store& s) {
  std::vector<Evaluation> out;
  if (auto legacy = legacy_evaluation(s)) {
    out.push_back(*legacy);
    return out;
  }
  if (!s.has_table(kEvaluationsTable)) return out;
  std::vector<std::string> cols;
  for (const store::ColumnDef& c : evaluations_def().columns) cols.push_back(c.name);
  s.read_table(kEvaluationsTable, cols, false, "as_of", [&](const store::Row& r) {
    const std::optional<Date> d = parse_date(text(r.values[0]));
    if (!d) return;
    Evaluation e;
    e.as_of = *d;
    e.run_id = integer(r.values[1]);
    e.ran_at = text(r.values[2]);
    e.config_source = text(r.values[3]);
    e.parkgis_version = text(r.values[4]);
    e.land_as_of = text(r.values[5]);
    e.parcels = integer(r.values[6]);
    e.zones = integer(r.values[7]);
    e.parks = integer(r.values[8]);
    e.enterprises = integer(r.values[9]);
    e.unsupplied_pieces = integer(r.values[10]);
    out.push_back(std::move(e));
  });
  return out;
}

std::optional<Date> choose_evaluation(store::Store& s, const std::optional<Date>& requested, const char* option) {
  const std::vector<Evaluation> evals = list_evaluations(s);
  if (evals.empty()) {
    if (requested)
      throw DataError("database " + s.location() + " has no evaluation yet; run 'parkgis analyze --db " + s.location() +
                      " --as-of " + requested->iso() + "' first");
    return std::nullopt;
  }
  if (!requested) return evals.back().as_of;
  for (const Evaluation& e : evals)
    if (e.as_of == *requested) return e.as_of;
  throw UsageError(std::string(option) + " " + requested->iso() + ": database " + s.location() + " has no evaluation of that date; " +
                   "evaluations: " + dates_text(evals) + " (list them with 'parkgis runs --db " + s.location() + "')");
}

Location locate(store::Store& s, const std::string& table, const Date& as_of) {
  Location loc{table, {}, {}};
  if (!is_result_table(table)) return loc;
  const std::vector<Evaluation> evals = list_evaluations(s);
  if (evals.empty() || evals.back().as_of == as_of) return loc;  // the latest: the table itself
  loc.table = archive_table(table);
  loc.filter = on_date(as_of);
  loc.hidden = {"as_of"};
  return loc;
}

namespace {

// The archive definition of a result table as it stands in the database.
store::TableDef archive_def_of(store::Store& s, const std::string& table) {
  store::TableDef def{table, s.column_defs(table), "", false, {}};
  const std::vector<std::string> cols = s.columns(table);
  def.spatial = std::find(cols.begin(), cols.end(), "geom") != cols.end();
  if (!def.columns.empty()) def.index_columns = {def.columns.front().name};
  return archive_def(def);
}

// Adds to an existing archive the columns its table has gained since (null in earlier evaluations).
void add_missing_columns(store::Store& s, const store::TableDef& archive) {
  if (!s.has_table(archive.name)) return;
  const std::vector<std::string> have = s.columns(archive.name);
  for (const store::ColumnDef& c : archive.columns)
    if (std::find(have.begin(), have.end(), c.name) == have.end()) s.add_column(archive.name, c);
}

}  // namespace

EvaluationWriter::EvaluationWriter(store::Store& s, const Date& as_of) : m_store(s), m_as_of(as_of) {
  std::vector<Evaluation> evals = list_evaluations(s);
  if (!evals.empty() && evals.back().legacy) {
    // A database of an earlier parkgis: its one evaluation is recorded under its date (migration on first
    // write); its rows stay in the current tables like any latest evaluation's.
    Evaluation e = evals.back();
    e.legacy = false;
    m_as_of = e.as_of;
    finish(e);
    m_as_of = as_of;
  }
  const std::optional<Date> latest = evals.empty() ? std::nullopt : std::optional<Date>(evals.back().as_of);
  m_current = !latest || !(as_of < *latest);
  if (latest && *latest < as_of) {
    // A later evaluation: the latest so far moves from the current tables into the archives.
    for (const std::string& t : result_tables()) {
      if (!s.has_table(t)) continue;
      const store::TableDef a = archive_def_of(s, t);
      add_missing_columns(s, a);
      if (s.has_table(a.name)) s.delete_rows(a.name, on_date(*latest));
      s.copy_rows(t, a, {}, {Value{latest->iso()}});
    }
  }
  // Rows of an earlier evaluation of this same date go.
  for (const std::string& t : result_tables())
    if (s.has_table(archive_table(t))) s.delete_rows(archive_table(t), on_date(as_of));
}

void EvaluationWriter::write(const store::TableDef& def, const store::RowSource& rows) {
  if (m_current) {
    m_store.write_rows(def, rows, {});
    return;
  }
  const store::TableDef a = archive_def(def);
  add_missing_columns(m_store, a);
  m_store.append_from(a, rows, {Value{m_as_of.iso()}});
}

void EvaluationWriter::finish(const Evaluation& e) {
  if (m_store.has_table(kEvaluationsTable)) m_store.delete_rows(kEvaluationsTable, on_date(m_as_of));
  store::Row row;
  row.values = {Value{m_as_of.iso()}, Value{std::int64_t{e.run_id}}, Value{e.ran_at}, Value{e.config_source},
                Value{e.parkgis_version}, e.land_as_of.empty() ? Value{} : Value{e.land_as_of},
                Value{std::int64_t{e.parcels}}, Value{std::int64_t{e.zones}}, Value{std::int64_t{e.parks}},
                Value{std::int64_t{e.enterprises}}, Value{std::int64_t{e.unsupplied_pieces}}};
  m_store.append_rows(evaluations_def(), {row});
}

}  // namespace parkgis::history
