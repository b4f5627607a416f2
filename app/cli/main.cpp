// parkgis: the command-line tool. All logic is in the parkgis_cli library.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"

#ifdef PARKGIS_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

// A large import or analysis holds gigabytes. Taken in 2 MiB pages (transparent huge pages, where the
// kernel offers them on request), that memory is faulted in and zeroed far less often: at 200,000
// parcels `analyze` took 40,000 page faults instead of 1.37 million and a quarter of the kernel time
// (docs/performance.md). MIMALLOC_LARGE_OS_PAGES set by the user still wins.
void tune_allocator() {
#ifdef PARKGIS_WITH_MIMALLOC
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES")) mi_option_set_enabled(mi_option_large_os_pages, true);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  parkgis::cli::install_interrupt_handler();
  std::vector<std::string> args(argv + 1, argv + argc);
  parkgis::cli::Context ctx{std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
  return parkgis::cli::run(args, ctx);
}
