#pragma once
// Exception types for failures that stop a whole command.
// Problems with single features are not exceptions: they go to an IssueSink (issues.h).

#include <stdexcept>
#include <string>

namespace parkgis {

// Exit codes shared by every command.
enum ExitCode : int { kExitOk = 0, kExitDataError = 1, kExitUsage = 2 };

// The input data cannot be used as it is (missing layer, unknown CRS, unreadable file, ...).
// The message says what was wrong, where, and what to do.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line or a configuration value is wrong.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace parkgis
