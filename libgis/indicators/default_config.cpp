// The built-in analysis configuration. Ningde's own 亩均 scheme is not published (domain brief §3.6):
// these values are a documented starting point, meant to be overridden by a config file.

#include "libgis/indicators/config.h"

namespace parkgis::indicators {

AnalysisConfig default_config() {
  AnalysisConfig c;
  c.source = "built-in default";

  // Schemes and weights of 黄岩区 (Taizhou) 2022 (domain brief §3.3, confirmed): 规上 six indicators, 规下
  // 亩均税收 + 单位电耗税收. 黄岩's benchmarks are its county means of the year; parkgis uses the mean of
  // each ranking group (null benchmark). A 规上 firm without emission data scores the benchmark, as in
  // 黄岩; every other missing figure scores 0. Logistics (GB/T 4754-2017 section G, 53–60) has no
  // published scheme in the brief: 亩均税收 60 + 亩均营业收入 40 is parkgis's choice (docs/indicators.md).
  const std::string huangyan = "黄岩区 2022 亩均效益评价（domain brief §3.3）";
  c.grading.schemes = {
      {"物流仓储", "logistics", "any", "parkgis 默认（无公开方案可引）",
       {{"tax_per_mu", 60, std::nullopt, MissingRule::zero}, {"output_per_mu", 40, std::nullopt, MissingRule::zero}}},
      {"规上工业", "manufacturing", "规上", huangyan,
       {{"tax_per_mu", 30, std::nullopt, MissingRule::zero},
        {"value_added_per_mu", 20, std::nullopt, MissingRule::zero},
        {"value_added_per_tce", 20, std::nullopt, MissingRule::zero},
        {"value_added_per_emission", 10, std::nullopt, MissingRule::benchmark},
        {"value_added_per_employee", 10, std::nullopt, MissingRule::zero},
        {"rnd_share", 10, std::nullopt, MissingRule::zero}}},
      {"规下工业", "manufacturing", "规下", huangyan,
       {{"tax_per_mu", 50, std::nullopt, MissingRule::zero}, {"tax_per_kwh", 50, std::nullopt, MissingRule::zero}}},
  };
  c.grading.cap_ratio = 2.0;  // common local practice, unconfirmed (§3.3)
  c.grading.cut_a = 0.25;
  c.grading.cut_b = 0.70;
  c.grading.cut_c = 0.95;
  c.grading.min_land_mu = 0;
  c.grading.group_by = "county";  // Zhejiang benchmarks and ranks within a county (§3.3)
  c.grading.logistics_codes = {"53", "54", "55", "56", "57", "58", "59", "60"};

  // 国土资发〔2008〕24号 (brief §5.1). Codes of GB/T 4754-2017 (what enterprises register today).
  c.control.min_building_coefficient = 0.30;
  c.control.max_office_share = 0.07;
  c.control.max_green_ratio = 0.20;
  c.control.office_uses = {"办公", "宿舍", "行政办公", "生活服务", "食堂", "office", "dorm", "dormitory"};
  c.control.code_edition = "2017";
  c.control.min_plot_ratio_by_code = builtin_min_plot_ratio("2017");
  // Ningde's industry names (brief §7.2) → GB/T 4754-2017 code, for enterprises without a code.
  c.control.code_by_industry = {
      {"锂电新能源", "384"},   // 电池制造
      {"新能源汽车", "36"},    // 汽车制造业
      {"不锈钢新材料", "31"},  // 黑色金属冶炼和压延加工业
      {"铜材料", "32"},        // 有色金属冶炼和压延加工业
      {"食品加工", "14"},      // 食品制造业 (13 农副食品 has the same minimum)
      {"纺织", "17"},
      {"服装", "18"},
      {"纺织服装", "17"},      // mixed 17/18: the lower minimum (17 纺织)
      {"生物医药", "27"},
      {"新型建材", "30"},      // 非金属矿物制品业
      {"机械制造", "34"},      // 通用设备制造业
      {"电机电器", "38"},      // 电气机械和器材制造业
      {"电子信息", "39"},      // 计算机、通信和其他电子设备制造业
      {"物流仓储", "59"},      // 装卸搬运和仓储业 (not an industrial project: flagged where checked)
  };
  c.control.default_min_plot_ratio = std::nullopt;  // unknown industries are flagged, not checked
  c.control.city_grade = std::nullopt;  // Ningde's 城市等别 is unconfirmed (§5.1): set it in a config file
  c.control.min_investment_by_code = {};  // 附件 投资强度 table: not in the brief's sources; set it per 等别
  // GB/T 4754-2017 7221 园区管理服务: the park operating company (平台公司) that builds and lets standard
  // factories; its parcels are checked against its tenants' industries (ControlConfig::landlord_rule).
  c.control.landlord_codes = {"7221"};
  c.control.landlord_rule = "tenants";
  c.control.investment_basis = "invested";
  c.control.completion = {2, 3};

  // 低效用地 screening (not a formal 认定): physical 容积率 below the industry's control minimum or
  // 建筑系数 below 30 %; economic: no tax in each of the last 2 years (闽侯 2018, brief §2.2), no tax floor
  // by default; status: 厂房闲置率 above 50 % (parkgis's choice, after 闽侯's "停产、半停产").
  c.low_efficiency = {};
  c.intensity.supply_years = 3;

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
