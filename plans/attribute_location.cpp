#include "plans/attribute_location.h"

namespace plinth::plans {

SourceLocation attribute_location(const ResourceDecl& decl, std::string_view attribute) {
    if (attribute.empty() || !decl.properties) return decl.location;
    return expr::member_location(*decl.properties, attribute).value_or(decl.location);
}

}  // namespace plinth::plans
