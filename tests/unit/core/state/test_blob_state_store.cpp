#include <catch2/catch.hpp>

#include <sstream>

#include "core/digest.h"
#include "core/state/blob_state_store.h"
#include "core/state/local_backend.h"
#include "core/state/state_file.h"
#include "temp_dir.h"

using namespace plinth;
using plinth::test::slurp;
using plinth::test::spit;
using plinth::test::TempDir;

namespace {

const std::string k_canary = "CANARY-in-a-sensitive-attribute";

std::shared_ptr<const StateCodec> codec_with(std::vector<std::string> keys) {
    std::vector<EncryptionKey> configured;
    for (auto& key : keys)
        configured.push_back(EncryptionKey{EncryptionKey::Kind::Raw, std::move(key), "env",
                                           configured.empty() ? "key_provider" : "fallback"});
    return std::make_shared<const StateCodec>(std::move(configured));
}

ResourceState sensitive_resource(const std::string& address) {
    return ResourceState{address, "local_file", "local", address + "-id",
                         Value(ValueMap{{"content", Value(k_canary).mark_sensitive()}}), {}, ResourceStatus::Ready};
}

State state_with(const std::string& address, std::uint64_t serial) {
    State state = State::fresh();
    state.serial = serial;
    state.resources.emplace(address, sensitive_resource(address));
    return state;
}

// A store at dir/s.json encrypting with `key`, holding state_with("a", 1).
std::unique_ptr<StateStore> encrypted_store(const TempDir& dir, const std::string& key) {
    auto store = open_local_state(dir / "s.json");
    store->use_codec(codec_with({key}));
    REQUIRE(store->write(state_with("a", 1)));
    return store;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A blob in memory that counts its round trips, as a remote store would cost them.
class CountingBlob final : public StateBlob {
public:
    CountingBlob(std::optional<std::string> stored, int& gets, int& puts)
        : m_stored(std::move(stored)), m_gets(gets), m_puts(puts) {}
    std::string describe() const override { return "counting blob"; }
    std::expected<std::optional<std::string>, Diagnostic> get() override {
        ++m_gets;
        return m_stored;
    }
    std::expected<void, Diagnostic> put(const std::string& bytes) override {
        ++m_puts;
        m_stored = bytes;
        return {};
    }
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string&,
                                                                std::chrono::milliseconds) override {
        return std::unexpected(make_error("not used"));
    }
    std::expected<void, Diagnostic> force_unlock(const std::string&) override {
        return std::unexpected(make_error("not used"));
    }

private:
    std::optional<std::string> m_stored;
    int& m_gets;
    int& m_puts;
};

}  // namespace

TEST_CASE("blob_state_store: an unencrypted state is stored as serialize_state writes it, in any blob") {
    State state = State::fresh();
    state.serial = 4;
    for (int i = 0; i < 300; ++i) {
        std::string address = "local_file.f" + std::to_string(i);
        state.resources.emplace(address, sensitive_resource(address));
    }
    // The local file takes the text piece by piece; another blob gets it joined.
    TempDir dir;
    auto local = open_local_state(dir / "s.json");
    REQUIRE(local->write(state));
    CHECK(slurp(dir / "s.json") == serialize_state(state));
    int gets = 0, puts = 0;
    auto counting = std::make_unique<CountingBlob>(std::nullopt, gets, puts);
    CountingBlob& blob = *counting;
    BlobStateStore store(std::move(counting), dir / "journal");
    REQUIRE(store.write(state));
    CHECK(puts == 1);
    auto stored = blob.get();
    REQUIRE(stored);
    CHECK(**stored == serialize_state(state));
}

TEST_CASE("blob_state_store: with a codec the state and every journal line are encrypted") {
    TempDir dir;
    const std::string key = random_bytes(32);
    auto store = encrypted_store(dir, key);
    State base = store->read().value();
    {
        auto journal = store->open_journal(base);
        REQUIRE(journal);
        REQUIRE((*journal)->record_put(sensitive_resource("b")));
        REQUIRE((*journal)->record_remove("a"));
    }
    CHECK(is_encrypted(slurp(dir / "s.json")));
    CHECK(slurp(dir / "s.json").find(k_canary) == std::string::npos);
    auto lines = lines_of(slurp(dir / "s.json.journal"));
    REQUIRE(lines.size() == 3);  // the header and two records
    for (const auto& line : lines) CHECK(is_encrypted(line));
    CHECK(slurp(dir / "s.json.journal").find(k_canary) == std::string::npos);

    // Another run with the same key folds the journal in.
    auto again = open_local_state(dir / "s.json");
    again->use_codec(codec_with({key}));
    bool recovered = false;
    auto state = again->read(&recovered);
    REQUIRE(state);
    CHECK(recovered);
    CHECK(state->resources.size() == 1);
    CHECK(state->resources.at("b").attributes.as_map().at("content") == Value(k_canary));
    CHECK(again->stored_as_configured());
}

