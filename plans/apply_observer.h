// plans/apply_observer.h: how the engine reports apply progress without printing: the CLI
// implements this to show each resource's start, completion and elapsed time. Called from
// walker threads; implementations synchronise their own output.
#pragma once

#include <chrono>
#include <string>

#include "core/diagnostics.h"
#include "plans/plan.h"

namespace plinth::plans {

// Which half of a change a step is: replacing runs a destroy step and an apply step.
enum class StepKind { Apply, Destroy };

class ApplyObserver {
public:
    virtual ~ApplyObserver() = default;
    virtual void on_start(const ResourceChange& change, StepKind step) = 0;
    virtual void on_complete(const ResourceChange& change, StepKind step, std::chrono::duration<double> elapsed,
                             const std::string& id) = 0;
    virtual void on_failed(const ResourceChange& change, StepKind step, const Diagnostic& error) = 0;
};

}  // namespace plinth::plans
