// The Chinese README of a survey package (survey.h).
#include "libgis/export/dbf_names.h"
#include "libgis/export/field_labels.h"
#include "libgis/export/survey.h"
#include "libgis/export/survey_fields.h"

namespace parkgis::exporter {

std::string pack_readme(const std::string& zone_id, const std::string& zone_name, const std::string& as_of,
                        const std::vector<PackLayerInfo>& layers, Format format, const std::string& encoding) {
  std::string s = "\xEF\xBB\xBF";  // BOM: Windows Notepad then reads the file as UTF-8
  const auto line = [&](const std::string& text) { s += text + "\r\n"; };
  // A field as it appears in the files: its short DBF name in a shapefile.
  const auto field = [&](const std::string& name) {
    const FieldLabel l = field_label(name);
    const std::string shown = format == Format::shp ? dbf_name(name, encoding) : name;
    return shown + "（" + l.zh + (l.unit.empty() ? "" : "，" + l.unit) + "）";
  };
  line("外业核查资料包 — 片区 " + zone_id + (zone_name.empty() ? "" : "（" + zone_name + "）"));
  line("由 parkgis 生成" + (as_of.empty() ? std::string() : "，评价基准日 " + as_of) + "。");
  line("");
  line("一、资料内容");
  for (const PackLayerInfo& l : layers) line("  " + l.file + "  " + l.title_zh + "，" + std::to_string(l.features) + " 个");
  line("  每个图层旁有同名的 .qml（QGIS 样式）、.sld（通用样式）和 .fields.csv（字段名对照：短字段名、完整字段名、中文名、单位）。");
  if (format == Format::shp)
    line(std::string("  Shapefile 文字编码：") + (encoding == "CP936" ? "GBK（.cpg 为 936，DBF 语言标记 0x4D）" : "UTF-8（.cpg 为 UTF-8）") +
         "。坐标系见 .prj。");
  line("");
  line("二、打开方式");
  line("  QGIS：把 .shp（或 .gpkg）拖入地图窗口，同名 .qml 样式会自动加载；字段显示为中文别名。");
  line("  ArcGIS：添加 .shp；符号可按 .sld 或 fields.csv 中的说明设置。");
  line("  奥维互动地图等手机软件：导入 .shp 或 .kml；若中文乱码，请选择 GBK 编码。");
  line("");
  line("三、核查内容");
  line("  待核查宗地（parcels_check）：" + field("check_items") + "字段列出要核查的事项——");
  line("    闲置土地：现场是否已动工、是否停工，核对实际动工日期、停工日期、已开发面积、已投资额；");
  line("              如因政府原因或不可抗力延误，在 " + field("gov_cause") + " 中注明。");
  line("    未达控制指标：建筑系数、容积率是否偏低，办公及生活设施、绿地是否超标，是否有未登记的建筑。");
  line("    疑似低效用地：核对核查事项所列依据（容积率、税收、厂房闲置）；此为筛查线索，不是低效用地认定。");
  line("    有空置或闲置建筑：逐幢核对空置、闲置面积。");
  line("  批而未供土地（unsupplied）：现场是否已被占用或已开工，填写核查状态并在备注中说明。");
  for (const PackLayerInfo& l : layers)
    if (l.file.rfind("reserve_sites", 0) == 0)
      line("  储备候选地块（reserve_sites）：供参考，不回收合并。" + field("steps") + "列出各块下一步；现场如发现已被占用、已开工或有权属争议，请在相应宗地或批而未供图斑的备注中说明。");
  line("  建筑（buildings）：核对 " + field("vacant_area") + "、" + field("vacant_since") + "、" + field("vacancy_type") + "；");
  line("    空置＝未出租、未出售、无人使用；闲置＝已出租或自用但未生产。空置或闲置满规定月数（默认 6 个月）才计入。");
  line("    " + field("tenant_list") + " 列出在租企业及租赁面积，请核对楼内实际入驻企业，不符的在备注中说明。");
  line("");
  line("四、填写方法（只改下列字段，其余字段为系统计算或原始登记数据，修改无效）");
  std::string statuses;
  for (const std::string& v : survey_status_values()) statuses += (statuses.empty() ? "" : " / ") + v;
  line("  " + field("survey_status") + "：" + statuses);
  line("    已核实＝与资料一致；有变化＝现场与资料不同（改正下列属性并在备注说明）；");
  line("    无法到达＝未能进入现场；待复核＝需再次核查。");
  line("  " + field("surveyor") + "；" + field("survey_date") + "，日期型，如 2026-07-15；" + field("note") + "。");
  std::string parcel_fields;
  for (const std::string& f : editable_attributes("parcels")) parcel_fields += (parcel_fields.empty() ? "" : "、") + field(f);
  line("  可改正的属性：宗地的 " + parcel_fields + "；");
  std::string building_fields;
  for (const std::string& f : editable_attributes("buildings")) building_fields += (building_fields.empty() ? "" : "、") + field(f);
  line("    建筑的 " + building_fields + "。");
  line("    Shapefile 中的短字段名以同名 .fields.csv 为准。日期写成 年-月-日。留空表示不修改。");
  line("  不要移动或修改图形；不要改 parcel_id、building_id 等编号；不要删除或新增字段。");
  line("  发现资料中没有的宗地或建筑，请在相邻宗地的备注中说明，不要新画图形。");
  line("");
  line("五、交回");
  line("  把整个文件夹（或压缩包）交回，或只交回修改过的图层（.shp 须连同 .shx .dbf .prj .cpg 一起）。");
  line("  另存为其他格式（GeoPackage、GeoJSON、KML、CSV）也可以，字段名保持不变即可。");
  line("  数据管理员用 parkgis survey-merge 合并：会列出每处修改，编号未知、图形被移动或改动了只读字段的，");
  line("  作为冲突列出且不合并。");
  return s;
}

}  // namespace parkgis::exporter