TEST_CASE("blob_state_store: a wrong key is an error naming the file, and nothing changes") {
    TempDir dir;
    auto store = encrypted_store(dir, random_bytes(32));
    std::string stored = slurp(dir / "s.json");

    auto other = open_local_state(dir / "s.json");
    other->use_codec(codec_with({random_bytes(32)}));
    auto state = other->read();
    REQUIRE_FALSE(state);
    CHECK(state.error().summary == "cannot decrypt " + (dir / "s.json").string());

    auto without_keys = open_local_state(dir / "s.json");
    REQUIRE_FALSE(without_keys->read());
    CHECK(slurp(dir / "s.json") == stored);
}

TEST_CASE("blob_state_store: a plain or fallback-encrypted state reads, and is worth storing again") {
    TempDir dir;
    const std::string old_key = random_bytes(32);
    auto plain = open_local_state(dir / "s.json");
    REQUIRE(plain->write(state_with("a", 1)));

    auto store = open_local_state(dir / "s.json");
    store->use_codec(codec_with({old_key}));
    REQUIRE(store->read());
    CHECK_FALSE(store->stored_as_configured());
    REQUIRE(store->write(state_with("a", 2)));
    REQUIRE(store->read());
    CHECK(store->stored_as_configured());

    auto rotated = open_local_state(dir / "s.json");
    rotated->use_codec(codec_with({random_bytes(32), old_key}));
    auto state = rotated->read();
    REQUIRE(state);
    CHECK(state->serial == 2);
    CHECK_FALSE(rotated->stored_as_configured());
}

TEST_CASE("blob_state_store: a journal that cannot be decrypted is an error, never dropped") {
    TempDir dir;
    auto store = encrypted_store(dir, random_bytes(32));
    State base = store->read().value();
    REQUIRE(store->open_journal(base));
    std::string journal = slurp(dir / "s.json.journal");

    // The state is replaced by a plain copy, as `state push` without keys would leave it.
    auto plain = open_local_state(dir / "s.json");
    REQUIRE(plain->write(base));  // which also removes the journal: put it back
    spit(dir / "s.json.journal", journal);
    auto state = plain->read();
    REQUIRE_FALSE(state);
    CHECK(state.error().summary.find("is encrypted; configure `encryption:`") != std::string::npos);
    CHECK_FALSE(plain->open_journal(base));
    CHECK(slurp(dir / "s.json.journal") == journal);
}

TEST_CASE("blob_state_store: a journal opened after read() costs no second read of the store") {
    TempDir dir;
    int gets = 0;
    int puts = 0;
    SECTION("no state stored yet: the base is stored once") {
        BlobStateStore store(std::make_unique<CountingBlob>(std::nullopt, gets, puts), dir / "j.journal");
        State base = store.read().value();
        REQUIRE(store.open_journal(base));
        CHECK(gets == 1);
        CHECK(puts == 1);
        REQUIRE(store.open_journal(base));
        CHECK(gets == 1);
        CHECK(puts == 1);
    }
    SECTION("a stored state is not stored again") {
        BlobStateStore store(std::make_unique<CountingBlob>(serialize_state(state_with("a", 3)), gets, puts),
                             dir / "j.journal");
        State base = store.read().value();
        REQUIRE(store.open_journal(base));
        CHECK(gets == 1);
        CHECK(puts == 0);
    }
    SECTION("without a read first, the store is asked") {
        BlobStateStore store(std::make_unique<CountingBlob>(std::nullopt, gets, puts), dir / "j.journal");
        REQUIRE(store.open_journal(State::fresh()));
        CHECK(gets == 1);
        CHECK(puts == 1);
    }
}
