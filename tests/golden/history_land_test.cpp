// Land data versioned (docs/history.md): a tiny cadastre loaded in two versions with 'parkgis import
// --update', evaluated before and after the change, every figure computed by hand. Areas in m².
//
// Version 1 (dataset.json as_of 2025-06-30), all in zone Z1 = park P1 = [0,1000]², supplied 2020-01-01,
// started 2020-06-01, land use 0601, one one-storey 20 m × 20 m building on each parcel:
//   PG [0,100]x[0,100]   holder E1   (its shape grows in version 2)
//   PH [200,300]x[0,100] holder E1   (its holder becomes E2 in version 2)
//   PR [400,500]x[0,100] holder E2   (removed in version 2, with its building bR)
// Version 2 (as_of 2026-06-30): PG [0,150]x[0,100]; PH held by E2; PR gone; PN [600,700]x[0,100] added
// (holder E2, building bN).
// Enterprises: E1 2025 output 1500 tax 150, 2026 output 3000 tax 300; E2 2025 output 600 tax 60, 2026
// output 900 tax 90 (each evaluation uses its own year's figures).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "libgis/history/dated_view.h"
#include "libgis/history/land_update.h"
#include "libgis/history/versions.h"
#include "libgis/store/store.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"
#include "tests/support/two_versions.h"

namespace fs = std::filesystem;
using parkgis::store::Value;
using parkgis::test::TestFeature;

namespace {

constexpr double kMu = 15.0 / 10000.0;  // 亩 per m²
using parkgis::test::write_version;

using RowMap = std::map<std::string, Value>;

// Rows of a table of one evaluation (none = the latest), by id.
std::map<std::string, RowMap> rows(const std::string& db, const std::optional<parkgis::Date>& as_of,
                                   const std::string& table, const std::string& key) {
  auto view = parkgis::history::open_evaluation(db, as_of);
  std::map<std::string, RowMap> out;
  const auto cols = view->columns(table);
  view->read_table(table, cols, false, "", [&](const parkgis::store::Row& r) {
    RowMap m;
    for (std::size_t i = 0; i < cols.size(); ++i) m[cols[i]] = r.values[i];
    out[parkgis::store::value_text(m[key])] = m;
  });
  return out;
}

double num(const RowMap& r, const std::string& c) { return parkgis::store::value_number(r.at(c)).value_or(-1); }
std::string txt(const RowMap& r, const std::string& c) { return parkgis::store::value_text(r.at(c)); }

class HistoryLand : public ::testing::Test {
 protected:
  void SetUp() override {
    write_version(tmp.path() / "v1", 1);
    write_version(tmp.path() / "v2", 2);
    db = tmp.str("h.sqlite");
    ASSERT_EQ(cli.run({"import", tmp.str("v1"), "--db", db, "--quiet"}), 0) << cli.err.str();
  }
  parkgis::test::TempDir tmp;
  parkgis::test::CliRun cli;
  std::string db;
};

}  // namespace

TEST_F(HistoryLand, UpdateRecordsAddedRemovedChanged) {
  ASSERT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update"}), 0) << cli.err.str();
  const std::string err = cli.err.str();
  EXPECT_NE(err.find("valid from 2026-06-30 (dataset.json)"), std::string::npos) << err;
  EXPECT_NE(err.find("parcels: 1 added, 1 removed, 2 changed"), std::string::npos) << err;
  EXPECT_NE(err.find("buildings: 1 added, 1 removed, 0 changed"), std::string::npos) << err;
  EXPECT_NE(err.find("enterprises: 0 new rows, 4 replaced"), std::string::npos) << err;

  auto s = parkgis::store::open_spatialite(db);
  // PG: the shape grew by 50 m × 100 m = 5000 m² (> 1 m²): changed, geometry.
  auto pg = parkgis::history::feature_versions(*s, "parcels", "PG");
  ASSERT_EQ(pg.size(), 2u);
  EXPECT_EQ(pg[0].valid_from, "2025-06-30");
  EXPECT_EQ(pg[0].valid_to, "2026-06-30");
  EXPECT_EQ(pg[0].ended_by, "changed");
  EXPECT_NEAR(pg[0].area_m2, 10000.0, 1e-6);  // m²
  EXPECT_EQ(pg[1].valid_from, "2026-06-30");
  EXPECT_EQ(pg[1].valid_to, "9999-12-31");
  EXPECT_EQ(pg[1].change, "changed");
  EXPECT_EQ(pg[1].changed_fields, "geometry");
  EXPECT_NEAR(pg[1].area_m2, 15000.0, 1e-6);  // m²
  // PH: the holder changed.
  auto ph = parkgis::history::feature_versions(*s, "parcels", "PH");
  ASSERT_EQ(ph.size(), 2u);
  EXPECT_EQ(ph[0].holder, "E1");
  EXPECT_EQ(ph[1].holder, "E2");
  EXPECT_EQ(ph[1].changed_fields, "user_id");
  // PR removed, PN added.
  auto pr = parkgis::history::feature_versions(*s, "parcels", "PR");
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr[0].valid_to, "2026-06-30");
  EXPECT_EQ(pr[0].ended_by, "removed");
  auto pn = parkgis::history::feature_versions(*s, "parcels", "PN");
  ASSERT_EQ(pn.size(), 1u);
  EXPECT_EQ(pn[0].valid_from, "2026-06-30");
  EXPECT_EQ(pn[0].change, "added");

  // parkgis history prints them.
  ASSERT_EQ(cli.run({"history", "--db", db, "--parcel", "PG", "--format", "csv"}), 0) << cli.err.str();
  EXPECT_NE(cli.out.str().find("2025-06-30,2026-06-30,initial,changed,,10000"), std::string::npos) << cli.out.str();
  EXPECT_NE(cli.out.str().find("2026-06-30,9999-12-31,changed,,geometry,15000"), std::string::npos) << cli.out.str();
  ASSERT_EQ(cli.run({"history", "--db", db, "--land", "--format", "csv"}), 0) << cli.err.str();
  EXPECT_NE(cli.out.str().find("2026-06-30,update,"), std::string::npos) << cli.out.str();
}

