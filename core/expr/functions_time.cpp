// Time functions: timestamp, formatdate, timeadd. Timestamps are RFC 3339 strings; a result
// keeps the offset of its input, as Terraform does, and like Go's RFC 3339 layout it has no
// fractional seconds.
#include <array>
#include <cctype>
#include <chrono>
#include <fmt/format.h>

#include "core/duration.h"
#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

using namespace std::chrono;

struct Timestamp {
    sys_seconds utc;
    int offset_minutes = 0;
    bool zulu = true;  // written with Z rather than a numeric offset
};

// The number of `width` digits at `pos`, or -1.
int digits_at(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::optional<Timestamp> parse_offset(std::string_view zone, sys_seconds local) {
    if (zone == "Z" || zone == "z") return Timestamp{local, 0, true};
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    int hours = digits_at(zone, 1, 2), minutes = digits_at(zone, 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
    int offset = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
    return Timestamp{local - std::chrono::minutes(offset), offset, false};
}

std::expected<Timestamp, std::string> parse_timestamp(std::string_view function, std::string_view text) {
    auto invalid = [&] {
        return std::unexpected(fmt::format("{}: \"{}\" is not a valid RFC 3339 timestamp", function, text));
    };
    int year = digits_at(text, 0, 4), month = digits_at(text, 5, 2), day = digits_at(text, 8, 2);
    int hour = digits_at(text, 11, 2), minute = digits_at(text, 14, 2), second = digits_at(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return invalid();
    if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
        return invalid();
    year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                        std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) return invalid();
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        do ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9');
        if (pos == 20) return invalid();
    }
    auto local = sys_days(date) + hours(hour) + minutes(minute) + seconds(second);
    auto stamp = parse_offset(text.substr(std::min(pos, text.size())), local);
    if (!stamp) return invalid();
    return *stamp;
}

// "+05:30" (colon) or "+0530"; "Z" for UTC when `zulu_letter`.
std::string offset_text(const Timestamp& stamp, bool colon, bool zulu_letter) {
    if (zulu_letter && stamp.offset_minutes == 0) return "Z";
    int magnitude = std::abs(stamp.offset_minutes);
    return fmt::format("{}{:02}{}{:02}", stamp.offset_minutes < 0 ? '-' : '+', magnitude / 60, colon ? ":" : "",
                       magnitude % 60);
}

struct DateFields {
    int year;
    unsigned month, day, weekday;
    long hour, minute, second;
};

DateFields fields_of(const Timestamp& stamp) {
    auto local = stamp.utc + minutes(stamp.offset_minutes);
    auto day = floor<days>(local);
    year_month_day date{day};
    hh_mm_ss time{local - day};
    return {static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
            weekday{day}.c_encoding(), time.hours().count(), time.minutes().count(), time.seconds().count()};
}

std::string rfc3339(const Timestamp& stamp) {
    DateFields f = fields_of(stamp);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", f.year, f.month, f.day, f.hour, f.minute, f.second,
                       offset_text(stamp, true, true));
}

FunctionResult timestamp(Args, const FunctionCallContext&) {
    return Value(rfc3339(Timestamp{floor<seconds>(system_clock::now()), 0, true}));
}

FunctionResult timeadd(Args args, const FunctionCallContext&) {
    auto text = string_arg("timeadd", args, 0);
    if (!text) return std::unexpected(text.error());
    auto stamp = parse_timestamp("timeadd", *text);
    if (!stamp) return std::unexpected(stamp.error());
    auto duration_text = string_arg("timeadd", args, 1);
    if (!duration_text) return std::unexpected(duration_text.error());
    std::string_view spelled = *duration_text;
    bool negative = spelled.starts_with('-');
    if (negative || spelled.starts_with('+')) spelled.remove_prefix(1);
    auto duration = parse_duration(spelled);
    if (!duration) return std::unexpected(fmt::format("timeadd: invalid duration \"{}\": {}", *duration_text, duration.error()));
    auto whole = duration_cast<seconds>(*duration);
    stamp->utc += negative ? -whole : whole;
    return Value(rfc3339(*stamp));
}

