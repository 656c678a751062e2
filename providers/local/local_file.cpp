#include "providers/local/local_file.h"

#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/local/file_io.h"
#include "providers/text.h"

namespace plinth::providers::local {

void set_content_digests(Value& attributes, std::string_view bytes) {
    set_attribute(attributes, "id", sha1_hex(bytes));
    set_attribute(attributes, "content_md5", md5_hex(bytes));
    set_attribute(attributes, "content_sha256", sha256_hex(bytes));
}

namespace {

constexpr std::string_view k_digests[] = {"id", "content_md5", "content_sha256"};

ResourceSchema local_file_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "local_file",
        "A file on the machine running plinth.",
        {
            replacing(required_attribute("filename", T::String,
                                         "Path of the file; relative to the stack directory unless absolute.")),
            replacing(optional_attribute("content", T::String, "The file's text. Exactly one of content and "
                                                               "content_base64 is required.")),
            replacing(optional_attribute("content_base64", T::String, "The file's bytes in standard base64.")),
            optional_attribute("file_permission", T::String, "Octal permission of the file.", Value("0644")),
            replacing(optional_attribute("directory_permission", T::String,
                                         "Octal permission of parent directories plinth creates.", Value("0755"))),
            computed_attribute("id", T::String, "SHA-1 of the file's bytes, in hex."),
            computed_attribute("content_md5", T::String, "MD5 of the file's bytes, in hex."),
            computed_attribute("content_sha256", T::String, "SHA-256 of the file's bytes, in hex."),
        },
    };
}

bool is_given(const Value& attributes, std::string_view name) {
    const Value* value = attributes.find(name);
    return value != nullptr && !value->is_null();
}

// The file's bytes from the planned attributes; null while they are unknown.
Result<std::optional<std::string>> planned_bytes(const Value& planned) {
    if (is_unknown_attribute(planned, "content") || is_unknown_attribute(planned, "content_base64"))
        return std::optional<std::string>{};
    if (const std::string* content = string_attribute(planned, "content")) return std::optional{*content};
    const std::string* encoded = string_attribute(planned, "content_base64");
    if (encoded == nullptr)
        return std::unexpected(provider_error("local_file needs \"content\" or \"content_base64\""));
    auto decoded = base64_decode(*encoded);
    if (!decoded) return std::unexpected(attribute_error("content_base64", "is not valid base64"));
    return std::optional{std::move(*decoded)};
}

Result<mode_t> permission(const Value& attributes, std::string_view name) {
    const std::string* text = string_attribute(attributes, name);
    auto mode = text ? parse_permission(*text) : std::nullopt;
    if (!mode)
        return std::unexpected(attribute_error(std::string(name), "must be an octal permission like \"0644\"",
                                               text ? fmt::format("Got \"{}\".", *text) : std::string{}));
    return *mode;
}

Result<void> check_content_choice(const Value& desired) {
    bool text = is_given(desired, "content");
    bool base64 = is_given(desired, "content_base64");
    if (text && base64)
        return std::unexpected(provider_error("\"content\" and \"content_base64\" cannot both be set",
                                              "Give the file's content in one form only.", "content_base64"));
    if (!text && !base64)
        return std::unexpected(provider_error("local_file needs \"content\" or \"content_base64\"",
                                              "Give the file's content as text or as base64.", "content"));
    return {};
}

// Writes the planned file and returns the planned attributes with the digests of what was written.
Result<Value> write_planned(const Value& planned) {
    const std::string* filename = string_attribute(planned, "filename");
    if (filename == nullptr) return std::unexpected(attribute_error("filename", "must be a known string"));
    auto bytes = planned_bytes(planned);
    if (!bytes) return std::unexpected(bytes.error());
    if (!*bytes) return std::unexpected(provider_error("The content of local_file is not known", {}, "content"));
    auto file_mode = permission(planned, "file_permission");
    if (!file_mode) return std::unexpected(file_mode.error());
    auto directory_mode = permission(planned, "directory_permission");
    if (!directory_mode) return std::unexpected(directory_mode.error());
    if (auto written = write_file(*filename, **bytes, *file_mode, *directory_mode); !written)
        return std::unexpected(written.error());
    Value result = planned;
    set_content_digests(result, **bytes);
    return result;
}