TEST_F(HistoryLand, EvaluationsUseTheLandAndYearOfTheirDate) {
  ASSERT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update", "--quiet"}), 0) << cli.err.str();
  for (const char* d : {"2026-12-31", "2025-12-31", "2026-03-31"})
    ASSERT_EQ(cli.run({"analyze", "--db", db, "--as-of", d, "--quiet"}), 0) << cli.err.str();

  // 2025-12-31: version 1, 2025 figures. E1 holds PG + PH = 2 × 15 亩 = 30 亩, tax 150 → 5 万元/亩 on each;
  // E2 holds PR (15 亩), tax 60 → 4 万元/亩.
  auto p25 = rows(db, parkgis::Date{2025, 12, 31}, "parcel_metrics", "parcel_id");
  ASSERT_EQ(p25.size(), 3u);
  EXPECT_NEAR(num(p25.at("PG"), "area_m2"), 10000.0, 1e-6);  // m²
  EXPECT_NEAR(num(p25.at("PG"), "tax_wan"), 75.0, 1e-9);     // 150 × 15/30
  EXPECT_NEAR(num(p25.at("PG"), "tax_per_mu"), 5.0, 1e-9);
  EXPECT_EQ(txt(p25.at("PH"), "user_id"), "E1");
  EXPECT_NEAR(num(p25.at("PR"), "tax_per_mu"), 4.0, 1e-9);   // 60 / 15
  EXPECT_FALSE(p25.count("PN"));
  auto z25 = rows(db, parkgis::Date{2025, 12, 31}, "zone_metrics", "zone_id");
  EXPECT_EQ(num(z25.at("Z1"), "parcels"), 3);
  EXPECT_NEAR(num(z25.at("Z1"), "tax_wan"), 210.0, 1e-9);              // 150 + 60
  EXPECT_NEAR(num(z25.at("Z1"), "tax_per_mu"), 210.0 / 45.0, 1e-9);    // over 3 × 15 亩
  auto e25 = rows(db, parkgis::Date{2025, 12, 31}, "enterprise_metrics", "enterprise_id");
  EXPECT_EQ(num(e25.at("E1"), "year"), 2025);
  EXPECT_NEAR(num(e25.at("E1"), "land_mu"), 30.0, 1e-9);

  // 2026-03-31: still version 1 (version 2 is valid from 2026-06-30) but the 2026 figures:
  // E1 300 / 30 亩 = 10 万元/亩, E2 90 / 15 亩 = 6 万元/亩.
  auto p26a = rows(db, parkgis::Date{2026, 3, 31}, "parcel_metrics", "parcel_id");
  ASSERT_EQ(p26a.size(), 3u);
  EXPECT_NEAR(num(p26a.at("PG"), "tax_per_mu"), 10.0, 1e-9);
  EXPECT_NEAR(num(p26a.at("PR"), "tax_per_mu"), 6.0, 1e-9);

  // 2026-12-31 (the latest, read from the current tables): version 2, 2026 figures. PG is 150 m × 100 m =
  // 15000 m² = 22.5 亩, E1's only land: 300 / 22.5 = 13.333 万元/亩; E2 holds PH + PN = 30 亩, 90 → 3 万元/亩.
  auto p26 = rows(db, std::nullopt, "parcel_metrics", "parcel_id");
  ASSERT_EQ(p26.size(), 3u);
  EXPECT_NEAR(num(p26.at("PG"), "area_m2"), 15000.0, 1e-6);  // m²
  EXPECT_NEAR(num(p26.at("PG"), "area_mu"), 15000.0 * kMu, 1e-9);
  EXPECT_NEAR(num(p26.at("PG"), "tax_per_mu"), 300.0 / 22.5, 1e-9);
  EXPECT_EQ(txt(p26.at("PH"), "user_id"), "E2");
  EXPECT_NEAR(num(p26.at("PH"), "tax_wan"), 45.0, 1e-9);  // 90 × 15/30
  EXPECT_NEAR(num(p26.at("PN"), "tax_per_mu"), 3.0, 1e-9);
  EXPECT_FALSE(p26.count("PR"));
  auto z26 = rows(db, std::nullopt, "zone_metrics", "zone_id");
  EXPECT_NEAR(num(z26.at("Z1"), "tax_per_mu"), 390.0 / 52.5, 1e-9);  // (300 + 90) over 22.5 + 15 + 15 亩
  EXPECT_EQ(num(z26.at("Z1"), "floor_m2"), 1200);  // bG, bH, bN: 3 × 400 m²

  // The buildings of an earlier evaluation are those of its land version (bR, not bN).
  auto view = parkgis::history::open_evaluation(db, parkgis::Date{2025, 12, 31});
  std::vector<std::string> ids;
  view->read_table("buildings", {"building_id"}, false, "building_id",
                   [&](const parkgis::store::Row& r) { ids.push_back(parkgis::store::value_text(r.values[0])); });
  EXPECT_EQ(ids, (std::vector<std::string>{"bG", "bH", "bR"}));

  ASSERT_EQ(cli.run({"runs", "--db", db, "--format", "csv"}), 0) << cli.err.str();
  const std::string runs = cli.out.str();
  EXPECT_NE(runs.find("2025-12-31,,"), std::string::npos) << runs;
  EXPECT_NE(runs.find("2026-12-31,yes,"), std::string::npos) << runs;
  EXPECT_NE(runs.find(",2025-06-30,3,1,1,2,"), std::string::npos) << runs;  // land version, counts
}

