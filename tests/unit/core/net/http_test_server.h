// tests/unit/core/net/http_test_server.h: a tiny HTTP/1.1 server on 127.0.0.1 (a free port)
// for the transport and download tests: it answers requests of any method from a table of routes
// (by path), one connection at a time, on a thread of its own, until it is destroyed, and keeps the
// last request it read (line, headers and a Content-Length body) for tests to inspect.
#pragma once

#include <arpa/inet.h>
#include <atomic>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace plinth::testing {

struct HttpRoute {
    int status = 200;
    std::string body;
    std::string location;  // a Location header, for redirects
};

class HttpTestServer {
public:
    HttpTestServer() {
        m_socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(m_socket, 8) != 0 || ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~HttpTestServer() {
        m_stopping = true;
        ::shutdown(m_socket, SHUT_RDWR);
        m_thread.join();
        ::close(m_socket);
    }
    HttpTestServer(const HttpTestServer&) = delete;
    HttpTestServer& operator=(const HttpTestServer&) = delete;

    void route(const std::string& path, HttpRoute answer) {
        std::lock_guard lock(m_mutex);
        m_routes[path] = std::move(answer);
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    int requests() const { return m_requests; }
    std::string last_request() const {
        std::lock_guard lock(m_mutex);
        return m_last_request;
    }

private:
    void serve() {
        while (!m_stopping) {
            int client = ::accept4(m_socket, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) continue;
            answer(client);
            ::close(client);
        }
    }

    void answer(int client) {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        std::size_t body_start = request.find("\r\n\r\n") + 4;
        std::size_t wanted = body_start + content_length(request.substr(0, body_start));
        while (request.size() < wanted) {
            ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        ++m_requests;
        std::size_t start = request.find(' ') + 1;
        std::string path = request.substr(start, request.find(' ', start) - start);
        HttpRoute route{404, "not found\n", {}};
        {
            std::lock_guard lock(m_mutex);
            m_last_request = request;
            if (auto found = m_routes.find(path); found != m_routes.end()) route = found->second;
        }
        std::string response = "HTTP/1.1 " + std::to_string(route.status) + " Test\r\nContent-Length: " +
                               std::to_string(route.body.size()) + "\r\nConnection: close\r\n";
        if (!route.location.empty()) response += "Location: " + route.location + "\r\n";
        response += "\r\n" + route.body;
        for (std::size_t sent = 0; sent < response.size();) {
            ssize_t n = ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<std::size_t>(n);
        }
    }

    static std::size_t content_length(std::string head) {
        for (char& c : head)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        std::size_t at = head.find("\r\ncontent-length:");
        return at == std::string::npos ? 0 : std::stoul(head.substr(at + 17));
    }

    int m_socket = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_requests{0};
    mutable std::mutex m_mutex;
    std::map<std::string, HttpRoute> m_routes;
    std::string m_last_request;
    std::thread m_thread;
};

}  // namespace plinth::testing
