// The CLI's usage errors: exit code 2 and a message that says what to do.
#include <gtest/gtest.h>

#include <sstream>

#include "app/cli/command.h"

namespace {

int run_cli(const std::vector<std::string>& argv, std::string* out, std::string* err) {
  std::ostringstream o, e;
  parkgis::cli::Context ctx{o, e, false};
  const int rc = parkgis::cli::run(argv, ctx);
  *out = o.str();
  *err = e.str();
  return rc;
}

}  // namespace

TEST(CliUsage, UnknownCommandIsUsageError) {
  std::string out, err;
  EXPECT_EQ(run_cli({"frobnicate"}, &out, &err), 2);
  EXPECT_EQ(err, "parkgis: unknown command 'frobnicate'; try 'parkgis --help'\n");
}

TEST(CliUsage, UnknownOptionIsUsageError) {
  std::string out, err;
  EXPECT_EQ(run_cli({"import", "--bogus"}, &out, &err), 2);
  EXPECT_EQ(err, "parkgis import: unknown option '--bogus'; try 'parkgis import --help'\n");
}

TEST(CliUsage, NoArgumentsPrintsUsageOnStderr) {
  std::string out, err;
  EXPECT_EQ(run_cli({}, &out, &err), 2);
  EXPECT_NE(err.find("usage: parkgis <command>"), std::string::npos);
  EXPECT_TRUE(out.empty());
}
