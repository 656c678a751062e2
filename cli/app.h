// cli/app.h: the command line entry point: parses global options and the subcommand, applies
// --chdir, runs the command and maps every failure to an exit status.
#pragma once

namespace plinth::cli {

int run(int argc, char** argv);

}  // namespace plinth::cli
