#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/local/file_io.h"
#include "providers/local/local_file.h"
#include "providers/text.h"

namespace plinth::providers::local {

namespace {

ResourceSchema local_file_data_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "local_file",
        "Reads a file on the machine running plinth.",
        {
            required_attribute("filename", T::String, "Path of the file; relative to the stack directory."),
            computed_attribute("content", T::String, "The file's text (invalid UTF-8 shown as U+FFFD)."),
            computed_attribute("content_base64", T::String, "The file's bytes in standard base64."),
            computed_attribute("id", T::String, "SHA-1 of the file's bytes, in hex."),
            computed_attribute("content_md5", T::String, "MD5 of the file's bytes, in hex."),
            computed_attribute("content_sha256", T::String, "SHA-256 of the file's bytes, in hex."),
        },
    };
}

class LocalFileData final : public DataSourceType {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> read(const Value& config) const override {
        const std::string* filename = string_attribute(config, "filename");
        if (filename == nullptr) return std::unexpected(attribute_error("filename", "must be a known string"));
        auto bytes = read_file(*filename);
        if (!bytes) return std::unexpected(bytes.error());
        if (!*bytes) {
            ProviderError error = provider_error(fmt::format("Cannot read {}: no such file", *filename), {}, "filename");
            error.kind = ProviderError::Kind::NotFound;
            return std::unexpected(error);
        }
        Value result(ValueMap{{"filename", *filename},
                              {"content", to_valid_utf8(**bytes)},
                              {"content_base64", base64_encode(**bytes)}});
        set_content_digests(result, **bytes);
        return result;
    }

private:
    ResourceSchema m_schema = local_file_data_schema();
};

}  // namespace

std::unique_ptr<DataSourceType> make_local_file_data_source() { return std::make_unique<LocalFileData>(); }

}  // namespace plinth::providers::local
