// A large table written while it is still being read: a RowSource that gives its rows one by one (the
// store writes every row, in order, and builds the indexes after), a CSV source's record estimate, and a
// layer read in chunks and checked for repeated ids chunk by chunk (the same flags and issues as a check
// of the whole layer).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <string>
#include <vector>

#include "libgis/core/issues.h"
#include "libgis/geom/geos.h"
#include "libgis/import/checks.h"
#include "libgis/import/loaded_layer.h"
#include "libgis/import/row_queue.h"
#include "libgis/io/manifest.h"
#include "libgis/io/source_reader.h"
#include "libgis/model/schema.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

using namespace parkgis;
using store::Value;

namespace {

// An enterprises.csv of `n` firms (ids E1 … En), the firm E2 repeated for the same year at the end.
std::string write_enterprises(const test::TempDir& tmp, int n) {
  const std::string path = tmp.str("enterprises.csv");
  std::ofstream out(path);
  out << "enterprise_id,name,year,output_wan,tax_wan\n";
  for (int i = 1; i <= n; ++i) out << "E" << i << ",\"企业 " << i << "\",2025," << i << ",1\n";
  out << "E2,重复,2025,9,9\n";
  return path;
}

}  // namespace

TEST(StreamedRows, AStoreWritesEveryRowASourceGivesOneByOne) {
  test::TempDir tmp;
  auto created = store::create_spatialite(tmp.str("s.sqlite"), 4549);
  store::Store& db = created->store();
  // Three chunks handed over through the queue, as the importer's reading thread does.
  import::RowQueue queue(3);
  for (int c = 0; c < 3; ++c) {
    std::vector<store::Row> chunk;
    for (int i = 0; i < 1000; ++i) {
      store::Row row;
      row.values = {Value{std::string("R") + std::to_string(c * 1000 + i)}, Value{double(c * 1000 + i)}};
      chunk.push_back(std::move(row));
    }
    queue.push(std::move(chunk));
  }
  queue.close();
  std::vector<store::Row> chunk;
  std::size_t at = 0;
  const store::RowSource rows{10, {}, [&]() -> const store::Row* {  // size: a (wrong) estimate, for progress only
                                while (at == chunk.size()) {
                                  if (!queue.pop(chunk)) return nullptr;
                                  at = 0;
                                }
                                return &chunk[at++];
                              }};
  const store::TableDef def{"t", {{"id", store::ColumnType::text}, {"n", store::ColumnType::real}}, "id", false, {"n"}};
  db.begin();
  db.write_rows(def, rows, {});
  db.commit();
  std::vector<std::string> ids;
  double sum = 0;
  db.read_table("t", {"id", "n"}, false, "fid", [&](const store::Row& r) {
    ids.push_back(store::value_text(r.values[0]));
    sum += *store::value_number(r.values[1]);
  });
  ASSERT_EQ(ids.size(), 3000u);
  EXPECT_EQ(ids.front(), "R0");
  EXPECT_EQ(ids[1500], "R1500");
  EXPECT_EQ(ids.back(), "R2999");
  EXPECT_DOUBLE_EQ(sum, 2999.0 * 3000.0 / 2.0);  // 0 + 1 + … + 2999
}

TEST(StreamedRows, AReaderAheadOfTheWriterWaitsAndAnAbandonedQueueLetsItFinish) {
  import::RowQueue queue(2);
  std::atomic<int> pushed{0};
  std::thread reader([&] {
    for (int c = 0; c < 5; ++c) {
      queue.push(std::vector<store::Row>(10));
      ++pushed;
    }
    queue.close();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(pushed.load(), 2);  // the queue holds two chunks: the third push waits for room
  std::vector<store::Row> chunk;
  ASSERT_TRUE(queue.pop(chunk));
  EXPECT_EQ(chunk.size(), 10u);
  queue.abandon();  // the writer stops early: the reader's other pushes are dropped, not waited on
  reader.join();
  EXPECT_EQ(pushed.load(), 5);
  EXPECT_FALSE(queue.pop(chunk));  // closed and empty
}

TEST(StreamedRows, ACsvSourceIsCountedByItsLines) {
  test::TempDir tmp;
  const std::string path = write_enterprises(tmp, 2500);
  IssueSink issues;
  io::SourceReader reader(*model::find_layer("enterprises"), path, io::LayerSource{}, io::Manifest{}, issues);
  EXPECT_EQ(reader.feature_count_estimate(), 2501);  // 2,500 firms + the repeat; the header is not a record
  EXPECT_EQ(reader.feature_count(), 2501);           // what OGR counts by parsing
}

TEST(StreamedRows, ALayerCheckedInChunksFlagsWhatAWholeLayerCheckFlags) {
  test::TempDir tmp;
  const std::string path = write_enterprises(tmp, 40000);  // three chunks of 16,384 and a rest
  const model::LayerSpec& spec = *model::find_layer("enterprises");
  geom::Context ctx;

  IssueSink whole_issues;
  io::SourceReader whole_reader(spec, path, io::LayerSource{}, io::Manifest{}, whole_issues);
  import::LoadedLayer whole = import::load_layer(whole_reader, nullptr, nullptr, ctx, whole_issues, {});
  import::check_ids(whole, whole_issues);

  IssueSink chunk_issues;
  io::SourceReader chunk_reader(spec, path, io::LayerSource{}, io::Manifest{}, chunk_issues);
  import::IdChecker ids(spec);
  std::vector<long long> skipped;
  int chunks = 0;
  std::size_t features = 0;
  const import::LoadedLayer rest = import::load_layer(
      chunk_reader, nullptr, nullptr, ctx, chunk_issues, {}, [&](std::vector<import::LoadedFeature>& fs) {
        ++chunks;
        features += fs.size();
        for (import::LoadedFeature& f : fs) {
          ids.check(f, chunk_issues);
          if (f.skip) skipped.push_back(f.fid);
        }
      });
  EXPECT_TRUE(rest.features.empty());
  EXPECT_EQ(chunks, 3);  // 16,384 + 16,384 + 7,233
  EXPECT_EQ(features, 40001u);
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0], whole.features.back().fid);  // the repeat of E2 at the end
  EXPECT_TRUE(whole.features.back().skip);
  ASSERT_EQ(chunk_issues.all().size(), whole_issues.all().size());
  for (std::size_t k = 0; k < whole_issues.all().size(); ++k) {
    EXPECT_EQ(chunk_issues.all()[k].code, whole_issues.all()[k].code);
    EXPECT_EQ(chunk_issues.all()[k].message, whole_issues.all()[k].message);
  }
  EXPECT_EQ(chunk_issues.all().back().code, "duplicate_id");
}
