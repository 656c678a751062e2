#include <catch2/catch.hpp>

#include "cli/errored_state.h"
#include "core/digest.h"
#include "core/state/state_file.h"
#include "tests/unit/core/state/temp_dir.h"

using namespace plinth;
using plinth::test::slurp;
using plinth::test::TempDir;

namespace {

State state_with_secret() {
    State state = State::fresh();
    state.serial = 4;
    state.resources.emplace("db", ResourceState{"db", "null_resource", "null", "1",
                                                Value(ValueMap{{"password", Value("CANARY-pw").mark_sensitive()}}),
                                                {}, ResourceStatus::Ready});
    return state;
}

}  // namespace

TEST_CASE("errored state: saved as JSON without encryption, encrypted with it") {
    TempDir dir;
    State state = state_with_secret();
    auto saved = cli::save_errored_state(dir.path(), state, StateCodec());
    CHECK(saved.summary == "the new state was saved to plinth.state.errored.json");
    CHECK(slurp(dir / cli::k_errored_state_file) == serialize_state(state));

    const StateCodec codec({EncryptionKey{EncryptionKey::Kind::Raw, random_bytes(32), "env", "key_provider"}});
    cli::save_errored_state(dir.path(), state, codec);
    std::string bytes = slurp(dir / cli::k_errored_state_file);
    CHECK(is_encrypted(bytes));
    CHECK(bytes.find("CANARY-pw") == std::string::npos);
    CHECK(codec.decode(bytes, "f").value() == serialize_state(state));
}
