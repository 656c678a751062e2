# plans/graph_page/embed.cmake: compiles the page of `plinth graph --format html` into plinth.
# Run by the build (cmake -P) whenever a file of the page changes:
#   cmake -DSOURCE_DIR=plans/graph_page -DOUTPUT=graph_page.cpp -P embed.cmake
# writes OUTPUT, which defines graph_page_html(), graph_page_css() and graph_page_js()
# (plans/graph_page.h) as the bytes of graph.html, graph.css and graph.js, written as escapes so
# that no character of the files can end a C++ literal.
if(NOT SOURCE_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=DIR -DOUTPUT=FILE -P embed.cmake")
endif()

set(body "")
foreach(part html css js)
  file(READ "${SOURCE_DIR}/graph.${part}" hex HEX)
  # Every byte as \xNN, and a line break in the literal after every 16 bytes.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(REGEX REPLACE "(\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..\\\\x..)"
         "\\1#" escaped "${escaped}")
  string(REPLACE "#" "\"\n    \"" escaped "${escaped}")
  string(APPEND body
    "namespace {\nconstexpr char k_${part}[] =\n    \"${escaped}\";\n}  // namespace\n\n"
    "std::string_view graph_page_${part}() { return {k_${part}, sizeof k_${part} - 1}; }\n\n")
endforeach()

set(content "// Generated from plans/graph_page/graph.{html,css,js} by plans/graph_page/embed.cmake: do not edit.
#include \"plans/graph_page.h\"

namespace plinth::plans {

${body}}  // namespace plinth::plans
")
# Written only when it changed, so that an unchanged page recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
