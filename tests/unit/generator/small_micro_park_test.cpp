// The generated sample looks like Ningde's 小微园 (issue 10): compact parks, multi-storey standard factories
// held by the park company, most firms tenants, leases with the date cases and the data problems an
// importer must catch, typed and dated vacancy, GB/T 21010 land use and GB/T 4754 industry codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/unit/generator/generated_files.h"

using parkgis::Date;
using parkgis::parse_date;
using namespace parkgis::test::generated;

namespace {

class SmallMicroPark : public DefaultDataset {};

// The park of a parcel or zone id: "YQ03-PQ1-004" -> "YQ03".
std::string park_of(const std::string& id) { return id.substr(0, id.find('-')); }

struct Building {
  std::string parcel;  // the parcel holding its centre
  std::string use;
  double floor_m2 = 0, vacant_m2 = 0;
};

// Buildings by id, each with the parcel holding its centre.
std::map<std::string, Building> buildings_by_id(const Features& buildings, const Features& parcels) {
  std::map<std::string, Building> out;
  for (const auto& b : buildings.all) {
    OGRPoint centre;
    b->GetGeometryRef()->Centroid(&centre);
    Building info;
    for (const auto& p : parcels.all)
      if (p->GetGeometryRef()->IsValid() && p->GetGeometryRef()->Contains(&centre)) info.parcel = text_of(*p, "parcel_id");
    info.use = text_of(*b, "use");
    info.floor_m2 = floor_m2_of(*b);
    info.vacant_m2 = real_of(*b, "vacant_are").value_or(0);
    out[text_of(*b, "building_i")] = info;
  }
  return out;
}

struct Tenancy {
  std::string id, enterprise, building, parcel;
  std::optional<double> m2;
  std::optional<Date> start, end;
};

std::vector<Tenancy> read_tenancies(const fs::path& file) {
  std::vector<Tenancy> out;
  const auto rows = read_csv(file);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& c = rows[r];
    Tenancy t{c[0], c[1], c[2], c[3], std::nullopt, parse_date(c[5]), parse_date(c[6])};
    if (!c[4].empty()) t.m2 = std::stod(c[4]);
    out.push_back(t);
  }
  return out;
}

bool in_force(const Tenancy& t) { return t.start && *t.start <= kAsOf && (!t.end || *t.end >= kAsOf); }

}  // namespace

TEST_F(SmallMicroPark, ParksOfThreeToNineHundredMuWithThirtyToEightyFirmsMostlyTenants) {
  QuietGdal quiet;
  Features parks = read_layer(file("parks.shp"));
  for (const auto& p : parks.all) {
    const double mu = area_of(p->GetGeometryRef()) * 15 / 10000;
    EXPECT_GE(mu, 300) << text_of(*p, "park_id");
    EXPECT_LE(mu, 900) << text_of(*p, "park_id");
  }
  Features parcels = read_layer(file("parcels.shp"));
  Features buildings = read_layer(file("buildings.shp"));
  const auto where = buildings_by_id(buildings, parcels);
  std::map<std::string, std::set<std::string>> holders, tenants;
  for (const auto& p : parcels.all)
    if (!text_of(*p, "user_id").empty()) holders[park_of(text_of(*p, "parcel_id"))].insert(text_of(*p, "user_id"));
  for (const Tenancy& t : read_tenancies(file("tenancies.csv"))) {
    if (!in_force(t)) continue;
    const auto b = where.find(t.building);
    const std::string parcel = b != where.end() ? b->second.parcel : t.parcel;
    if (!parcel.empty()) tenants[park_of(parcel)].insert(t.enterprise);
  }
  std::size_t all = 0, renting = 0;
  for (const auto& p : parks.all) {
    const std::string id = text_of(*p, "park_id");
    std::set<std::string> firms = holders[id];
    std::size_t only_renting = 0;
    for (const std::string& e : tenants[id]) only_renting += firms.insert(e).second ? 1 : 0;
    EXPECT_GE(firms.size(), 30u) << id;
    EXPECT_LE(firms.size(), 80u) << id;
    EXPECT_GT(only_renting * 10, firms.size() * 4) << id << ": tenants are at least 40 % of the firms";
    all += firms.size();
    renting += only_renting;
  }
  EXPECT_GT(renting * 10, all * 6) << renting << " of " << all << " firms rent";
}

