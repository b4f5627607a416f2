#pragma once
// Where the programs find the files they ship with (map styles, the bundled sample dataset, the docs).
// Installed (cmake --install, the .deb), they live in <prefix>/share/parkgis, found from the running
// program's own path (<prefix>/bin/parkgis), so an unpacked or relocated tree works too; in a build or
// source tree (no share/parkgis beside bin/), the source folder. PARKGIS_DATA_DIR overrides both.

#include <filesystem>

namespace parkgis {

// The folder that holds styles/, datasets/ and docs/.
std::filesystem::path data_dir();

// The map themes: PARKGIS_STYLES_DIR when set, else data_dir()/styles.
std::filesystem::path styles_dir();

// The bundled sample (宁德小微园): data_dir()/datasets/ningde.
std::filesystem::path sample_dataset_dir();

}  // namespace parkgis
