#pragma once
// Units used throughout parkgis. Areas are planar square metres in the working CRS.
// 1 亩 (mu) = 6000 square 市尺 = 10000/15 m² exactly (domain brief §6.1).

namespace parkgis::units {

inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;
inline constexpr double kSquareMetresPerHectare = 10000.0;
inline constexpr double kMuPerHectare = 15.0;

constexpr double m2_to_mu(double m2) { return m2 / kSquareMetresPerMu; }
constexpr double mu_to_m2(double mu) { return mu * kSquareMetresPerMu; }

}  // namespace parkgis::units
