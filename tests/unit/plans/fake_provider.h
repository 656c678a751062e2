// tests/unit/plans/fake_provider.h: a provider over an in-memory "world" for engine tests.
// Type `fake_thing`: `name` (required, force_new), `value` (optional), computed `id`. Creating a
// thing whose value is "fail" fails; a value "invalid" fails the provider's own validation.
// Settings: `endpoint` (default "local"), `token` (sensitive); an endpoint "down" fails
// configure(). Tests inspect and change the world to simulate drift.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/state/backend.h"
#include "providers/provider.h"
#include "providers/registry.h"
#include "providers/schema.h"

namespace plinth::testing {

struct FakeWorld {
    std::mutex mutex;
    std::map<std::string, Value> objects;  // by id
    std::vector<std::string> calls;        // "configure local", "create a", "remove a", ...
    Value settings;                        // as last configured
    int next_id = 1;
};

class FakeProvider final : public providers::Provider {
public:
    explicit FakeProvider(std::shared_ptr<FakeWorld> world);

    const providers::ProviderSchema& schema() const override { return m_schema; }
    providers::Result<void> configure(const Value& settings) override;
    std::vector<providers::ProviderError> validate(providers::BlockKind kind, const std::string& type,
                                                   const Value& config) override;
    providers::Result<providers::PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) override;
    providers::Result<Value> create(const std::string& type, const Value& planned) override;
    providers::Result<std::optional<Value>> read(const std::string& type, const Value& current) override;
    providers::Result<Value> update(const std::string& type, const Value& prior, const Value& planned) override;
    providers::Result<void> remove(const std::string& type, const Value& current) override;

private:
    std::shared_ptr<FakeWorld> m_world;
    providers::ProviderSchema m_schema;
};

// A registry whose only provider is `fake`, sharing `world`.
providers::ProviderRegistry fake_registry(const std::shared_ptr<FakeWorld>& world);

// A journal that keeps records in memory.
class MemoryJournal final : public StateJournal {
public:
    std::expected<void, Diagnostic> record_put(const ResourceState& resource) override;
    std::expected<void, Diagnostic> record_remove(const std::string& address) override;
    std::vector<std::string> records;  // "put a creating", "put a ready", "remove a"

private:
    std::mutex m_mutex;  // guards records: the applier's workers record at once
};

}  // namespace plinth::testing
