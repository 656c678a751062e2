// cli/state_codec.h: the StateCodec a command reads and writes state and saved plans with, from
// the root stack's `encryption:` block (plans/encryption_keys.h); one without keys when the stack
// declares none. Errors are reported through the Ui and come back as an exit status.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/exit_status.h"
#include "cli/options.h"
#include "cli/ui.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"
#include "core/state/encryption.h"
#include "plans/plan.h"

namespace plinth::cli {

using CodecPtr = std::shared_ptr<const StateCodec>;

// With the variables a command resolved.
std::expected<CodecPtr, ExitStatus> state_codec(Ui& ui, const Stack& stack, const ValueMap& variables,
                                                const std::string& workspace);

// For commands that resolve no variables: defaults, PLINTH_VAR_* and `options`; a variable
// without a value is unknown, an error only when a passphrase uses it.
std::expected<CodecPtr, ExitStatus> state_codec(Ui& ui, const Stack& stack, const VariableOptions& options,
                                                const std::string& workspace);
// The same, with the errors as values.
std::expected<CodecPtr, Diagnostics> available_state_codec(const Stack& stack, const VariableOptions& options,
                                                           const std::string& workspace);

// For commands that open state without loading the stack (show, output, workspace): the stack in
// `stack_dir` is loaded when there is one.
std::expected<CodecPtr, ExitStatus> directory_state_codec(Ui& ui, const std::filesystem::path& stack_dir,
                                                          const std::string& workspace);

// `workspace`'s state store in `backend`, reading and writing through directory_state_codec.
std::expected<std::unique_ptr<StateStore>, ExitStatus> open_encrypted_state(Ui& ui, Backend& backend,
                                                                            const std::filesystem::path& stack_dir,
                                                                            const std::string& workspace);

// The same for the current workspace of the stack in the current directory, in its active backend.
std::expected<std::unique_ptr<StateStore>, ExitStatus> open_current_encrypted_state(Ui& ui);

// directory_state_codec for the current directory and workspace (reading a saved plan).
std::expected<CodecPtr, ExitStatus> current_state_codec(Ui& ui);

// The saved plan at `path` (`show`, `graph --plan`). Only an encrypted plan needs the stack in
// the current directory: its `encryption:` block has the key.
std::expected<plans::Plan, ExitStatus> read_saved_plan(Ui& ui, const std::string& path);

}  // namespace plinth::cli
