#pragma once
// Names of land-use codes (GB/T 21010-2017 《土地利用现状分类》 second-level classes, the 2007 edition's
// 061–063, and TD/T 1055-2019's 0508 物流仓储用地), for showing a parcel's land_use code with its words.

#include <optional>
#include <string>

namespace parkgis::model {

struct LandUseName {
  std::string zh, en;
};

// The name of a code ("0601" -> 工业用地 / Industrial land); none for an unknown code.
std::optional<LandUseName> land_use_name(const std::string& code);

}  // namespace parkgis::model
