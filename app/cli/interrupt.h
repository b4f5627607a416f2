#pragma once
// Ctrl-C (SIGINT) and SIGTERM stop long commands cleanly: the handler only sets a flag, the
// commands' progress callbacks see it and ask libgis to stop (Cancelled), and the usual unwinding
// removes the unfinished database and rolls back open transactions. A second signal ends the process
// at once (the default action is restored after the first).

#include <iosfwd>
#include <string>

namespace parkgis::cli {

void install_interrupt_handler();
bool interrupted();
void clear_interrupt();  // for tests

// A stop request that came after the point of no return (the database was replaced, the results were
// committed): says so on err, so that the user knows the command did complete.
void note_late_interrupt(std::ostream& err, const char* command, const std::string& what_was_done);

// Exit code of an interrupted command (128 + SIGINT, as shells report it).
inline constexpr int kExitInterrupted = 130;

}  // namespace parkgis::cli
