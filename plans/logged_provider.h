// plans/logged_provider.h: a provider wrapped so that the debug log (PLINTH_LOG=debug) records
// every call: which provider configuration, which verb and type, how long it took, and whether it
// failed (with the provider's summary). Values are never logged, so neither are secrets. The
// provider set wraps providers in it only when the log is on at debug level.
#pragma once

#include <memory>
#include <string>

#include "providers/provider.h"

namespace plinth::plans {

class LoggedProvider final : public providers::Provider {
public:
    LoggedProvider(std::string name, std::unique_ptr<providers::Provider> inner);

    const providers::ProviderSchema& schema() const override { return m_inner->schema(); }
    providers::Result<void> configure(const Value& config) override;
    std::vector<providers::ProviderError> validate(providers::BlockKind kind, const std::string& type,
                                                   const Value& config) override;
    providers::Result<providers::PlanResult> plan(const std::string& type, const Value* prior,
                                                  const Value& desired) override;
    providers::Result<Value> create(const std::string& type, const Value& planned) override;
    providers::Result<std::optional<Value>> read(const std::string& type, const Value& current) override;
    providers::Result<Value> update(const std::string& type, const Value& prior, const Value& planned) override;
    providers::Result<void> remove(const std::string& type, const Value& current) override;
    providers::Result<Value> import(const std::string& type, const std::string& id) override;
    providers::Result<Value> read_data(const std::string& type, const Value& config) override;
    std::string id_of(const std::string& type, const Value& attributes) const override;

private:
    // Runs `call` and logs `verb` on `type` with its duration and outcome.
    template <typename Call>
    auto logged(std::string_view verb, const std::string& type, Call&& call);

    std::string m_name;
    std::unique_ptr<providers::Provider> m_inner;
};

}  // namespace plinth::plans
