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

// A large import or analysis holds gigabytes for its whole run. Taken in 2 MiB pages (transparent huge
// pages, where the kernel offers them on request) and kept until the process ends, that memory is
// faulted in and zeroed a five-hundredth as often: at 200,000 parcels the kernel's share of `analyze`
// fell from a third to a sixth (docs/performance.md). A MIMALLOC_* variable the user sets still wins.
void tune_allocator() {
#ifdef PARKGIS_WITH_MIMALLOC
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES")) mi_option_set_enabled(mi_option_large_os_pages, true);
  if (!std::getenv("MIMALLOC_ALLOW_DECOMMIT")) mi_option_set_enabled(mi_option_allow_decommit, false);
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