constexpr std::array<const char*, 12> k_months = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> k_weekdays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string padded(long value, bool two_digits) {
    return two_digits ? fmt::format("{:02}", value) : std::to_string(value);
}

// One run of a repeated letter in a formatdate spec ("YYYY", "MMM", "h"), rendered.
std::optional<std::string> date_token(std::string_view token, const Timestamp& stamp) {
    DateFields f = fields_of(stamp);
    long hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12;
    if (token == "YYYY") return fmt::format("{:04}", f.year);
    if (token == "YY") return fmt::format("{:02}", f.year % 100);
    if (token == "MMMM") return std::string(k_months[f.month - 1]);
    if (token == "MMM") return std::string(k_months[f.month - 1]).substr(0, 3);
    if (token == "MM" || token == "M") return padded(f.month, token == "MM");
    if (token == "DD" || token == "D") return padded(f.day, token == "DD");
    if (token == "EEEE") return std::string(k_weekdays[f.weekday]);
    if (token == "EEE") return std::string(k_weekdays[f.weekday]).substr(0, 3);
    if (token == "hh" || token == "h") return padded(f.hour, token == "hh");
    if (token == "HH" || token == "H") return padded(hour12, token == "HH");
    if (token == "AA") return std::string(f.hour < 12 ? "AM" : "PM");
    if (token == "aa") return std::string(f.hour < 12 ? "am" : "pm");
    if (token == "mm" || token == "m") return padded(f.minute, token == "mm");
    if (token == "ss" || token == "s") return padded(f.second, token == "ss");
    if (token == "ZZZZZ") return offset_text(stamp, true, false);
    if (token == "ZZZZ") return offset_text(stamp, false, false);
    if (token == "ZZZ") return stamp.offset_minutes == 0 ? std::string("UTC") : offset_text(stamp, false, false);
    if (token == "Z") return offset_text(stamp, true, true);
    return std::nullopt;
}

// A quoted literal starting at `pos` ('text', with '' for a quote); `pos` ends after it.
std::optional<std::string> quoted_literal(std::string_view spec, std::size_t& pos) {
    std::string out;
    for (++pos; pos < spec.size(); ++pos) {
        if (spec[pos] != '\'') out += spec[pos];
        else if (pos + 1 < spec.size() && spec[pos + 1] == '\'') out += spec[++pos];
        else {
            ++pos;
            return out;
        }
    }
    return std::nullopt;
}

FunctionResult formatdate(Args args, const FunctionCallContext&) {
    auto spec = string_arg("formatdate", args, 0);
    if (!spec) return std::unexpected(spec.error());
    auto text = string_arg("formatdate", args, 1);
    if (!text) return std::unexpected(text.error());
    auto stamp = parse_timestamp("formatdate", *text);
    if (!stamp) return std::unexpected(stamp.error());
    std::string out;
    for (std::size_t pos = 0; pos < spec->size();) {
        char c = (*spec)[pos];
        if (c == '\'') {
            auto literal = quoted_literal(*spec, pos);
            if (!literal) return std::unexpected(std::string("formatdate: a quoted literal in the format is not closed"));
            out += *literal;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = spec->find_first_not_of(c, pos);
            std::string_view token = std::string_view(*spec).substr(pos, end - pos);
            auto rendered = date_token(token, *stamp);
            if (!rendered) return std::unexpected(fmt::format("formatdate: invalid date format verb \"{}\"", token));
            out += *rendered;
            pos += token.size();
        } else {
            out += c;
            ++pos;
        }
    }
    return Value(std::move(out));
}

}  // namespace

void add_time_functions(FunctionTable& table) {
    table.add({.name = "timestamp", .min_args = 0, .max_args = 0, .impl = timestamp});
    table.add({.name = "timeadd", .min_args = 2, .max_args = 2, .impl = timeadd});
    table.add({.name = "formatdate", .min_args = 2, .max_args = 2, .impl = formatdate});
}

}  // namespace plinth::expr
