// cli/apply_view.h: what apply shows while it runs: a line when each resource starts, every
// interval while it runs long ("Still creating... [10s elapsed]"), and when it completes (with
// elapsed time and id), Terraform's wording; then the closing summary. JsonApplyView reports the
// same moments as `--json` events. (On a terminal LiveApplyView shows them in a status area.)
#pragma once

#include "cli/apply_ticker.h"
#include "cli/ui.h"
#include "plans/apply_observer.h"
#include "plans/applier.h"

namespace plinth::cli {

class ApplyView final : public plans::ApplyObserver {
public:
    explicit ApplyView(Ui& ui);

    void on_start(const plans::ResourceChange& change, plans::StepKind step) override;
    void on_complete(const plans::ResourceChange& change, plans::StepKind step, std::chrono::duration<double> elapsed,
                     const std::string& id) override;
    void on_failed(const plans::ResourceChange& change, plans::StepKind step, const Diagnostic& error) override;

private:
    Ui& m_ui;
    ApplyTicker m_ticker;
};

// "apply_start", "apply_progress", "apply_complete" and "apply_errored" events.
class JsonApplyView final : public plans::ApplyObserver {
public:
    explicit JsonApplyView(Ui& ui);

    void on_start(const plans::ResourceChange& change, plans::StepKind step) override;
    void on_complete(const plans::ResourceChange& change, plans::StepKind step, std::chrono::duration<double> elapsed,
                     const std::string& id) override;
    void on_failed(const plans::ResourceChange& change, plans::StepKind step, const Diagnostic& error) override;

private:
    Ui& m_ui;
    ApplyTicker m_ticker;
};

// "local_file.a: Creation complete after 1.2s [id=a.txt]", with its newline.
std::string completed_line(const plans::ResourceChange& change, plans::StepKind step,
                           std::chrono::duration<double> elapsed, const std::string& id, bool color);
// "local_file.a: Creation failed", with its newline.
std::string failed_line(const plans::ResourceChange& change, plans::StepKind step, bool color);
// "creating", "modifying" or "destroying".
std::string_view step_verb(const plans::ResourceChange& change, plans::StepKind step);

// "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." (or Destroy complete! / the
// interrupted and failed variants).
std::string render_apply_summary(const plans::ApplyResult& result, bool destroy, std::chrono::duration<double> total);

// "1.2s", "45s", "1m30s"
std::string format_elapsed(std::chrono::duration<double> elapsed);

}  // namespace plinth::cli
