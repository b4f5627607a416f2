// parkgis: the command-line tool. All logic is in the parkgis_cli library.
#include <unistd.h>

#include <iostream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"

int main(int argc, char** argv) {
  parkgis::cli::install_interrupt_handler();
  std::vector<std::string> args(argv + 1, argv + argc);
  parkgis::cli::Context ctx{std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
  return parkgis::cli::run(args, ctx);
}
