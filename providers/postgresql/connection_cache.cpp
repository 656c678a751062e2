#include "providers/postgresql/connection_cache.h"

#include <fmt/format.h>

namespace plinth::providers::postgresql {

ProviderError database_error(const Diagnostic& diagnostic) {
    return provider_error(diagnostic.summary, diagnostic.detail);
}

void ConnectionCache::configure(PostgresqlSettings settings) {
    std::lock_guard lock(m_mutex);
    m_settings = std::move(settings);
    m_configured = true;
    m_slots.clear();
}

std::string ConnectionCache::default_database() const {
    std::lock_guard lock(m_mutex);
    return m_settings.database;
}

Result<void> ConnectionCache::run(const std::string& database, const ConnectionWork& work) {
    std::shared_ptr<Slot> slot;
    pg::ConnectParameters parameters;
    {
        std::lock_guard lock(m_mutex);
        if (!m_configured)
            return std::unexpected(provider_error("The postgresql provider is not configured",
                                                  "plinth configures every provider before using it."));
        auto& found = m_slots[database];
        if (!found) found = std::make_shared<Slot>();
        slot = found;
        parameters = m_settings.for_database(database);
    }
    std::lock_guard in_use(slot->mutex);
    if (!slot->connection) {
        auto opened = pg::PgConnection::open(parameters, fmt::format("database \"{}\"", database));
        if (!opened) return std::unexpected(database_error(opened.error()));
        slot->connection = std::move(*opened);
    }
    return work(*slot->connection);
}

void ConnectionCache::forget(const std::string& database) {
    std::shared_ptr<Slot> slot;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_slots.find(database);
        if (found == m_slots.end()) return;
        slot = found->second;
        m_slots.erase(found);
    }
    std::lock_guard in_use(slot->mutex);
    slot->connection.reset();
}

}  // namespace plinth::providers::postgresql
