#pragma once
// The result tables' definitions and how the in-memory results become rows.
// Column names and units are listed in docs/indicators.md.

#include <vector>

#include "libgis/analysis/input.h"
#include "libgis/analysis/land.h"
#include "libgis/analysis/results.h"
#include "libgis/indicators/config.h"

namespace parkgis::store {
class Store;
}
namespace parkgis::history {
class EvaluationWriter;
}

namespace parkgis::analysis {

// Each writer puts its tables of this evaluation through `out` (the current tables when it is the latest
// evaluation, and their archives: libgis/history/evaluations.h).
// Replaces parcel_metrics and enterprise_metrics (they need no zone overlay, so they can be written
// while the zones are worked out).
void write_parcel_results(history::EvaluationWriter& out, const Input& in, const std::vector<ParcelResult>& parcels,
                          const std::vector<EnterpriseResult>& enterprises);

// Replaces tenancy_shares: the holder and tenant shares of parcels with tenants.
void write_tenancy_shares(history::EvaluationWriter& out, const Input& in, const std::vector<ParcelResult>& parcels,
                          const std::vector<EnterpriseResult>& enterprises, const std::vector<ShareRow>& shares);

// Replaces zone_metrics, park_metrics, dataset_metrics and unsupplied_land (dataset_firms: the distinct
// firm counts of all parks).
void write_unit_results(history::EvaluationWriter& out, const Input& in, const std::vector<UnitResult>& zones,
                        const std::vector<UnitResult>& parks, const std::vector<UnsuppliedPiece>& pieces,
                        const FirmCounts& dataset_firms);

// Replaces approval_metrics: one row per approval batch counted on as_of (age in whole years).
void write_approval_results(history::EvaluationWriter& out, const std::vector<ApprovalResult>& batches, const Date& as_of);

// Appends a row to runs (run_id, ran_at, as_of, config_source, config, parkgis_version); returns run_id.
long long record_run(store::Store& store, const Date& as_of, const indicators::AnalysisConfig& config,
                     const std::string& ran_at);

}  // namespace parkgis::analysis
