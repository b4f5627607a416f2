#pragma once
// The throwaway PostgreSQL + PostGIS server of the tests (scripts/pg-test-server.sh, started by the ctest
// fixture postgis_server): its URIs, and commands run as a user would run them. No silent skipping: without
// a server every test fails with the reason.

#include <string>
#include <vector>

namespace parkgis::test {

// postgresql://USER[:PASSWORD]@127.0.0.1:PORT/DB of the test server. Throws std::runtime_error (with what
// to do) when no server is running.
std::string pg_uri(const std::string& db = "parkgis", const std::string& user = "postgres", const std::string& password = "");

// Runs psql on the test server's database parkgis; returns its output (unaligned, tuples only).
std::string psql(const std::string& sql);

struct CommandResult {
  int exit_code = 0;
  std::string out, err;
};
// Runs `parkgis ARGS...` in this process (parkgis::cli::run), as the tests of the CLI do.
CommandResult parkgis_cli(const std::vector<std::string>& args);

}  // namespace parkgis::test
