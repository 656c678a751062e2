#include "core/state/lock_info.h"

#include <algorithm>
#include <ctime>
#include <pwd.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/version.h"

namespace plinth {

namespace {

std::string current_user() {
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name) return entry->pw_name;
    if (const char* user = std::getenv("USER")) return user;
    return fmt::format("uid {}", ::geteuid());
}

std::string current_host() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) return "localhost";
    return host;
}

std::string rfc3339_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string describe_holder(const LockInfo& holder) {
    return fmt::format("Lock Info:\n  ID:        {}\n  Path:      {}\n  Operation: {}\n  Who:       {}\n"
                       "  Version:   {}\n  Created:   {}",
                       holder.id, holder.path, holder.operation, holder.who, holder.version, holder.created);
}

}  // namespace

LockInfo new_lock_info(const std::string& operation, const std::string& path) {
    return LockInfo{random_uuid(),
                    operation,
                    fmt::format("{}@{} (pid {})", current_user(), current_host(), ::getpid()),
                    k_version,
                    rfc3339_now(),
                    path};
}

std::string lock_info_to_json(const LockInfo& info) {
    nlohmann::ordered_json json{{"ID", info.id},           {"Operation", info.operation}, {"Who", info.who},
                                {"Version", info.version}, {"Created", info.created},     {"Path", info.path}};
    return json.dump() + "\n";
}

LockInfo lock_info_from_json(std::string_view json) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    LockInfo info;
    if (!doc.is_object()) return info;
    auto field = [&](const char* name) {
        return doc.contains(name) && doc[name].is_string() ? doc[name].get<std::string>() : "";
    };
    return LockInfo{field("ID"), field("Operation"), field("Who"), field("Version"), field("Created"), field("Path")};
}

Diagnostic lock_held_error(const LockInfo& holder, const std::string& where, std::chrono::milliseconds waited) {
    std::string detail;
    if (holder.id.empty()) {
        detail = fmt::format("{} is held by another run that has not recorded who it is.", where);
    } else {
        detail = fmt::format("The state is locked by {} for \"{}\" since {} (lock ID {}).\n\n{}", holder.who,
                             holder.operation, holder.created, holder.id, describe_holder(holder));
    }
    detail += fmt::format("\n\nWaited {} ms. Let that run finish, or wait longer with --lock-timeout. If the holder "
                          "is gone for good, `plinth force-unlock ID` releases the lock.",
                          waited.count());
    return make_error("Error acquiring the state lock", std::move(detail), SourceLocation{where});
}

std::expected<void, Diagnostic> check_unlock_id(const LockInfo& holder, const std::string& requested,
                                                const std::string& where) {
    if (holder.id == requested) return {};
    if (holder.id.empty())
        return std::unexpected(make_error(fmt::format("cannot unlock {}: its holder is not recorded", where),
                                          "plinth cannot tell whether the lock is the one you mean; nothing was "
                                          "changed"));
    return std::unexpected(make_error(fmt::format("lock ID `{}` is not the current lock's", requested),
                                      fmt::format("The lock on {} is held under ID {}; nothing was changed.\n\n{}",
                                                  where, holder.id, describe_holder(holder))));
}

std::expected<bool, Diagnostic> retry_lock(std::chrono::milliseconds timeout,
                                           const std::function<std::expected<bool, Diagnostic>()>& attempt) {
    using namespace std::chrono;
    auto deadline = steady_clock::now() + timeout;
    milliseconds pause{100};
    for (;;) {
        auto taken = attempt();
        if (!taken || *taken) return taken;
        auto now = steady_clock::now();
        if (now >= deadline) return false;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(pause, deadline - now));
        pause = std::min(pause * 2, milliseconds{1000});
    }
}

}  // namespace plinth