TEST_F(HistoryLand, UpdateRefusals) {
  // Going back in time: version 1 again (as_of 2025-06-30) after version 2.
  ASSERT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update", "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(cli.run({"import", tmp.str("v1"), "--db", db, "--update"}), 1);
  EXPECT_NE(cli.err.str().find("parkgis import: error: the land data of this update are valid from 2025-06-30, not after "
                               "the newest land data in " + db + " (valid from 2026-06-30); an update cannot go back in time"),
            std::string::npos)
      << cli.err.str();
  // The database is as it was: still version 2.
  ASSERT_EQ(cli.run({"history", "--db", db, "--land", "--format", "csv"}), 0);
  EXPECT_EQ(cli.out.str().find("2025-06-30,update"), std::string::npos) << cli.out.str();

  // --valid-from that disagrees with dataset.json; no date at all.
  EXPECT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update", "--valid-from", "2027-01-01"}), 2);
  EXPECT_NE(cli.err.str().find("--valid-from 2027-01-01 disagrees with the dataset's as_of 2026-06-30"), std::string::npos)
      << cli.err.str();
  fs::remove(tmp.path() / "v2" / "dataset.json");
  EXPECT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update"}), 2);
  EXPECT_NE(cli.err.str().find("--update needs the date the land data of " + tmp.str("v2") + " are valid from"),
            std::string::npos)
      << cli.err.str();

  // A missing database, a file that is no parkgis database.
  EXPECT_EQ(cli.run({"import", tmp.str("v2"), "--db", tmp.str("none.sqlite"), "--update", "--valid-from", "2027-01-01"}), 1);
  EXPECT_NE(cli.err.str().find("parkgis import: error: database " + tmp.str("none.sqlite") +
                               " does not exist; --update adds land data to an existing database"),
            std::string::npos)
      << cli.err.str();
  EXPECT_FALSE(fs::exists(tmp.path() / "none.sqlite"));
  parkgis::test::write_text(tmp.path() / "notes.txt", "not a database\n");
  EXPECT_EQ(cli.run({"import", tmp.str("v2"), "--db", tmp.str("notes.txt"), "--update", "--valid-from", "2027-01-01"}), 1);
  EXPECT_NE(cli.err.str().find(tmp.str("notes.txt") + " is not an SQLite file, not a parkgis database; --update adds "
                               "land data only to a database made by 'parkgis import'"),
            std::string::npos)
      << cli.err.str();
  EXPECT_EQ(parkgis::test::read_text(tmp.path() / "notes.txt"), "not a database\n");
}

