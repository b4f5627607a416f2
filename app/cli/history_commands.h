#pragma once
// 'parkgis import --update' (called by cmd_import), beside 'parkgis runs' and 'parkgis history'.

#include "app/cli/args.h"
#include "app/cli/command.h"

namespace parkgis::cli {

int run_update(const Args& args, Context& ctx);

}  // namespace parkgis::cli
