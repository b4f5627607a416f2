#include "libgis/io/manifest.h"

#include <cpl_error.h>
#include <cpl_json.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "libgis/core/errors.h"
#include "libgis/model/schema.h"

namespace parkgis::io {

namespace fs = std::filesystem;

namespace {

std::string list_layers() {
  std::string out;
  for (const auto& l : model::canonical_layers()) out += (out.empty() ? "" : ", ") + l.name;
  return out;
}

std::string list_fields(const model::LayerSpec& spec) {
  std::string out;
  for (const auto& f : spec.fields) out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

std::string string_member(const CPLJSONObject& obj, const std::string& key, const std::string& file) {
  const CPLJSONObject v = obj.GetObj(key);
  if (!v.IsValid()) return "";
  if (v.GetType() != CPLJSONObject::Type::String)
    throw DataError(file + ": \"" + key + "\" must be a text value");
  return v.ToString();
}

// A layer's path must stay inside the dataset folder (no absolute path, no "..", no link leading out):
// a dataset received as a zip must not make parkgis read other files of the machine.
void check_inside(const std::string& path, const std::string& folder, const std::string& file, const std::string& layer) {
  const fs::path p(path);
  bool outside = p.is_absolute() || p.has_root_name();
  for (const fs::path& part : p.lexically_normal()) outside = outside || part == "..";
  if (!outside) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(fs::absolute(folder), ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(folder) / p, ec);
    const auto mismatch = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    outside = mismatch.first != base.end();
  }
  if (outside)
    throw DataError(file + ": layers." + layer + ".path \"" + path +
                    "\" leads outside the dataset folder; copy the file into the folder and give its name "
                    "relative to it");
}

}  // namespace

Manifest load_manifest(const std::string& dataset_folder) {
  Manifest m;
  m.folder = dataset_folder;
  m.name = fs::path(dataset_folder).lexically_normal().filename().string();
  if (m.name.empty() || m.name == ".") m.name = fs::absolute(dataset_folder).lexically_normal().parent_path().filename().string();

  const fs::path file = fs::path(dataset_folder) / "dataset.json";
  if (!fs::exists(file)) return m;
  m.file = file.string();

  CPLJSONDocument doc;
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  // Read as text first: Windows Notepad saves UTF-8 with a byte-order mark, which JSON parsers refuse.
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  const bool ok = doc.LoadMemory(text);
  CPLPopErrorHandler();
  if (!ok) {
    const std::string why = CPLGetLastErrorMsg();
    throw DataError(m.file + ": not valid JSON" + (why.empty() ? "" : " (" + why + ")") +
                    "; fix the file or remove it to use the defaults");
  }
  const CPLJSONObject root = doc.GetRoot();
  if (root.GetType() != CPLJSONObject::Type::Object)
    throw DataError(m.file + ": the top level must be a JSON object");

  for (const CPLJSONObject& child : root.GetChildren()) {
    const std::string key = child.GetName();
    if (key != "name" && key != "crs" && key != "encoding" && key != "as_of" && key != "layers" &&
        key != "description" && key != "region")
      throw DataError(m.file + ": unknown key \"" + key +
                      "\"; known keys are name, crs, encoding, as_of, region, layers, description");
  }

  if (auto n = string_member(root, "name", m.file); !n.empty()) m.name = n;
  m.crs = string_member(root, "crs", m.file);
  m.encoding = string_member(root, "encoding", m.file);
  if (auto d = string_member(root, "as_of", m.file); !d.empty()) {
    m.as_of = parse_date(d);
    if (!m.as_of) throw DataError(m.file + ": \"as_of\" is not a date: \"" + d + "\" (write it as 2026-06-30)");
  }

  const CPLJSONObject region = root.GetObj("region");
  if (region.IsValid()) {
    const std::string bad = m.file + ": \"region\" must be \"ningde\", \"any\" or [west, south, east, north] in degrees";
    if (region.GetType() == CPLJSONObject::Type::String) {
      if (region.ToString() == "any") m.region.reset();
      else if (region.ToString() != "ningde") throw DataError(bad);
    } else if (region.GetType() == CPLJSONObject::Type::Array) {
      const CPLJSONArray a = region.ToArray();
      if (a.Size() != 4) throw DataError(bad);
      double v[4];
      for (int i = 0; i < 4; ++i) {
        const auto t = a[i].GetType();
        if (t != CPLJSONObject::Type::Integer && t != CPLJSONObject::Type::Double && t != CPLJSONObject::Type::Long)
          throw DataError(bad);
        v[i] = a[i].ToDouble();
      }
      if (!(v[0] < v[2] && v[1] < v[3])) throw DataError(bad);
      m.region = LonLatBox{v[0], v[1], v[2], v[3]};
    } else {
      throw DataError(bad);
    }
  }

  const CPLJSONObject layers = root.GetObj("layers");
  if (layers.IsValid()) {
    if (layers.GetType() != CPLJSONObject::Type::Object)
      throw DataError(m.file + ": \"layers\" must be an object keyed by layer name");
    for (const CPLJSONObject& entry : layers.GetChildren()) {
      const std::string lname = entry.GetName();
      const model::LayerSpec* spec = model::find_layer(lname);
      if (!spec)
        throw DataError(m.file + ": unknown layer \"" + lname + "\" in \"layers\"; the layers are " +
                        list_layers());
      if (entry.GetType() != CPLJSONObject::Type::Object)
        throw DataError(m.file + ": layers." + lname + " must be an object with \"path\" and/or \"fields\"");
      LayerSource src;
      src.path = string_member(entry, "path", m.file);
      if (!src.path.empty()) check_inside(src.path, dataset_folder, m.file, lname);
      src.layer = string_member(entry, "layer", m.file);
      const CPLJSONObject fields = entry.GetObj("fields");
      if (fields.IsValid()) {
        if (fields.GetType() != CPLJSONObject::Type::Object)
          throw DataError(m.file + ": layers." + lname + ".fields must map canonical names to source fields");
        for (const CPLJSONObject& f : fields.GetChildren()) {
          if (!spec->field(f.GetName()))
            throw DataError(m.file + ": layers." + lname + ".fields: unknown field \"" + f.GetName() +
                            "\"; the fields of " + lname + " are " + list_fields(*spec));
          if (f.GetType() == CPLJSONObject::Type::Null) {
            src.absent.insert(f.GetName());
            continue;
          }
          if (f.GetType() != CPLJSONObject::Type::String)
            throw DataError(m.file + ": layers." + lname + ".fields." + f.GetName() +
                            " must be the name of a source field, or null when the data has none");
          src.fields[f.GetName()] = f.ToString();
        }
      }
      m.layers[lname] = std::move(src);
    }
  }
  return m;
}

}  // namespace parkgis::io
