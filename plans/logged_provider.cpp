#include "plans/logged_provider.h"

#include <chrono>

#include "core/log.h"

namespace plinth::plans {

LoggedProvider::LoggedProvider(std::string name, std::unique_ptr<providers::Provider> inner)
    : m_name(std::move(name)), m_inner(std::move(inner)) {}

template <typename Call>
auto LoggedProvider::logged(std::string_view verb, const std::string& type, Call&& call) {
    auto started = std::chrono::steady_clock::now();
    auto result = call();
    double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    std::string on = type.empty() ? "" : " " + type;
    if (result) log(LogLevel::Debug, "provider {}: {}{} took {:.1f} ms", m_name, verb, on, millis);
    else
        log(LogLevel::Debug, "provider {}: {}{} failed after {:.1f} ms: {}", m_name, verb, on, millis,
            result.error().summary);
    return result;
}

providers::Result<void> LoggedProvider::configure(const Value& config) {
    return logged("configure", "", [&] { return m_inner->configure(config); });
}

std::vector<providers::ProviderError> LoggedProvider::validate(providers::BlockKind kind, const std::string& type,
                                                               const Value& config) {
    auto started = std::chrono::steady_clock::now();
    auto problems = m_inner->validate(kind, type, config);
    double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    log(LogLevel::Debug, "provider {}: validate {} took {:.1f} ms ({} problems)", m_name, type, millis,
        problems.size());
    return problems;
}

providers::Result<providers::PlanResult> LoggedProvider::plan(const std::string& type, const Value* prior,
                                                              const Value& desired) {
    return logged("plan", type, [&] { return m_inner->plan(type, prior, desired); });
}

providers::Result<Value> LoggedProvider::create(const std::string& type, const Value& planned) {
    return logged("create", type, [&] { return m_inner->create(type, planned); });
}

providers::Result<std::optional<Value>> LoggedProvider::read(const std::string& type, const Value& current) {
    return logged("read", type, [&] { return m_inner->read(type, current); });
}

providers::Result<Value> LoggedProvider::update(const std::string& type, const Value& prior, const Value& planned) {
    return logged("update", type, [&] { return m_inner->update(type, prior, planned); });
}

providers::Result<void> LoggedProvider::remove(const std::string& type, const Value& current) {
    return logged("delete", type, [&] { return m_inner->remove(type, current); });
}

providers::Result<Value> LoggedProvider::import(const std::string& type, const std::string& id) {
    return logged("import", type, [&] { return m_inner->import(type, id); });
}

providers::Result<Value> LoggedProvider::read_data(const std::string& type, const Value& config) {
    return logged("read data", type, [&] { return m_inner->read_data(type, config); });
}

std::string LoggedProvider::id_of(const std::string& type, const Value& attributes) const {
    return m_inner->id_of(type, attributes);
}

}  // namespace plinth::plans
