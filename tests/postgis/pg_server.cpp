#include "tests/postgis/pg_server.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/cli/command.h"

namespace parkgis::test {

namespace {

// The server's folder: PARKGIS_TEST_PG_DIR when set (a server started by hand), else the ctest fixture's.
const char* server_dir() {
  const char* dir = std::getenv("PARKGIS_TEST_PG_DIR");
  return dir && *dir ? dir : PARKGIS_TEST_PG_DIR_DEFAULT;
}

std::string port() {
  const char* dir = server_dir();
  std::ifstream f(std::string(dir) + "/port");
  std::string p;
  if (!(f >> p))
    throw std::runtime_error(std::string("the PostgreSQL test server did not start: no ") + dir + "/port (see " + dir +
                             "/server.log and the output of the test postgis_server_start; run these tests through ctest, "
                             "or start a server with scripts/pg-test-server.sh start DIR and set PARKGIS_TEST_PG_DIR=DIR)");
  return p;
}

}  // namespace

std::string pg_uri(const std::string& db, const std::string& user, const std::string& password) {
  return "postgresql://" + user + (password.empty() ? "" : ":" + password) + "@127.0.0.1:" + port() + "/" + db;
}

std::string psql(const std::string& sql) {
  const std::string file = std::string(server_dir()) + "/query.sql";
  std::ofstream(file) << sql << "\n";
  const std::string cmd = "psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p " + port() + " -U postgres -d parkgis -f " + file + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p.get())) out.append(buf.data(), n);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

CommandResult parkgis_cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  cli::Context ctx{out, err, false};
  CommandResult r;
  r.exit_code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace parkgis::test
