#include "core/net/connection_pool.h"

#include <array>
#include <mutex>
#include <stdexcept>

namespace plinth::net {

namespace {

class ConnectionPool {
public:
    ConnectionPool() {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        m_share = curl_share_init();
        if (m_share == nullptr) throw std::runtime_error("cannot create libcurl's shared connection pool");
        curl_share_setopt(m_share, CURLSHOPT_LOCKFUNC, lock);
        curl_share_setopt(m_share, CURLSHOPT_UNLOCKFUNC, unlock);
        curl_share_setopt(m_share, CURLSHOPT_USERDATA, this);
        curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
        curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(m_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    }
    ~ConnectionPool() { curl_share_cleanup(m_share); }
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    CURLSH* handle() const { return m_share; }

private:
    // libcurl asks for shared or exclusive access; a plain mutex per part gives both safely.
    static void lock(CURL*, curl_lock_data data, curl_lock_access, void* pool) {
        static_cast<ConnectionPool*>(pool)->mutex_for(data).lock();
    }
    static void unlock(CURL*, curl_lock_data data, void* pool) {
        static_cast<ConnectionPool*>(pool)->mutex_for(data).unlock();
    }
    std::mutex& mutex_for(curl_lock_data data) {
        auto index = static_cast<std::size_t>(data);
        return m_mutexes[index < m_mutexes.size() ? index : 0];
    }

    CURLSH* m_share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> m_mutexes;  // one per curl_lock_data; [0] for any other
};

}  // namespace

CURLSH* shared_connection_pool() {
    static ConnectionPool pool;
    return pool.handle();
}

}  // namespace plinth::net
