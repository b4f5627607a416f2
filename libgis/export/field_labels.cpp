#include "libgis/export/field_labels.h"

#include <algorithm>
#include <map>
#include <vector>

#include "libgis/model/schema.h"

namespace parkgis::exporter {

namespace {

const char* const kRatio = "0–1";

// Column -> Chinese label and unit.
using ZhUnit = std::pair<std::string, std::string>;

const std::map<std::string, ZhUnit>& labels() {
  static const std::map<std::string, ZhUnit> m = [] {
    std::map<std::string, ZhUnit> t = {
        // parcel_metrics (docs/indicators.md)
        {"park_id", {"园区代码", ""}},
        {"zone_id", {"片区代码", ""}},
        {"parcel_id", {"宗地代码", ""}},
        {"land_use", {"土地用途", ""}},
        {"user_id", {"权利人代码", ""}},
        {"enterprise_name", {"权利人名称", ""}},
        {"industry", {"行业", ""}},
        {"area_m2", {"面积", "m²"}},
        {"area_mu", {"面积", "亩"}},
        {"registered_area_m2", {"登记面积", "m²"}},
        {"supplied", {"已供地", "0/1"}},
        {"started", {"已动工", "0/1"}},
        {"supply_status", {"供地状态", ""}},
        // export --layer changes (columns of parkgis compare --by parcel, docs/history.md)
        {"idle_from", {"闲置状态（前）", ""}},
        {"idle_to", {"闲置状态（后）", ""}},
        {"grade_from", {"等级（前）", ""}},
        {"grade_to", {"等级（后）", ""}},
        {"supply_from", {"供地状态（前）", ""}},
        {"supply_to", {"供地状态（后）", ""}},
        {"change", {"变化", ""}},
        {"other_changes", {"其他变化", ""}},
        {"from_date", {"对比起点评价时点", ""}},
        {"to_date", {"对比终点评价时点", ""}},
        {"footprint_m2", {"建筑占地面积", "m²"}},
        {"coverage", {"建筑系数", kRatio}},
        {"floor_m2", {"建筑面积", "m²"}},
        {"plot_ratio", {"容积率", ""}},
        {"vacant_m2", {"空置闲置面积", "m²"}},
        {"vacancy_rate", {"空置闲置率", kRatio}},
        {"buildings", {"建筑数", "幢"}},
        {"idle_status", {"闲置状态", ""}},
        {"idle_days", {"闲置天数", "天"}},
        {"idle_fee_wan", {"土地闲置费", "万元"}},
        {"idle_reason", {"闲置认定依据", ""}},
        {"output_wan", {"产值", "万元"}},
        {"tax_wan", {"税收", "万元"}},
        {"output_per_mu", {"亩均产值", "万元/亩"}},
        {"tax_per_mu", {"亩均税收", "万元/亩"}},
        {"grade", {"亩均效益等级", ""}},
        {"completion_due", {"竣工期限", ""}},
        {"min_plot_ratio", {"容积率下限", ""}},
        {"industry_unknown", {"行业代码待补", "0/1"}},
        {"control_note", {"控制指标说明", ""}},
        {"investment_wan_per_ha", {"投资强度", "万元/公顷"}},
        {"investment_wan_per_mu", {"投资强度", "万元/亩"}},
        {"min_investment_wan_per_ha", {"投资强度下限", "万元/公顷"}},
        {"office_share", {"行政办公及生活服务设施比重", kRatio}},
        {"green_ratio", {"绿地率", kRatio}},
        {"low_coverage", {"建筑系数未达标", "0/1"}},
        {"low_plot_ratio", {"容积率未达标", "0/1"}},
        {"low_investment", {"投资强度未达标", "0/1"}},
        {"high_office_share", {"办公生活设施超标", "0/1"}},
        {"high_green_ratio", {"绿地率超标", "0/1"}},
        {"below_control", {"未达控制指标", "0/1"}},
        {"low_efficiency", {"疑似低效用地", "0/1"}},
        {"low_efficiency_reason", {"疑似低效依据", ""}},
        // zone_metrics / park_metrics
        {"name", {"名称", ""}},
        {"county", {"所在县区", ""}},
        {"zones", {"片区数", "个"}},
        {"land_m2", {"土地面积", "m²"}},
        {"land_mu", {"土地面积", "亩"}},
        {"parcels", {"宗地数", "宗"}},
        {"approved_m2", {"已批面积", "m²"}},
        {"supplied_m2", {"已供面积", "m²"}},
        {"unsupplied_m2", {"批而未供面积", "m²"}},
        {"unsupplied_mu", {"批而未供面积", "亩"}},
        {"idle_m2", {"闲置土地面积", "m²"}},
        {"idle_mu", {"闲置土地面积", "亩"}},
        {"idle_parcels", {"闲置宗地数", "宗"}},
        {"built_m2", {"已建成面积", "m²"}},
        {"industrial_built_m2", {"工矿仓储已建成面积", "m²"}},
        {"factory_floor_m2", {"厂房建筑面积", "m²"}},
        {"factory_vacant_m2", {"厂房空置闲置面积", "m²"}},
        {"factory_vacancy_rate", {"厂房空置闲置率", kRatio}},
        {"land_mu_used", {"已用地面积", "亩"}},
        {"supply_rate", {"土地供应率", kRatio}},
        {"built_up_rate", {"土地建成率", kRatio}},
        {"industrial_share", {"工业用地率", kRatio}},
        {"comprehensive_plot_ratio", {"综合容积率", ""}},
        {"building_density", {"建筑密度", kRatio}},
        {"idle_rate", {"土地闲置率", kRatio}},
        {"unsupplied_rate", {"批而未供率", kRatio}},
        {"low_efficiency_parcels", {"疑似低效宗地数", "宗"}},
        {"below_control_parcels", {"未达控制指标宗地数", "宗"}},
        {"industrial_floor_m2", {"工矿仓储建筑面积", "m²"}},
        {"industrial_footprint_m2", {"工矿仓储建筑基底面积", "m²"}},
        {"industrial_tax_wan", {"工矿仓储用地税收", "万元"}},
        {"industrial_investment_wan", {"工矿仓储固定资产投资", "万元"}},
        {"industrial_investment_m2", {"有投资数据的工矿仓储用地", "m²"}},
        {"yearly_supply_m2", {"近年年均供地面积", "m²"}},
        {"land_development_rate", {"土地开发率", kRatio}},
        {"industrial_plot_ratio", {"工业用地综合容积率", ""}},
        {"industrial_building_coefficient", {"工业用地建筑系数", kRatio}},
        {"industrial_tax_wan_per_ha", {"工业用地地均税收", "万元/公顷"}},
        {"industrial_investment_wan_per_ha", {"工业用地固定资产投入强度", "万元/公顷"}},
        {"tax_wan_per_ha", {"综合地均税收", "万元/公顷"}},
        {"supply_years_left", {"尚可供地年数", "年"}},
        // Order 53 and 供而未用 (parcel_metrics, zone_metrics / park_metrics)
        {"idle_disposed", {"已处置", "0/1"}},
        {"gov_cause_idle_m2", {"政府原因闲置面积", "m²"}},
        {"idle_unknown_parcels", {"待核实宗地数", "宗"}},
        {"idle_unknown_m2", {"待核实面积", "m²"}},
        {"disposed_idle_m2", {"已处置闲置土地面积", "m²"}},
        {"idle_disposal_rate", {"闲置土地处置率", kRatio}},
        {"supplied_not_used_parcels", {"供而未用宗地数", "宗"}},
        {"supplied_not_used_m2", {"供而未用面积", "m²"}},
        {"supplied_not_used_mu", {"供而未用面积", "亩"}},
        // approval_metrics
        {"age_years", {"批准年限", "年"}},
        {"approved_mu", {"已批面积", "亩"}},
        {"supplied_mu", {"已供面积", "亩"}},
        // rented floor space and vacancy (parcel, zone, park, enterprise tables; tenancy_shares)
        {"vacant_empty_m2", {"空置面积", "m²"}},
        {"vacant_idle_m2", {"闲置面积", "m²"}},
        {"vacant_undated_m2", {"无起始日期空置闲置面积", "m²"}},
        {"firms", {"入驻企业数", "家"}},
        {"tenant_firms", {"承租企业数", "家"}},
        {"leased_floor_m2", {"出租建筑面积", "m²"}},
        {"factory_leased_m2", {"厂房出租面积", "m²"}},
        {"factory_let_rate", {"厂房出租率", kRatio}},
        {"factory_occupied_m2", {"厂房入驻面积", "m²"}},
        {"factory_occupancy_rate", {"入驻率", kRatio}},
        {"tenant_tax_wan", {"承租企业税收", "万元"}},
        {"tenant_tax_share", {"承租企业税收占比", kRatio}},
        {"held", {"已计入用地", "0/1"}},
        {"used_m2", {"计入用地面积", "m²"}},
        {"tenants", {"承租企业数", "家"}},
        {"leased_land_m2", {"租用用地面积", "m²"}},
        {"owned_land_m2", {"自有用地面积", "m²"}},
        {"role", {"身份", ""}},
        {"tenant_list", {"承租企业及租赁面积", ""}},
        // unsupplied_land
        {"piece_id", {"图斑编号", ""}},
        // reserve_sites, reserve_site_pieces (docs/reserve.md)
        {"site_id", {"储备地块编号", ""}},
        {"rank", {"排名", ""}},
        {"score", {"得分", "0–100"}},
        {"parts", {"块数", "块"}},
        {"min_width_m", {"可容纳宽度（最大内切圆直径）", "m"}},
        {"compactness", {"紧凑度", "0–1"}},
        {"kinds", {"构成类型", ""}},
        {"kind_main", {"主要类型", ""}},
        {"parcel_ids", {"宗地代码", ""}},
        {"unsupplied_pieces", {"批而未供图斑", ""}},
        {"holders", {"权利人", ""}},
        {"max_idle_days", {"最长闲置天数", "天"}},
        {"readiness", {"处置就绪度", "0–1"}},
        {"step_main", {"主要下一步", ""}},
        {"steps", {"各块下一步", ""}},
        {"score_area", {"面积得分", "0–1"}},
        {"score_width", {"宽度得分", "0–1"}},
        {"score_compactness", {"紧凑度得分", "0–1"}},
        {"score_readiness", {"就绪度得分", "0–1"}},
        {"score_idle", {"闲置时长得分", "0–1"}},
        // buildings (import adds floor_area_source)
        {"floor_area_source", {"建筑面积来源", ""}},
        // import_issues
        {"severity", {"级别", ""}},
        {"code", {"问题代码", ""}},
        {"layer", {"图层", ""}},
        {"feature_id", {"要素编号", ""}},
        {"message", {"说明", ""}},
        // survey columns
        {"check_items", {"核查事项", ""}},
        {"survey_status", {"核查状态", ""}},
        {"surveyor", {"核查人", ""}},
        {"survey_date", {"核查日期", ""}},
        {"note", {"备注", ""}},
    };
    // Imported layers: the canonical schema's labels (registered_area, floors, vacant_area, ...).
    for (const model::LayerSpec& layer : model::canonical_layers())
      for (const model::FieldSpec& f : layer.fields) t.emplace(f.name, ZhUnit{f.label_zh, f.unit});
    return t;
  }();
  return m;
}

}  // namespace

std::string english_label(const std::string& column) {
  static const std::map<std::string, std::string> spelled = {{"id", "ID"}, {"kwh", "kWh"}, {"rnd", "R&D"}, {"no", "no."}};
  static const char* const unit_words[] = {"m2", "mu", "wan", "kwh", "t", "ha", "pct"};
  std::vector<std::string> words;
  for (std::size_t start = 0; start <= column.size();) {
    const std::size_t end = std::min(column.find('_', start), column.size());
    if (end > start) words.push_back(column.substr(start, end - start));
    start = end + 1;
  }
  // A unit at the end is shown apart ("area_mu" -> "Area"), except after "per" ("tax_per_mu" -> "Tax per
  // mu"); "wan" (万元) is a unit wherever it stands ("investment_wan_per_ha" -> "Investment per ha").
  const auto is_unit = [](const std::string& w) { return std::find(std::begin(unit_words), std::end(unit_words), w) != std::end(unit_words); };
  if (words.size() > 1 && is_unit(words.back()) && words[words.size() - 2] != "per") words.pop_back();
  if (words.size() > 1) std::erase(words, std::string("wan"));
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    const auto it = spelled.find(w);
    out += it != spelled.end() ? it->second : w;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out.empty() ? column : out;
}

FieldLabel field_label(const std::string& column) {
  FieldLabel l{column, "", ""};
  if (const auto it = labels().find(column); it != labels().end()) {
    l.zh = it->second.first;
    l.unit = it->second.second;
  }
  l.en = english_label(column);
  return l;
}

}  // namespace parkgis::exporter
