#pragma once
// What the parcels are labelled with, and how big: chosen in the viewer (View › 标注) and by
// 'parkgis render --labels FIELD --label-size PT'. Park and zone names are always drawn at their own
// sizes; this concerns the parcels' labels only.

#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "libgis/render/layers.h"

namespace parkgis::render {

enum class ParcelLabel { parcel_id, holder, tax_per_mu, grade, none };

struct ParcelLabelInfo {
  ParcelLabel field;
  const char* key;     // command-line and settings name: "parcel_id", "holder", "tax_per_mu", "grade", "none"
  const char* column;  // parcel_metrics column ("" = none; parcel_id is the feature id)
  const char* name_zh;
  const char* name_en;
};

const std::vector<ParcelLabelInfo>& parcel_label_fields();
const ParcelLabelInfo& parcel_label_info(ParcelLabel field);
// "grade" → ParcelLabel::grade; nullopt for an unknown key.
std::optional<ParcelLabel> parse_parcel_label(const std::string& key);
// "parcel_id, holder, tax_per_mu, grade, none" (for messages and --help).
std::string parcel_label_keys();

inline constexpr double kDefaultLabelPt = 8.0;   // 8 pt = 10.7 px at 96 dpi
inline constexpr double kMinLabelPt = 5.0, kMaxLabelPt = 24.0;

struct LabelOptions {
  ParcelLabel parcel = ParcelLabel::parcel_id;
  double size_pt = kDefaultLabelPt;  // parcel labels, in points (1/72 inch)
  // Pixels of the target (1/96 inch) for the font.
  double size_px() const { return size_pt * 96.0 / 72.0; }
  // For the viewer's image caches: changes whenever the options do.
  std::string key() const;
  friend bool operator==(const LabelOptions&, const LabelOptions&) = default;
};

// The label of one parcel for `field` from its stored value: tax per mu with one decimal (万元/亩, the
// legend's unit), grades as the reports show them (A–D, 不定等级; data labels are Chinese in both
// languages, like the holders' names), other text as stored; "" when the value is missing (nothing drawn).
QString format_parcel_label(ParcelLabel field, const std::string& stored_text);

}  // namespace parkgis::render
