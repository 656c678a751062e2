// `plinth validate`: parse the stack, check references, cycles and every resource against its
// provider's schema; touches nothing and needs no variable values.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/stack_session.h"
#include "cli/terminal.h"

namespace plinth::cli {

namespace {

ExitStatus validate_stack(Ui& ui) {
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    if ((*session)->open_engine((*session)->default_variables()) != ExitStatus::Ok) return ExitStatus::Error;
    Diagnostics problems = (*session)->engine().validate();
    ui.diagnostics(problems);
    return problems.has_errors() ? ExitStatus::Error : ExitStatus::Ok;
}

ExitStatus run_validate(bool json, Ui& ui) {
    if (json) ui.use_json();
    ExitStatus status = validate_stack(ui);
    bool valid = status == ExitStatus::Ok;
    if (ui.json())
        ui.event("validation", valid ? "info" : "error", valid ? "Success! The stack is valid." : "The stack is invalid.",
                 {{"valid", valid},
                  {"error_count", ui.reported(Severity::Error)},
                  {"warning_count", ui.reported(Severity::Warning)}});
    else if (valid)
        ui.out(green("Success!", ui.color()) + " The stack is valid.\n");
    return status;
}

}  // namespace

Command make_validate_command(CLI::App& parent) {
    CLI::App* app = parent.add_subcommand("validate", "Check the stack without touching anything");
    auto json = std::make_shared<bool>(false);
    add_json_option(*app, *json);
    return {app, [json](Ui& ui) { return run_validate(*json, ui); }};
}

}  // namespace plinth::cli
