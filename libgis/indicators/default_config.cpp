// The built-in analysis configuration. Ningde's own 亩均 scheme is not published (domain brief §3.6):
// these values are a documented starting point, meant to be overridden by a config file.

#include "libgis/indicators/config.h"

namespace parkgis::indicators {

AnalysisConfig default_config() {
  AnalysisConfig c;
  c.source = "built-in default";

  // Weights as published by gu456 (brief §3.3): 亩均税收 45, 亩均销售收入 20, 单位能耗增加值 15,
  // 研发经费投入强度 15, 全员劳动生产率 5. Benchmarks: the year's mean. Cut-offs 25/70/95 % (§3.4).
  c.grading.indicators = {
      {"tax_per_mu", 45, std::nullopt},
      {"output_per_mu", 20, std::nullopt},
      {"value_added_per_tce", 15, std::nullopt},
      {"rnd_share", 15, std::nullopt},
      {"value_added_per_employee", 5, std::nullopt},
  };
  c.grading.cap_ratio = 2.0;  // common local practice, unconfirmed (§3.3)
  c.grading.cut_a = 0.25;
  c.grading.cut_b = 0.70;
  c.grading.cut_c = 0.95;
  c.grading.min_land_mu = 0;

  // 容积率 minimums of 国土资发〔2008〕24号 by GB/T 4754-2002 code (brief §5.1).
  c.efficiency.min_building_coefficient = 0.30;
  c.efficiency.default_min_plot_ratio = 0.7;
  c.efficiency.min_plot_ratio_by_industry = {
      {"锂电新能源", 0.7},    // 39 电气机械 (batteries)
      {"新能源汽车", 0.7},    // 37 交通运输设备
      {"不锈钢新材料", 0.6},  // 32 黑色金属冶炼及压延
      {"铜材料", 0.6},        // 33 有色金属冶炼及压延
      {"食品加工", 1.0},      // 13 农副食品, 14 食品
      {"纺织", 0.8},          // 17 纺织
      {"服装", 1.0},          // 18 服装
      {"纺织服装", 0.8},      // mixed 17/18: the lower (17 纺织)
      {"生物医药", 0.7},      // 27 医药
      {"新型建材", 0.7},      // 31 非金属矿物制品
      {"机械制造", 0.7},      // 35 通用设备
      {"电机电器", 0.7},      // 39 电气机械
      {"电子信息", 1.0},      // 40 电子
  };

  // The parcels' land_use holds GB/T 21010 codes (docs/dataset-format.md).
  // Industrial: GB/T 21010-2017 0601, GB/T 21010-2007 061.
  // 工矿仓储: GB/T 21010 06xx (2007: 061-063), TD/T 1055-2019 0508 物流仓储 (brief §6.4).
  // Not by default: 用地用海分类 1001xx / 11xx and GB 50137 M* / W*, because in GB/T 21010-2017 1001 is
  // railway land and 11xx is water; datasets coded in those systems set the lists in their config.
  c.land_use.industrial_prefixes = {"0601", "061"};
  c.land_use.industrial_storage_prefixes = {"06", "0508"};

  // Order 53 Art. 12: an extension of the start deadline is at most one year; the extended deadline is a
  // newly agreed start date, so Art. 2's year runs again after it (docs/indicators.md, "Choices").
  c.idle.max_extension_years = 1;
  c.idle.grace_year_after_extension = true;
  c.idle.min_developed_share_of_footprint = 0.5;
  return c;
}

}  // namespace parkgis::indicators