TEST_F(HistoryLand, GeometryToleranceDecidesAShapeChange) {
  // Version 2 with PG's shape grown by 50 m × 100 m = 5000 m²: a tolerance of 6000 m² sees no shape change.
  ASSERT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update", "--geometry-tolerance", "6000"}), 0) << cli.err.str();
  auto s = parkgis::store::open_spatialite(db);
  auto pg = parkgis::history::feature_versions(*s, "parcels", "PG");
  EXPECT_EQ(pg.size(), 1u);  // unchanged by that measure (the current row has the new shape all the same)
}

TEST_F(HistoryLand, SurveyMergeKeepsTheCorrectedVersion) {
  // A returned survey table corrects PH's actual start (2020-06-01 → 2020-07-01).
  parkgis::test::write_text(tmp.path() / "returned.csv", "parcel_id,actual_start\nPH,2020-07-01\n");
  ASSERT_EQ(cli.run({"survey-merge", "--db", db, tmp.str("returned.csv")}), 0) << cli.err.str();
  auto s = parkgis::store::open_spatialite(db);
  const auto ph = parkgis::history::feature_versions(*s, "parcels", "PH");
  ASSERT_EQ(ph.size(), 2u);
  // The record as imported is kept, valid on no date (corrected); the corrected one takes its place from
  // the same date on, so every evaluation uses the corrected record.
  EXPECT_EQ(ph[0].valid_from, "2025-06-30");
  EXPECT_EQ(ph[0].valid_to, "2025-06-30");
  EXPECT_EQ(ph[0].change, "initial");
  EXPECT_EQ(ph[0].ended_by, "survey");
  EXPECT_EQ(ph[1].valid_from, "2025-06-30");
  EXPECT_EQ(ph[1].valid_to, "9999-12-31");
  EXPECT_EQ(ph[1].change, "survey");
  EXPECT_EQ(ph[1].changed_fields, "actual_start");
  EXPECT_NE(ph[1].source.find("survey merged "), std::string::npos) << ph[1].source;
  // Other parcels keep their one version.
  EXPECT_EQ(parkgis::history::feature_versions(*s, "parcels", "PG").size(), 1u);
  // The land data valid on an earlier date carry the correction.
  auto land = parkgis::history::land_view(*s, parkgis::Date{2025, 1, 1});
  std::string start;
  land->read_table("parcels", {"actual_start"}, false, "", [&](const parkgis::store::Row& r) {
    start = parkgis::store::value_text(r.values[0]);
  }, parkgis::store::Filter::equals("parcel_id", "PH"));
  EXPECT_EQ(start, "2020-07-01");
  // A later update still goes after the import's date: the survey did not move the land data's date.
  ASSERT_EQ(cli.run({"import", tmp.str("v2"), "--db", db, "--update", "--quiet"}), 0) << cli.err.str();
}

TEST_F(HistoryLand, StoppedUpdateChangesNothing) {
  // A stop request at the last moment it is honoured, inside the update's transaction: all is rolled back.
  parkgis::history::UpdateOptions opt;
  opt.dataset = tmp.str("v2");
  opt.db_path = db;
  opt.progress = [](std::string_view stage, double fraction) {
    return !(stage == "recording the new land version" && fraction > 0.5);
  };
  EXPECT_THROW(parkgis::history::update_dataset(opt), parkgis::Cancelled);
  auto s = parkgis::store::open_spatialite(db);
  EXPECT_FALSE(s->has_table("parcels_versions"));
  EXPECT_FALSE(s->has_table("land_versions"));
  EXPECT_EQ(s->meta()["as_of"], "2025-06-30");
  std::vector<std::string> ids;
  s->read_table("parcels", {"parcel_id"}, false, "parcel_id",
                [&](const parkgis::store::Row& r) { ids.push_back(parkgis::store::value_text(r.values[0])); });
  EXPECT_EQ(ids, (std::vector<std::string>{"PG", "PH", "PR"}));
  // No private folder is left beside the database.
  for (const auto& e : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(e.path().filename().string().rfind(".parkgis-update", 0), std::string::npos) << e.path();
}
