#include "cli/apply_view.h"

#include <cmath>
#include <fmt/format.h>

#include "cli/terminal.h"

namespace plinth::cli {

namespace {
using plans::Action;
using plans::StepKind;

enum class Phase { Started, Running, Complete, Failed };

bool is_update(const plans::ResourceChange& change, StepKind step) {
    return step == StepKind::Apply && change.action == Action::Update;
}

// Terraform's words for a step in `phase`: "Creating...", "Still creating...", "Creation
// complete", "Creation failed", and the same for modifying and destroying.
std::string words(const plans::ResourceChange& change, StepKind step, Phase phase) {
    static constexpr const char* k_words[3][4] = {
        {"Creating...", "Still creating...", "Creation complete", "Creation failed"},
        {"Modifying...", "Still modifying...", "Modifications complete", "Modification failed"},
        {"Destroying...", "Still destroying...", "Destruction complete", "Destruction failed"}};
    int kind = step == StepKind::Destroy ? 2 : is_update(change, step) ? 1 : 0;
    return k_words[kind][static_cast<int>(phase)];
}

std::string id_suffix(const std::string& id) { return id.empty() ? "" : fmt::format(" [id={}]", id); }

std::string prior_id(const plans::ResourceChange& change) {
    const Value* id = change.before.find("id");
    return id && id->is_string() && !id->is_sensitive() ? id->as_string() : "";
}

// The id a starting step names: the object's own, unless it is being created.
std::string starting_id(const plans::ResourceChange& change, StepKind step) {
    return step == StepKind::Apply && !is_update(change, step) ? "" : id_suffix(prior_id(change));
}

std::string elapsed_note(std::chrono::duration<double> elapsed) {
    return fmt::format(" [{} elapsed]", format_elapsed(elapsed));
}

}  // namespace

std::string format_elapsed(std::chrono::duration<double> elapsed) {
    double seconds = elapsed.count();
    if (seconds < 10) return fmt::format("{:.1f}s", seconds);
    auto whole = static_cast<long>(std::lround(seconds));
    if (whole < 60) return fmt::format("{}s", whole);
    return fmt::format("{}m{}s", whole / 60, whole % 60);
}

ApplyView::ApplyView(Ui& ui)
    : m_ui(ui), m_ticker([this](const plans::ResourceChange& change, StepKind step,
                                std::chrono::duration<double> elapsed) {
          m_ui.out(fmt::format("{}: {}{}\n", bold(change.address, m_ui.color()), words(change, step, Phase::Running),
                               elapsed_note(elapsed)));
      }) {}

void ApplyView::on_start(const plans::ResourceChange& change, StepKind step) {
    m_ticker.started(change, step);
    m_ui.out(fmt::format("{}: {}{}\n", bold(change.address, m_ui.color()), words(change, step, Phase::Started),
                         starting_id(change, step)));
}

void ApplyView::on_complete(const plans::ResourceChange& change, StepKind step, std::chrono::duration<double> elapsed,
                            const std::string& id) {
    m_ticker.finished(change, step);
    m_ui.out(completed_line(change, step, elapsed, id, m_ui.color()));
}

void ApplyView::on_failed(const plans::ResourceChange& change, StepKind step, const Diagnostic&) {
    m_ticker.finished(change, step);
    m_ui.out(failed_line(change, step, m_ui.color()));
}

JsonApplyView::JsonApplyView(Ui& ui)
    : m_ui(ui), m_ticker([this](const plans::ResourceChange& change, StepKind step,
                                std::chrono::duration<double> elapsed) {
          m_ui.event("apply_progress", "info",
                     fmt::format("{}: {}{}", change.address, words(change, step, Phase::Running), elapsed_note(elapsed)),
                     {{"hook", hook_json(change, step, elapsed)}});
      }) {}

void JsonApplyView::on_start(const plans::ResourceChange& change, StepKind step) {
    m_ticker.started(change, step);
    m_ui.event("apply_start", "info",
               fmt::format("{}: {}{}", change.address, words(change, step, Phase::Started), starting_id(change, step)),
               {{"hook", hook_json(change, step)}});
}

void JsonApplyView::on_complete(const plans::ResourceChange& change, StepKind step,
                                std::chrono::duration<double> elapsed, const std::string& id) {
    m_ticker.finished(change, step);
    JsonEvent hook = hook_json(change, step, elapsed);
    if (!id.empty()) hook.update({{"id_key", "id"}, {"id_value", id}});
    m_ui.event("apply_complete", "info",
               fmt::format("{}: {} after {}{}", change.address, words(change, step, Phase::Complete),
                           format_elapsed(elapsed), id_suffix(id)),
               {{"hook", std::move(hook)}});
}

void JsonApplyView::on_failed(const plans::ResourceChange& change, StepKind step, const Diagnostic&) {
    auto elapsed = m_ticker.finished(change, step);
    m_ui.event("apply_errored", "error",
               fmt::format("{}: {} after {}", change.address, words(change, step, Phase::Failed),
                           format_elapsed(elapsed)),
               {{"hook", hook_json(change, step, elapsed)}});
}

std::string completed_line(const plans::ResourceChange& change, StepKind step, std::chrono::duration<double> elapsed,
                           const std::string& id, bool color) {
    return fmt::format("{}: {} after {}{}\n", bold(change.address, color), words(change, step, Phase::Complete),
                       format_elapsed(elapsed), id_suffix(id));
}

std::string failed_line(const plans::ResourceChange& change, StepKind step, bool color) {
    return fmt::format("{}: {}\n", bold(change.address, color), red(words(change, step, Phase::Failed), color));
}

std::string_view step_verb(const plans::ResourceChange& change, StepKind step) {
    if (step == StepKind::Destroy) return "destroying";
    return is_update(change, step) ? "modifying" : "creating";
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