// Standard factories: 4-6 storeys, plot ratio (容积率) 1.5-3.0 for most parcels of the park companies.
TEST_F(SmallMicroPark, StandardFactoriesAreMultiStoreyWithPlotRatiosMostlyOneAndAHalfToThree) {
  QuietGdal quiet;
  std::set<std::string> companies;
  for (const auto& row : read_csv(file("enterprises.csv")))
    if (row[3] == "7221") companies.insert(row[0]);
  EXPECT_EQ(companies.size(), 10u);  // one park company per park
  Features parcels = read_layer(file("parcels.shp"));
  Features buildings = read_layer(file("buildings.shp"));
  const auto where = buildings_by_id(buildings, parcels);
  std::map<std::string, double> floor_of;
  std::map<std::string, bool> has_factory;
  for (const auto& [id, b] : where) {
    floor_of[b.parcel] += b.floor_m2;
    if (b.use == "厂房") has_factory[b.parcel] = true;
  }
  std::size_t parcels_seen = 0, in_range = 0, storeys_seen = 0, four_to_six = 0;
  for (const auto& p : parcels.all) {
    const std::string id = text_of(*p, "parcel_id");
    if (!companies.count(text_of(*p, "user_id")) || !has_factory[id] || date_of(*p, "stop_date")) continue;
    const double ratio = floor_of[id] / area_of(p->GetGeometryRef());
    ++parcels_seen;
    in_range += ratio >= 1.5 && ratio <= 3.0 ? 1 : 0;
  }
  for (const auto& b : buildings.all) {
    const auto it = where.find(text_of(*b, "building_i"));
    bool company = false;
    for (const auto& p : parcels.all)
      if (text_of(*p, "parcel_id") == it->second.parcel) company = companies.count(text_of(*p, "user_id")) > 0;
    if (!company || it->second.use != "厂房") continue;
    ++storeys_seen;
    const int floors = b->GetFieldAsInteger("floors");
    four_to_six += floors >= 4 && floors <= 6 ? 1 : 0;
  }
  EXPECT_GE(parcels_seen, 20u);
  EXPECT_GE(in_range * 10, parcels_seen * 8) << in_range << " of " << parcels_seen << " within 1.5-3.0";
  EXPECT_GE(four_to_six * 10, storeys_seen * 8) << four_to_six << " of " << storeys_seen << " with 4-6 storeys";
}

// Office and living space (办公, 宿舍, 配套) mostly under 7 % of a parcel's floor area, a few over.
TEST_F(SmallMicroPark, OfficeAndLivingSpaceMostlyUnderSevenPercentOfTheFloor) {
  QuietGdal quiet;
  Features parcels = read_layer(file("parcels.shp"));
  Features buildings = read_layer(file("buildings.shp"));
  std::map<std::string, double> all, support;
  std::set<std::string> factories;
  for (const auto& [id, b] : buildings_by_id(buildings, parcels)) {
    all[b.parcel] += b.floor_m2;
    if (b.use == "办公" || b.use == "宿舍" || b.use == "配套") support[b.parcel] += b.floor_m2;
    if (b.use == "厂房") factories.insert(b.parcel);
  }
  std::size_t seen = 0, under = 0, over = 0;
  for (const std::string& p : factories) {
    if (p.empty()) continue;
    ++seen;
    const double share = support[p] / all[p];
    (share < 0.07 ? under : over) += 1;
  }
  EXPECT_GE(under * 10, seen * 8) << under << " of " << seen << " under 7 %";
  EXPECT_GE(over, 1u);
}

TEST_F(SmallMicroPark, LandUseCodesFollowGbT21010) {
  Features parcels = read_layer(file("parcels.shp"));
  std::map<std::string, std::size_t> codes;
  for (const auto& p : parcels.all) ++codes[text_of(*p, "land_use")];
  for (const auto& [code, n] : codes) EXPECT_TRUE(code == "0601" || code == "0604" || code == "0508" || code == "0809") << code;
  EXPECT_EQ(codes.count("1001"), 0u);
  EXPECT_GT(codes["0601"] * 4, parcels.all.size() * 3);  // over 75 % industrial
  EXPECT_GE(codes["0604"], 1u);
}

