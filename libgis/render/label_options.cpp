#include "libgis/render/label_options.h"

#include <cstdlib>

#include "libgis/report/labels.h"

namespace parkgis::render {

const std::vector<ParcelLabelInfo>& parcel_label_fields() {
  static const std::vector<ParcelLabelInfo> fields = {
      {ParcelLabel::parcel_id, "parcel_id", "parcel_id", "宗地代码", "Parcel id"},
      {ParcelLabel::holder, "holder", "enterprise_name", "权利人", "Holder"},
      {ParcelLabel::tax_per_mu, "tax_per_mu", "tax_per_mu", "亩均税收", "Tax per mu"},
      {ParcelLabel::grade, "grade", "grade", "等级", "Grade"},
      {ParcelLabel::none, "none", "", "不标注", "None"},
  };
  return fields;
}

const ParcelLabelInfo& parcel_label_info(ParcelLabel field) {
  for (const ParcelLabelInfo& i : parcel_label_fields())
    if (i.field == field) return i;
  return parcel_label_fields().front();
}

std::optional<ParcelLabel> parse_parcel_label(const std::string& key) {
  for (const ParcelLabelInfo& i : parcel_label_fields())
    if (key == i.key) return i.field;
  return std::nullopt;
}

std::string parcel_label_keys() {
  std::string s;
  for (const ParcelLabelInfo& i : parcel_label_fields()) s += (s.empty() ? "" : ", ") + std::string(i.key);
  return s;
}

std::string LabelOptions::key() const {
  return std::string(parcel_label_info(parcel).key) + "|" + std::to_string(size_pt);
}

QString format_parcel_label(ParcelLabel field, const std::string& stored_text) {
  if (stored_text.empty() || field == ParcelLabel::none) return {};
  if (field == ParcelLabel::tax_per_mu) {
    char* end = nullptr;
    const double v = std::strtod(stored_text.c_str(), &end);
    if (end == stored_text.c_str()) return QString::fromStdString(stored_text);
    return QString::number(v, 'f', 1);
  }
  if (field == ParcelLabel::grade) return QString::fromStdString(report::label_of(report::grade_labels(), stored_text));
  return QString::fromStdString(stored_text);
}

}  // namespace parkgis::render
