#include "libgis/core/free_memory.h"

#include <dlfcn.h>
#include <malloc.h>

namespace parkgis {

void release_free_memory() {
  // Found at run time: libgis does not link mimalloc itself, the program may.
  using Collect = void (*)(bool);
  static const auto collect = reinterpret_cast<Collect>(dlsym(RTLD_DEFAULT, "mi_collect"));
  if (collect) collect(true);
  else malloc_trim(0);
}

}  // namespace parkgis