// The content attributes of `current` brought in line with `bytes` on disk, keeping the form the
// stack used (and its spelling when it still matches).
void refresh_content(Value& attributes, const std::string& bytes) {
    if (const std::string* encoded = string_attribute(attributes, "content_base64")) {
        if (base64_decode(*encoded) != bytes) set_attribute(attributes, "content_base64", base64_encode(bytes));
        set_attribute(attributes, "content", Value{});
        return;
    }
    set_attribute(attributes, "content", to_valid_utf8(bytes));
}

class LocalFile final : public ResourceType {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value& desired, GenericPlan& plan) const override {
        if (auto choice = check_content_choice(desired); !choice) return choice;
        for (std::string_view name : {"file_permission", "directory_permission"})
            if (!is_unknown_attribute(plan.planned, name))
                if (auto mode = permission(plan.planned, name); !mode) return std::unexpected(mode.error());
        auto bytes = planned_bytes(plan.planned);
        if (!bytes) return std::unexpected(bytes.error());
        if (*bytes) {
            set_content_digests(plan.planned, **bytes);
        } else {
            for (std::string_view name : k_digests) set_attribute(plan.planned, name, Value::unknown());
        }
        return {};
    }

    Result<Value> create(const Value& planned) const override { return write_planned(planned); }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* filename = string_attribute(current, "filename");
        if (filename == nullptr) return std::optional<Value>{};
        remove_leftover_temp(*filename);  // from a write killed before its rename
        auto bytes = read_file(*filename);
        if (!bytes) return std::unexpected(bytes.error());
        if (!*bytes) return std::optional<Value>{};
        auto mode = file_mode(*filename);
        if (!mode) return std::unexpected(mode.error());
        Value refreshed = current;
        refresh_content(refreshed, **bytes);
        set_content_digests(refreshed, **bytes);
        const std::string* recorded = string_attribute(current, "file_permission");
        if (!recorded || parse_permission(*recorded) != *mode)
            set_attribute(refreshed, "file_permission", format_permission(*mode));
        return std::optional{std::move(refreshed)};
    }

    // Only file_permission changes in place; everything else forces replacement. Rewriting the
    // whole file also restores content that drifted in the same run.
    Result<Value> update(const Value&, const Value& planned) const override { return write_planned(planned); }

    Result<void> remove(const Value& current) const override {
        const std::string* filename = string_attribute(current, "filename");
        if (filename == nullptr) return {};
        return remove_file(*filename);
    }

    Result<Value> import(const std::string& id) const override {
        auto bytes = read_file(id);
        if (!bytes) return std::unexpected(bytes.error());
        if (!*bytes) {
            ProviderError error = provider_error(fmt::format("Cannot import {}: no such file", id), {}, "filename");
            error.kind = ProviderError::Kind::NotFound;
            return std::unexpected(error);
        }
        auto mode = file_mode(id);
        if (!mode) return std::unexpected(mode.error());
        Value attributes(ValueMap{{"filename", id}, {"file_permission", format_permission(*mode)},
                                  {"directory_permission", "0755"}, {"content", Value{}}, {"content_base64", Value{}}});
        bool is_text = to_valid_utf8(**bytes) == **bytes;
        set_attribute(attributes, is_text ? "content" : "content_base64", is_text ? **bytes : base64_encode(**bytes));
        set_content_digests(attributes, **bytes);
        return attributes;
    }

private:
    ResourceSchema m_schema = local_file_schema();
};

}  // namespace

std::unique_ptr<ResourceType> make_local_file_resource() { return std::make_unique<LocalFile>(); }

}  // namespace plinth::providers::local
