#include "libgis/generator/dataset_generator.h"
#include "libgis/core/errors.h"
namespace parkgis::generator {
Summary generate_dataset(const Options&, const ProgressFn&) { throw DataError("generator: not implemented yet"); }
}
