#include "core/expr/functions.h"

#include "core/expr/function_args.h"

namespace plinth::expr {

void FunctionTable::add(FunctionSpec spec) {
    std::string name = spec.name;
    m_functions.insert_or_assign(std::move(name), std::move(spec));
}

const FunctionSpec* FunctionTable::find(std::string_view name) const {
    auto it = m_functions.find(name);
    return it == m_functions.end() ? nullptr : &it->second;
}

const FunctionTable& FunctionTable::standard() {
    static const FunctionTable table = [] {
        FunctionTable built;
        add_string_functions(built);
        add_format_functions(built);
        add_collection_functions(built);
        add_sequence_functions(built);
        add_conversion_functions(built);
        add_numeric_functions(built);
        add_encoding_functions(built);
        add_file_functions(built);
        add_list_functions(built);
        add_set_functions(built);
        add_text_functions(built);
        add_document_functions(built);
        add_time_functions(built);
        add_network_functions(built);
        add_try_functions(built);
        add_template_functions(built);
        add_bcrypt_functions(built);
        return built;
    }();
    return table;
}

}  // namespace plinth::expr
