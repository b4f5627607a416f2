#include "libgis/model/land_use.h"

#include <map>

namespace parkgis::model {

std::optional<LandUseName> land_use_name(const std::string& code) {
  static const std::map<std::string, LandUseName> names = {
      // 05 商服用地
      {"0501", {"零售商业用地", "Retail land"}},
      {"0502", {"批发市场用地", "Wholesale market land"}},
      {"0503", {"餐饮用地", "Catering land"}},
      {"0504", {"旅馆用地", "Hotel land"}},
      {"0505", {"商务金融用地", "Business and finance land"}},
      {"0506", {"娱乐用地", "Entertainment land"}},
      {"0507", {"其他商服用地", "Other commercial land"}},
      {"0508", {"物流仓储用地", "Logistics and storage land"}},  // TD/T 1055-2019
      // 06 工矿仓储用地
      {"0601", {"工业用地", "Industrial land"}},
      {"0602", {"采矿用地", "Mining land"}},
      {"0603", {"盐田", "Salt pans"}},
      {"0604", {"仓储用地", "Storage land"}},
      {"061", {"工业用地", "Industrial land"}},  // GB/T 21010-2007
      {"062", {"采矿用地", "Mining land"}},
      {"063", {"仓储用地", "Storage land"}},
      // 07 住宅用地
      {"0701", {"城镇住宅用地", "Urban residential land"}},
      {"0702", {"农村宅基地", "Rural homesteads"}},
      // 08 公共管理与公共服务用地
      {"0801", {"机关团体用地", "Government and organisations"}},
      {"0802", {"新闻出版用地", "Press and publishing"}},
      {"0803", {"教育用地", "Education"}},
      {"0804", {"科研用地", "Research"}},
      {"0805", {"医疗卫生用地", "Health care"}},
      {"0806", {"社会福利用地", "Social welfare"}},
      {"0807", {"文化设施用地", "Cultural facilities"}},
      {"0808", {"体育用地", "Sports"}},
      {"0809", {"公用设施用地", "Public utilities"}},
      {"0810", {"公园与绿地", "Parks and green space"}},
      // 10 交通运输用地
      {"1001", {"铁路用地", "Railway land"}},
      {"1002", {"轨道交通用地", "Rail transit land"}},
      {"1003", {"公路用地", "Highway land"}},
      {"1004", {"城镇村道路用地", "Urban and village roads"}},
      {"1005", {"交通服务场站用地", "Transport stations"}},
      {"1006", {"农村道路", "Rural roads"}},
      {"1007", {"机场用地", "Airports"}},
      {"1008", {"港口码头用地", "Ports and wharves"}},
      {"1009", {"管道运输用地", "Pipelines"}},
      // 12 其他土地
      {"1201", {"空闲地", "Vacant land"}},
  };
  const auto it = names.find(code);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

}  // namespace parkgis::model
