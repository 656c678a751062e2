// core/aws/xml_text.h: reading the few fields plinth needs from the flat XML documents S3 and STS
// answer with (no attributes, no nesting of the same tag), and escaping text for the small
// documents plinth sends, without an XML library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::aws {

// The text of every <tag>...</tag> in `xml`, in order, entities (&amp; &lt; &gt; &quot; &apos;
// and numeric ones) decoded.
std::vector<std::string> xml_elements(std::string_view xml, std::string_view tag);

// `text` with & < > " ' written as entities, to put inside an element.
std::string xml_escape(std::string_view text);

// The text of the first <tag>...</tag>, or nullopt.
std::optional<std::string> xml_element(std::string_view xml, std::string_view tag);

}  // namespace plinth::aws
