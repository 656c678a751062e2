#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "plans/render_graph_html.h"
#include "test_stack.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

const char* const k_stack = R"(variables:
  env: { type: string, default: dev }
locals:
  name: app-${var.env}
resources:
  base:
    type: local_file
    properties: { filename: base.txt, content: "${local.name}" }
  top:
    type: local_file
    properties: { filename: top.txt, content: "${base.content}" }
data:
  lookup:
    type: external
    properties: { program: ["true"] }
outputs:
  where: { value: "${top.filename}" }
)";

struct Drawn {
    std::unique_ptr<ModuleNode> root;
    ConfigGraph graph;
};

Drawn draw(const std::string& yaml) {
    auto root = std::make_unique<ModuleNode>();
    root->stack = std::make_shared<const Stack>(testing::load_test_stack(yaml));
    auto graph = ConfigGraph::build(*root);
    REQUIRE(graph);
    return {std::move(root), std::move(*graph)};
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

// The graph's JSON, as the page embeds it.
nlohmann::json page_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
    std::size_t start = page.find(open);
    REQUIRE(start != std::string::npos);
    start += open.size();
    return nlohmann::json::parse(page.substr(start, page.find("</script>", start) - start));
}

nlohmann::json node_named(const nlohmann::json& data, const std::string& address) {
    for (const auto& node : data["nodes"])
        if (node["address"] == address) return node;
    FAIL("no node " << address);
    return nullptr;
}

ResourceChange planned_change(const std::string& address, Action action, Value after) {
    ResourceChange change;
    change.address = address;
    change.type = "local_file";
    change.action = action;
    change.after = std::move(after);
    return change;
}

}  // namespace

TEST_CASE("render_graph_html: the page is one file that requests nothing") {
    Drawn drawn = draw(k_stack);
    std::string page = render_graph_html(drawn.graph, nullptr, "test");
    CHECK(page.starts_with("<!DOCTYPE html>"));
    CHECK(page.find("default-src 'none'") != std::string::npos);
    CHECK(page.find("@plinth-") == std::string::npos);  // every marker filled
    CHECK(page.find("function draw_nodes()") != std::string::npos);
    CHECK(page.find(".kind-resource .shape") != std::string::npos);
    // The only URL is the SVG namespace's name, which nothing fetches.
    CHECK(occurrences(page, "://") == occurrences(page, "http://www.w3.org/2000/svg"));
    CHECK(page.find(" src=") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
}

TEST_CASE("render_graph_html: every node is in the page's data with its kind, place and neighbours") {
    Drawn drawn = draw(k_stack);
    nlohmann::json data = page_data(render_graph_html(drawn.graph, nullptr, "test"));
    CHECK(data["title"] == "test");
    CHECK(data["plan"] == false);
    std::set<std::string> addresses;
    for (const auto& node : data["nodes"]) addresses.insert(node["address"]);
    CHECK(addresses == std::set<std::string>{"local.name", "base", "top", "data.lookup", "output.where"});

    nlohmann::json top = node_named(data, "top");
    CHECK(top["kind"] == "resource");
    CHECK(top["type"] == "local_file");
    CHECK(top["provider"] == "local");
    CHECK(top["declared"] == "stack.yaml:10:3");
    CHECK(top["dependencies"].size() == 1);
    CHECK(data["nodes"][top["dependencies"][0].get<std::size_t>()]["address"] == "base");
    CHECK(top["dependents"].size() == 1);
    CHECK(top["width"].get<double>() >= 110);
    CHECK(node_named(data, "data.lookup")["kind"] == "data");
    CHECK(node_named(data, "output.where")["kind"] == "output");
    CHECK(node_named(data, "local.name")["kind"] == "local");
    CHECK_FALSE(top.contains("action"));
    CHECK_FALSE(top.contains("instances"));
    double below_base = node_named(data, "base")["y"].get<double>() + node_named(data, "base")["height"].get<double>();
    CHECK(top["y"].get<double>() >= below_base);
}

TEST_CASE("render_graph_html: a plan gives each resource its action and its instances' values") {
    Drawn drawn = draw(k_stack);
    Plan plan;
    plan.changes = {planned_change("base", Action::Update, ValueMap{{"filename", "base.txt"}}),
                    planned_change("top", Action::Create, ValueMap{{"filename", "top.txt"}, {"id", Value::unknown()}})};
    plan.data_reads = {{"data.lookup", "external", "external", ValueMap{{"result", ValueMap{}}}, false}};
    nlohmann::json data = page_data(render_graph_html(drawn.graph, &plan, "test"));
    CHECK(data["plan"] == true);
    CHECK(data["actions"]["create"]["fill"] == "#d9f2d9");
    nlohmann::json top = node_named(data, "top");
    CHECK(top["action"] == "create");
    REQUIRE(top["instances"].size() == 1);
    CHECK(top["instances"][0]["address"] == "top");
    CHECK(top["instances"][0]["values"] ==
          nlohmann::json{{"filename", "top.txt"}, {"id", "(known after apply)"}});
    CHECK(node_named(data, "base")["action"] == "update");
    CHECK(node_named(data, "data.lookup")["action"] == "no-op");
    CHECK_FALSE(node_named(data, "output.where").contains("instances"));
}

TEST_CASE("render_graph_html: sensitive values are masked, never written") {
    Drawn drawn = draw(k_stack);
    Value secret("hunter2-secret");
    secret.mark_sensitive();
    Value token("t0ken-value");
    token.mark_sensitive();
    Plan plan;
    plan.changes = {planned_change("top", Action::Create,
                              ValueMap{{"content", secret},
                                       {"nested", ValueMap{{"token", token}, {"plain", "shown"}}},
                                       {"list", ValueList{Value("a"), token}}})};
    std::string page = render_graph_html(drawn.graph, &plan, "test");
    CHECK(page.find("hunter2-secret") == std::string::npos);
    CHECK(page.find("t0ken-value") == std::string::npos);
    nlohmann::json values = node_named(page_data(page), "top")["instances"][0]["values"];
    CHECK(values == nlohmann::json{{"content", "(sensitive)"},
                                   {"list", {"a", "(sensitive)"}},
                                   {"nested", {{"plain", "shown"}, {"token", "(sensitive)"}}}});
}

TEST_CASE("render_graph_html: a value cannot close the script element it is embedded in") {
    Drawn drawn = draw(k_stack);
    const std::string hostile = "</script><script>alert(1)</script><!-- </SCRIPT";
    Plan plan;
    plan.changes = {planned_change("top", Action::Create, ValueMap{{"content", hostile}})};
    std::string page = render_graph_html(drawn.graph, &plan, "</script>");
    // Only the page's own two script elements end.
    CHECK(occurrences(page, "</script") == 2);
    CHECK(occurrences(page, "</SCRIPT") == 0);
    CHECK(occurrences(page, "<!--") == 1);  // the page's own comment at the top
    nlohmann::json data = page_data(page);
    CHECK(data["title"] == "</script>");
    CHECK(node_named(data, "top")["instances"][0]["values"]["content"] == hostile);
}
