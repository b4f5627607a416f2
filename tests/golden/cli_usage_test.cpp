// The CLI's usage errors: exit code 2 and a message that says what to do.
#include <gtest/gtest.h>

#include <algorithm>
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

// The command column of 'parkgis --help' is as wide as the longest name plus two spaces, so that every
// summary starts in one column and no name runs into its summary ("survey-mergeapply ...").
TEST(CliUsage, HelpCommandColumnFitsTheLongestName) {
  std::string out, err;
  ASSERT_EQ(run_cli({"--help"}, &out, &err), 0);
  std::size_t longest = 0;
  for (const auto& c : parkgis::cli::commands()) longest = std::max(longest, std::string(c.name).size());
  std::istringstream lines(out.substr(out.find("commands:\n") + 10));
  std::size_t listed = 0;
  for (std::string line; std::getline(lines, line) && !line.empty(); ++listed) {
    const auto& c = parkgis::cli::commands().at(listed);
    const std::string name = c.name;
    EXPECT_EQ(line.substr(0, 2 + name.size()), "  " + name) << line;
    EXPECT_EQ(line.substr(2 + name.size(), 2 + longest - name.size()), std::string(2 + longest - name.size(), ' ')) << line;
    EXPECT_EQ(line.substr(4 + longest), c.summary) << line;
  }
  EXPECT_EQ(listed, parkgis::cli::commands().size());
}

// --version names the data folder it uses (in a build tree: the source tree; installed: share/parkgis).
TEST(CliUsage, VersionNamesTheDataFolder) {
  std::string out, err;
  ASSERT_EQ(run_cli({"--version"}, &out, &err), 0);
  EXPECT_EQ(out, std::string("parkgis ") + PARKGIS_VERSION + "\ndata: " + PARKGIS_SOURCE_DIR + "\n");
}

// The manual page is made from the registry: a section per command holding its --help text.
TEST(CliUsage, ManPageHasEveryCommand) {
  std::string out, err;
  ASSERT_EQ(run_cli({"--man"}, &out, &err), 0);
  EXPECT_EQ(out.rfind(".TH PARKGIS 1", 0), 0u);
  for (const auto& c : parkgis::cli::commands()) EXPECT_NE(out.find(std::string(".SS ") + c.name + "\n"), std::string::npos) << c.name;
  EXPECT_NE(out.find("\\-\\-workbook"), std::string::npos);  // report's --help, with roff's minus signs
}
