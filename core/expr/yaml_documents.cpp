#include "core/expr/yaml_documents.h"

#include <sstream>

#include <yaml-cpp/eventhandler.h>

namespace plinth {

namespace {

// Only remembers where the last document started.
class DocumentStarts : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark& mark) override { m_last = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    const YAML::Mark& last() const { return m_last; }

private:
    YAML::Mark m_last = YAML::Mark::null_mark();
};

}  // namespace

std::vector<YAML::Node> load_yaml_documents(const std::string& text) {
    // A first pass over the parser's events: every document but the first consumes at least
    // one character (its `---`), so more documents than characters means the parser is stuck.
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    for (std::size_t documents = 0; parser.HandleNextDocument(starts);)
        if (++documents > text.size() + 1) throw YAML::ParserException(starts.last(), "unexpected `,`");
    return YAML::LoadAll(text);
}

}  // namespace plinth
