// tests/unit/providers/postgresql/fake_quoter.h: a pg::Quoter without a server, quoting as libpq
// does for a UTF-8 connection (identifiers in double quotes, literals in single quotes, quotes
// inside doubled), that can be told to fail on one text.
#pragma once

#include <string>

#include "core/pg/pg_connection.h"

class FakeQuoter final : public plinth::pg::Quoter {
public:
    std::string fail_on;  // quoting this text fails, as libpq does on invalid encoding

    std::expected<std::string, plinth::Diagnostic> quote_identifier(const std::string& name) const override {
        return quoted(name, '"');
    }
    std::expected<std::string, plinth::Diagnostic> quote_literal(const std::string& text) const override {
        return quoted(text, '\'');
    }

private:
    std::expected<std::string, plinth::Diagnostic> quoted(const std::string& text, char quote) const {
        if (!fail_on.empty() && text == fail_on)
            return std::unexpected(plinth::make_error("cannot quote", "invalid byte sequence for encoding \"UTF8\""));
        std::string result(1, quote);
        for (char c : text) {
            if (c == quote) result += quote;
            result += c;
        }
        return result + quote;
    }
};
