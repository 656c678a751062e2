// `plinth validate`: parse the stack, check references, cycles and every resource against its
// provider's schema; touches nothing and needs no variable values.
#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/terminal.h"

namespace plinth::cli {

Command make_validate_command(CLI::App& parent) {
    CLI::App* app = parent.add_subcommand("validate", "Check the stack without touching anything");
    return {app, [](Ui& ui) {
                auto session = StackSession::open(ui);
                if (!session) return session.error();
                if ((*session)->open_engine((*session)->default_variables()) != ExitStatus::Ok)
                    return ExitStatus::Error;
                Diagnostics problems = (*session)->engine().validate();
                ui.diagnostics(problems);
                if (problems.has_errors()) return ExitStatus::Error;
                ui.out(green("Success!", ui.color()) + " The stack is valid.\n");
                return ExitStatus::Ok;
            }};
}

}  // namespace plinth::cli
