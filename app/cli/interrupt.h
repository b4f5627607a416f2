#pragma once
// Ctrl-C (SIGINT) and SIGTERM stop long commands cleanly: the handler only sets a flag, the
// commands' progress callbacks see it and ask libgis to stop (Cancelled), and the usual unwinding
// removes the unfinished database and rolls back open transactions. A second signal ends the process
// at once (the default action is restored after the first).

namespace parkgis::cli {

void install_interrupt_handler();
bool interrupted();
void clear_interrupt();  // for tests

// Exit code of an interrupted command (128 + SIGINT, as shells report it).
inline constexpr int kExitInterrupted = 130;

}  // namespace parkgis::cli
