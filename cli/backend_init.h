// cli/backend_init.h: the backend part of `plinth init`: checks the `backend:` block's settings
// by opening it, and when it names another store than the one recorded, switches to it, copying
// every workspace's state with --migrate-state (lineage and serial kept), refusing to strand
// existing state without it, and ignoring the old store with --reconfigure.
#pragma once

#include "cli/exit_status.h"
#include "cli/options.h"
#include "cli/ui.h"
#include "core/stack/stack.h"

namespace plinth::cli {

struct BackendInitOptions {
    bool migrate_state = false;  // copy the states of the old backend into the new one
    bool reconfigure = false;    // switch without looking at the old backend's states
    bool force_copy = false;     // overwrite states the new backend already holds
    LockOptions lock;
};

ExitStatus initialize_backend(const Stack& stack, const BackendInitOptions& options, Ui& ui);

}  // namespace plinth::cli
