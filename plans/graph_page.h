// plans/graph_page.h: the files of the page `plinth graph --format html` writes
// (plans/graph_page/graph.html, graph.css, graph.js), compiled in by the build
// (plans/graph_page/embed.cmake). The HTML holds the markers where render_graph_html puts the
// CSS, the script and the graph's data.
#pragma once

#include <string_view>

namespace plinth::plans {

std::string_view graph_page_html();
std::string_view graph_page_css();
std::string_view graph_page_js();

}  // namespace plinth::plans
