#include "libgis/model/schema.h"

namespace parkgis::model {

const char* field_type_name(FieldType t) {
  switch (t) {
    case FieldType::text: return "text";
    case FieldType::integer: return "integer";
    case FieldType::real: return "real";
    case FieldType::date: return "date";
  }
  return "?";
}

const FieldSpec* LayerSpec::field(std::string_view n) const {
  for (const FieldSpec& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

namespace {

using T = FieldType;

// Aliases: common cadastral abbreviations (不动产/地籍 database conventions, domain brief §6.3) and
// Chinese field names as they appear in local shapefiles (at most 5 GBK characters in a DBF).
std::vector<LayerSpec> build_layers() {
  std::vector<LayerSpec> layers;

  layers.push_back(LayerSpec{
      "parks", "parks.shp", true, true, "park_id", "园区",
      {
          {"park_id", T::text, true, {"YQDM", "YQBH", "园区代码", "园区编号"}, "园区代码", ""},
          {"name", T::text, true, {"YQMC", "MC", "园区名称", "名称"}, "园区名称", ""},
          {"county", T::text, false, {"XZQMC", "QXMC", "县区", "所在县区", "行政区"}, "所在县区", ""},
      }});

  layers.push_back(LayerSpec{
      "zones", "zones.shp", true, true, "zone_id", "片区",
      {
          {"zone_id", T::text, true, {"PQDM", "PQBH", "片区代码", "片区编号"}, "片区代码", ""},
          {"park_id", T::text, true, {"YQDM", "YQBH", "园区代码", "园区编号"}, "园区代码", ""},
          {"name", T::text, true, {"PQMC", "MC", "片区名称", "名称"}, "片区名称", ""},
      }});

  layers.push_back(LayerSpec{
      "parcels", "parcels.shp", true, true, "parcel_id", "宗地",
      {
          {"parcel_id", T::text, true, {"ZDDM", "ZDBH", "宗地代码", "宗地编号", "宗地号"}, "宗地代码", ""},
          {"zone_id", T::text, false, {"PQDM", "PQBH", "片区代码", "片区编号"}, "片区代码", ""},
          {"land_use", T::text, true, {"DLBM", "TDYT", "YT", "土地用途", "地类编码", "用途"}, "土地用途", ""},
          {"user_id", T::text, false, {"QLRDM", "QYDM", "TYSHXYDM", "权利人代码", "企业代码"}, "权利人代码", ""},
          {"supply_date", T::date, false, {"GYRQ", "GDRQ", "供地日期", "供应日期"}, "供地日期", ""},
          {"agreed_start", T::date, false, {"YDDGRQ", "YDKGRQ", "约定动工", "约定开工"}, "约定动工日期", ""},
          {"actual_start", T::date, false, {"SJDGRQ", "SJKGRQ", "实际动工", "实际开工"}, "实际动工日期", ""},
          {"registered_area", T::real, false, {"ZDMJ", "宗地面积"}, "登记面积", "m²"},
          {"land_price_wan", T::real, false, {"TDJK", "CRJK", "土地价款", "出让价款"}, "土地价款", "万元"},
          {"invested_wan", T::real, false, {"YTZE", "已投资额"}, "已投资额", "万元"},
          {"total_investment_wan", T::real, false, {"ZTZE", "总投资额"}, "总投资额", "万元"},
          {"stop_date", T::date, false, {"TGRQ", "停工日期"}, "停工日期", ""},
          {"developed_m2", T::real, false, {"YKFMJ", "已开发面积"}, "已开发面积", "m²"},
          {"required_m2", T::real, false, {"YDKFMJ", "应开发面积"}, "应开发面积", "m²"},
          {"extension_date", T::date, false, {"YQRQ", "延期日期"}, "延期动工日期", ""},
          {"gov_cause", T::text, false, {"ZFYY", "政府原因"}, "政府原因", ""},
          // Order 53 extensions, resumption and disposal (docs/indicators.md, Idle land).
          {"extension_approved", T::date, false, {"YQPZRQ", "延期批准日期", "延期批准"}, "延期批准日期", ""},
          {"resume_date", T::date, false, {"FGRQ", "复工日期"}, "复工日期", ""},
          {"decision_no", T::text, false, {"RDSH", "XZRDSH", "认定书号", "认定书编号"}, "认定书号", ""},
          {"disposal", T::text, false, {"CZFS", "处置方式"}, "处置方式", ""},
          {"disposal_date", T::date, false, {"CZRQ", "CZWCRQ", "处置日期", "处置完成日期"}, "处置完成日期", ""},
          {"agreed_completion", T::date, false, {"YDJGRQ", "约定竣工", "约定竣工日期"}, "约定竣工日期", ""},
          {"green_m2", T::real, false, {"LDMJ", "绿地面积"}, "绿地面积", "m²"},
      }});

  layers.push_back(LayerSpec{
      "buildings", "buildings.shp", true, false, "building_id", "建筑",
      {
          {"building_id", T::text, true, {"ZRZH", "JZWBH", "自然幢号", "建筑编号", "幢号"}, "建筑编号", ""},
          {"floors", T::integer, false, {"ZCS", "CS", "总层数", "层数"}, "层数", ""},
          {"floor_area", T::real, false, {"SCJZMJ", "JZMJ", "建筑面积"}, "建筑面积", "m²"},
          {"vacant_area", T::real, false, {"XZMJ", "闲置面积", "空置面积"}, "空置闲置面积", "m²"},
          {"use", T::text, false, {"GHYT", "FWYT", "规划用途", "用途"}, "用途", ""},
          {"vacant_since", T::date, false, {"XZRQ", "KZRQ", "闲置日期", "空置日期"}, "空置闲置起始日期", ""},
          {"vacancy_type", T::text, false, {"XZLX", "KZLX", "空置类型", "闲置类型"}, "空置类型", ""},
      }});

  layers.push_back(LayerSpec{
      "approvals", "approvals.shp", true, false, "approval_id", "批准用地",
      {
          {"approval_id", T::text, true, {"PZWH", "批准文号", "批文号"}, "批准文号", ""},
          {"zone_id", T::text, false, {"PQDM", "PQBH", "片区代码", "片区编号"}, "片区代码", ""},
          {"approved", T::date, false, {"PZRQ", "批准日期"}, "批准日期", ""},
      }});

  layers.push_back(LayerSpec{
      "enterprises", "enterprises.csv", false, false, "enterprise_id", "企业",
      {
          {"enterprise_id", T::text, true, {"QYDM", "TYSHXYDM", "企业代码", "信用代码"}, "企业代码", ""},
          {"name", T::text, false, {"QYMC", "企业名称", "名称"}, "企业名称", ""},
          {"industry", T::text, false, {"HYMC", "行业名称", "行业"}, "行业", ""},
          {"industry_code", T::text, false, {"HYDM", "行业代码"}, "行业代码", ""},
          {"scale", T::text, false, {"QYGM", "企业规模", "规模"}, "企业规模", ""},
          {"year", T::integer, false, {"ND", "年度", "年份"}, "年度", ""},
          {"output_wan", T::real, false, {"GYZCZ", "CZ", "工业总产值", "产值"}, "产值", "万元"},
          {"tax_wan", T::real, false, {"SS", "PJSS", "税收", "评价税收"}, "税收", "万元"},
          {"value_added_wan", T::real, false, {"ZJZ", "工业增加值", "增加值"}, "增加值", "万元"},
          {"energy_tce", T::real, false, {"NH", "综合能耗", "能耗"}, "综合能耗", "吨标煤"},
          {"employees", T::integer, false, {"ZGRS", "职工人数", "从业人数"}, "职工人数", "人"},
          {"rnd_wan", T::real, false, {"RD", "YFJF", "研发经费"}, "研发经费", "万元"},
          {"electricity_kwh", T::real, false, {"YDL", "用电量"}, "用电量", "kWh"},
          {"emissions_t", T::real, false, {"PFL", "排放量", "主要污染物排放量"}, "主要污染物排放量", "t"},
      }});

  // Leases of factory floors (a building) or of whole parcels (a parcel, no building): who rents what.
  layers.push_back(LayerSpec{
      "tenancies", "tenancies.csv", false, false, "tenancy_id", "租赁",
      {
          {"tenancy_id", T::text, false, {"ZLBH", "租赁编号", "合同编号"}, "租赁编号", ""},
          {"enterprise_id", T::text, true, {"QYDM", "TYSHXYDM", "承租企业", "承租企业代码", "企业代码"}, "承租企业代码", ""},
          {"building_id", T::text, false, {"ZRZH", "JZWBH", "建筑编号", "自然幢号", "幢号"}, "建筑编号", ""},
          {"parcel_id", T::text, false, {"ZDDM", "ZDBH", "宗地代码", "宗地编号"}, "宗地代码", ""},
          {"leased_m2", T::real, false, {"ZLMJ", "租赁面积", "承租面积"}, "租赁面积", "m²"},
          {"start_date", T::date, false, {"QZRQ", "起租日期", "租赁起始"}, "起租日期", ""},
          {"end_date", T::date, false, {"DQRQ", "到期日期", "租赁到期"}, "到期日期", ""},
      }});

  return layers;
}

}  // namespace

const std::vector<LayerSpec>& canonical_layers() {
  static const std::vector<LayerSpec> layers = build_layers();
  return layers;
}

const std::vector<std::string>& needed_for_indicators(std::string_view layer) {
  // 亩均税收 and 亩均产值 and the grading that rests on them (docs/indicators.md).
  static const std::vector<std::string> enterprises = {"output_wan", "tax_wan"};
  static const std::vector<std::string> none;
  return layer == "enterprises" ? enterprises : none;
}

const LayerSpec* find_layer(std::string_view name) {
  for (const LayerSpec& l : canonical_layers())
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace parkgis::model
