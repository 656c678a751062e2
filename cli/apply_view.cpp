#include "cli/apply_view.h"

#include <cmath>
#include <fmt/format.h>

#include "cli/terminal.h"

namespace plinth::cli {

namespace {
using plans::Action;
using plans::StepKind;

bool is_update(const plans::ResourceChange& change, StepKind step) {
    return step == StepKind::Apply && change.action == Action::Update;
}

std::string id_suffix(const std::string& id) { return id.empty() ? "" : fmt::format(" [id={}]", id); }

std::string prior_id(const plans::ResourceChange& change) {
    const Value* id = change.before.find("id");
    return id && id->is_string() && !id->is_sensitive() ? id->as_string() : "";
}
}  // namespace

std::string format_elapsed(std::chrono::duration<double> elapsed) {
    double seconds = elapsed.count();
    if (seconds < 10) return fmt::format("{:.1f}s", seconds);
    auto whole = static_cast<long>(std::lround(seconds));
    if (whole < 60) return fmt::format("{}s", whole);
    return fmt::format("{}m{}s", whole / 60, whole % 60);
}

void ApplyView::on_start(const plans::ResourceChange& change, StepKind step) {
    std::string verb = step == StepKind::Destroy ? "Destroying..." : is_update(change, step) ? "Modifying..." : "Creating...";
    std::string id = step == StepKind::Apply && !is_update(change, step) ? "" : id_suffix(prior_id(change));
    m_ui.out(fmt::format("{}: {}{}\n", bold(change.address, m_ui.color()), verb, id));
}

void ApplyView::on_complete(const plans::ResourceChange& change, StepKind step, std::chrono::duration<double> elapsed,
                            const std::string& id) {
    std::string done = step == StepKind::Destroy ? "Destruction complete"
                       : is_update(change, step) ? "Modifications complete"
                                                 : "Creation complete";
    m_ui.out(fmt::format("{}: {} after {}{}\n", bold(change.address, m_ui.color()), done, format_elapsed(elapsed),
                         id_suffix(id)));
}

void ApplyView::on_failed(const plans::ResourceChange& change, StepKind step, const Diagnostic&) {
    std::string what = step == StepKind::Destroy ? "Destruction failed" : is_update(change, step) ? "Modification failed"
                                                                                                 : "Creation failed";
    m_ui.out(fmt::format("{}: {}\n", bold(change.address, m_ui.color()), red(what, m_ui.color())));
}

std::string render_apply_summary(const plans::ApplyResult& result, bool destroy, std::chrono::duration<double> total) {
    const auto& done = result.done;
    std::string counts = destroy ? fmt::format("{} destroyed", done.destroy)
                                 : fmt::format("{} added, {} changed, {} destroyed", done.add, done.change, done.destroy);
    std::string verb = destroy ? "Destroy" : "Apply";
    if (result.interrupted) return fmt::format("{} interrupted. Resources: {}. State was saved.\n", verb, counts);
    if (!result.ok()) return fmt::format("{} failed. Resources: {}; what succeeded is in state.\n", verb, counts);
    return fmt::format("{} complete! Resources: {}. ({})\n", verb, counts, format_elapsed(total));
}

}  // namespace plinth::cli