TEST_F(SmallMicroPark, TenanciesHoldTheDateCasesAndTheDocumentedDataProblems) {
  QuietGdal quiet;
  const auto rows = read_csv(file("tenancies.csv"));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (std::vector<std::string>{"tenancy_id", "enterprise_id", "building_id", "parcel_id", "leased_m2",
                                               "start_date", "end_date"}));
  std::set<std::string> enterprises;
  for (const auto& row : read_csv(file("enterprises.csv"))) enterprises.insert(row[0]);
  Features parcels = read_layer(file("parcels.shp"));
  Features buildings = read_layer(file("buildings.shp"));
  const auto where = buildings_by_id(buildings, parcels);
  std::set<std::string> parcel_ids, ids;
  for (const auto& p : parcels.all) parcel_ids.insert(text_of(*p, "parcel_id"));

  std::size_t expired = 0, later = 0, open = 0, whole_parcels = 0;
  std::size_t unknown_enterprise = 0, unknown_building = 0, end_before_start = 0, zero_area = 0;
  std::map<std::string, double> leased;  // building -> floor let at as_of by sound rows
  for (const Tenancy& t : read_tenancies(file("tenancies.csv"))) {
    EXPECT_TRUE(ids.insert(t.id).second) << "repeated " << t.id;
    ASSERT_TRUE(t.start.has_value()) << t.id;
    const bool known_enterprise = enterprises.count(t.enterprise) > 0;
    const bool known_building = t.building.empty() || where.count(t.building) > 0;
    unknown_enterprise += known_enterprise ? 0 : 1;
    unknown_building += known_building ? 0 : 1;
    const bool bad_dates = t.end && *t.end < *t.start;
    end_before_start += bad_dates ? 1 : 0;
    zero_area += t.m2 && *t.m2 <= 0 ? 1 : 0;
    if (t.building.empty()) {
      EXPECT_TRUE(parcel_ids.count(t.parcel)) << t.id << ": lease of an unknown parcel " << t.parcel;
      ++whole_parcels;
    } else {
      EXPECT_TRUE(t.parcel.empty()) << t.id;
    }
    if (t.end && *t.end < kAsOf && !bad_dates) ++expired;
    if (*t.start > kAsOf) ++later;
    if (!t.end) ++open;
    if (known_enterprise && known_building && !bad_dates && t.m2 && *t.m2 > 0 && in_force(t) && !t.building.empty())
      leased[t.building] += *t.m2;
  }
  EXPECT_GE(expired, 2u);
  EXPECT_GE(later, 2u);
  EXPECT_GE(open, 5u);  // storeys sold (分割转让) and open-ended leases
  EXPECT_GE(whole_parcels, 1u);
  // The data problems, one of each per 1,000 parcels (at least one set).
  EXPECT_EQ(unknown_enterprise, 1u);
  EXPECT_EQ(unknown_building, 1u);
  EXPECT_EQ(end_before_start, 1u);
  EXPECT_EQ(zero_area, 1u);
  std::size_t over_floor = 0, let = 0;
  for (const auto& [b, m2] : leased) {
    const Building& info = where.at(b);
    ++let;
    EXPECT_EQ(info.use, "厂房") << b;
    if (m2 > info.floor_m2 + 0.01) ++over_floor;
  }
  EXPECT_EQ(over_floor, 1u) << "one building let beyond its floor area";
  EXPECT_GT(let, 40u);
}

TEST_F(SmallMicroPark, VacancyIsTypedAndDated) {
  Features buildings = read_layer(file("buildings.shp"));
  std::map<std::string, std::size_t> types;
  std::size_t recent = 0, older = 0, undated = 0;
  for (const auto& b : buildings.all) {
    const double vacant = real_of(*b, "vacant_are").value_or(0);
    const std::string type = text_of(*b, "vacancy_ty");
    const auto since = date_of(*b, "vacant_sin");
    if (vacant <= 0) {
      EXPECT_TRUE(type.empty() && !since) << text_of(*b, "building_i");
      continue;
    }
    ++types[type];
    if (!since) ++undated;
    else if (parkgis::days_between(*since, kAsOf) < 183) ++recent;
    else ++older;
    if (since) {
      EXPECT_LT(*since, kAsOf);
    }
  }
  EXPECT_EQ(types.size(), 2u);
  EXPECT_GE(types["空置"], 5u);
  EXPECT_GE(types["闲置"], 5u);
  EXPECT_GE(recent, 3u);
  EXPECT_GE(older, 3u);
  EXPECT_GE(undated, 1u);
}

