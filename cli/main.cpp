// plinth's entry point: the allocator's policy, then everything happens in cli::run.
#include <cstdlib>
#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/app.h"

namespace {

// One malloc arena for every thread instead of glibc's default of up to eight per core. An apply's
// workers build the new state while the plan they consume is freed: with an arena each, memory
// one thread frees cannot serve another, and at 100,000 resources that was 38 MB of 303 (peak RSS).
// The price is the workers' contention for one allocator lock, a few per cent of CPU on
// `null_resource`, which does no I/O (bench/README.md); real providers spend their time waiting
// on the network. A user's own MALLOC_ARENA_MAX or glibc tunable wins.
void use_one_malloc_arena() {
#ifdef __GLIBC__
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    bool user_chose = std::getenv("MALLOC_ARENA_MAX") || (tunables && std::strstr(tunables, "arena_max"));
    if (!user_chose) mallopt(M_ARENA_MAX, 1);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    use_one_malloc_arena();
    return plinth::cli::run(argc, argv);
}
