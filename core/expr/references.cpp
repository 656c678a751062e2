// collect_references: the names an expression reads, which become the resource graph's edges.
#include <algorithm>

#include "core/expr/ast.h"

namespace plinth::expr {

namespace {

class ReferenceCollector {
public:
    std::vector<Reference> take() { return std::move(m_references); }

    void visit(const Expression& expression) {
        std::visit([&](const auto& node) { visit_node(expression, node); }, expression.node);
    }

private:
    void visit_node(const Expression&, const LiteralNode&) {}
    void visit_node(const Expression&, const SplatItemNode&) {}
    void visit_node(const Expression&, const TemplateNode& node) { visit_all(node.parts); }
    void visit_node(const Expression&, const ListNode& node) { visit_all(node.items); }
    void visit_node(const Expression&, const MapNode& node) {
        for (const auto& entry : node.entries) {
            if (entry.key) visit(*entry.key);
            visit(*entry.value);
        }
    }
    void visit_node(const Expression& expression, const NameNode&) { traversal(expression); }
    void visit_node(const Expression& expression, const GetAttrNode&) { traversal(expression); }
    void visit_node(const Expression& expression, const IndexNode&) { traversal(expression); }
    void visit_node(const Expression&, const CallNode& node) { visit_all(node.args); }
    void visit_node(const Expression&, const UnaryNode& node) { visit(*node.operand); }
    void visit_node(const Expression&, const BinaryNode& node) {
        visit(*node.lhs);
        visit(*node.rhs);
    }
    void visit_node(const Expression&, const ConditionalNode& node) {
        visit(*node.condition);
        visit(*node.if_true);
        visit(*node.if_false);
    }
    void visit_node(const Expression&, const JoinNode& node) { visit(*node.items); }
    void visit_node(const Expression&, const SplatNode& node) {
        visit(*node.source);
        visit(*node.each);
    }
    void visit_node(const Expression&, const ForNode& node) {
        visit(*node.collection);
        std::size_t bound = m_bound.size();
        if (!node.key_var.empty()) m_bound.push_back(node.key_var);
        m_bound.push_back(node.value_var);
        if (node.key) visit(*node.key);
        visit(*node.value);
        if (node.condition) visit(*node.condition);
        m_bound.resize(bound);
    }

    void visit_all(const std::vector<Subexpression>& expressions) {
        for (const auto& expression : expressions) visit(*expression);
    }

    // A chain of attribute and index steps: the reference at its root (if the root is a name
    // that is not a for-expression variable), then whatever the computed indexes reference.
    void traversal(const Expression& expression) {
        std::vector<const Expression*> steps;
        const Expression* root = &expression;
        while (true) {
            if (const auto* attr = std::get_if<GetAttrNode>(&root->node)) {
                steps.push_back(root);
                root = attr->object;
            } else if (const auto* index = std::get_if<IndexNode>(&root->node)) {
                steps.push_back(root);
                root = index->object;
            } else {
                break;
            }
        }
        std::reverse(steps.begin(), steps.end());
        const auto* name = std::get_if<NameNode>(&root->node);
        if (name && std::find(m_bound.begin(), m_bound.end(), *name->name) == m_bound.end())
            m_references.push_back(make_reference(*name->name, root->location, steps));
        else if (!name)
            visit(*root);
        for (const Expression* step : steps)
            if (const auto* index = std::get_if<IndexNode>(&step->node)) visit(*index->key);
    }

    static Reference make_reference(const std::string& root, const SourceLocation& location,
                                    const std::vector<const Expression*>& steps) {
        Reference reference{root, {}, location};
        for (const Expression* step : steps) {
            if (const auto* attr = std::get_if<GetAttrNode>(&step->node)) {
                reference.path.push_back(*attr->name);
                continue;
            }
            const auto* literal = std::get_if<LiteralNode>(&std::get<IndexNode>(step->node).key->node);
            if (literal && literal->value.is_string())
                reference.path.push_back(literal->value.as_string());
            else if (literal && literal->value.is_number())
                reference.path.push_back(format_number(literal->value.as_number()));
            else
                break;  // a computed index ends the static path
        }
        return reference;
    }

    std::vector<std::string> m_bound;  // for-expression variables in scope
    std::vector<Reference> m_references;
};

}  // namespace

std::vector<Reference> collect_references(const Expression& expression) {
    ReferenceCollector collector;
    collector.visit(expression);
    return collector.take();
}

}  // namespace plinth::expr