TEST_F(SmallMicroPark, EnterprisesHaveIndustryCodesScaleAndSomeDormantFirms) {
  const std::map<std::string, std::set<std::string>> codes = {
      {"锂电新能源", {"3841", "3985"}}, {"新能源汽车", {"3670", "3612"}}, {"不锈钢新材料", {"3130", "3140"}},
      {"铜材料", {"3251", "3340"}},     {"物流仓储", {"5990", "5910"}},   {"园区管理服务", {"7221"}}};
  const std::set<std::string> industries = {"锂电新能源", "新能源汽车", "不锈钢新材料", "铜材料", "食品加工",
                                            "机械制造",   "电机电器",   "纺织服装",     "生物医药", "新型建材",
                                            "电子信息",   "物流仓储",   "园区管理服务"};
  std::set<std::string> holders;
  for (const auto& p : read_layer(file("parcels.shp")).all) holders.insert(text_of(*p, "user_id"));
  std::set<std::string> tenants;
  for (const Tenancy& t : read_tenancies(file("tenancies.csv")))
    if (in_force(t) && !holders.count(t.enterprise)) tenants.insert(t.enterprise);
  std::map<std::string, std::map<int, std::pair<double, double>>> figures;  // id -> year -> (output, tax)
  std::map<std::string, std::string> scale;
  const auto rows = read_csv(file("enterprises.csv"));
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& c = rows[r];
    EXPECT_TRUE(industries.count(c[2])) << c[0] << ": industry " << c[2];
    EXPECT_EQ(c[3].size(), 4u) << c[0];
    if (codes.count(c[2])) {
      EXPECT_TRUE(codes.at(c[2]).count(c[3])) << c[2] << " " << c[3];
    }
    EXPECT_TRUE(c[4] == "规上" || c[4] == "规下") << c[4];
    scale[c[0]] = c[4];
    // 规上 from 2,000 万元 of output in the year (the latest, 2025; a dormant firm's 0 says nothing).
    if (c[5] == "2025" && !c[6].empty() && std::stod(c[6]) > 0 && std::fabs(std::stod(c[6]) - 2000) > 0.01) {
      EXPECT_EQ(c[4], std::stod(c[6]) >= 2000 ? "规上" : "规下") << c[0] << " output " << c[6];
    }
    if (!c[6].empty() && !c[7].empty()) figures[c[0]][std::stoi(c[5])] = {std::stod(c[6]), std::stod(c[7])};
  }
  std::size_t dormant = 0;
  for (const auto& [id, years] : figures) {
    const auto last = years.find(2025);
    if (last == years.end() || last->second.first != 0 || last->second.second != 0) continue;
    for (const auto& [y, f] : years) dormant += y < 2025 && f.first > 0 && tenants.count(id) ? 1 : 0;
  }
  EXPECT_GE(dormant, 1u) << "no tenant with zero output and tax in 2025 after producing before";
  std::size_t small = 0;
  for (const std::string& t : tenants) small += scale[t] == "规下" ? 1 : 0;
  EXPECT_GT(small * 10, tenants.size() * 7) << small << " of " << tenants.size() << " tenants 规下";
}

// Approvals (批准用地) over many years, inside the zone they name, and never after the supply of land
// inside them.
TEST_F(SmallMicroPark, ApprovalsSpreadOverYearsInsideTheirZoneBeforeSupply) {
  QuietGdal quiet;
  Features approvals = read_layer(file("approvals.shp"));
  Features parcels = read_layer(file("parcels.shp"));
  Features zones = read_layer(file("zones.shp"));
  std::map<std::string, const OGRGeometry*> zone_of;
  for (const auto& z : zones.all) zone_of[text_of(*z, "zone_id")] = z->GetGeometryRef();
  std::set<int> years;
  for (const auto& a : approvals.all) {
    const Date approved = *date_of(*a, "approved");
    years.insert(approved.year);
    const std::string id = text_of(*a, "approval_i");
    ASSERT_TRUE(zone_of.count(text_of(*a, "zone_id"))) << id;
    EXPECT_TRUE(zone_of[text_of(*a, "zone_id")]->Contains(a->GetGeometryRef())) << id << " reaches out of its zone";
    EXPECT_NE(id.find("〔" + std::to_string(approved.year) + "〕"), std::string::npos) << id;
    for (const auto& p : parcels.all) {
      const auto supply = date_of(*p, "supply_dat");
      OGRPoint centre;
      p->GetGeometryRef()->Centroid(&centre);
      if (supply && a->GetGeometryRef()->Contains(&centre)) {
        EXPECT_LT(approved, *supply) << id << " approved after " << text_of(*p, "parcel_id") << " was supplied";
      }
    }
  }
  EXPECT_GE(years.size(), 5u);
  EXPECT_GE(*years.rbegin() - *years.begin(), 6);
}
