// cli/json_events.h: the payloads of the `--json` event stream (docs/json-output.md), shaped as
// in Terraform's machine-readable UI (resource, change, hook, changes, outputs, diagnostic) so
// that tools reading `terraform plan -json` read plinth's too. Sensitive values never appear.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/state/state.h"
#include "plans/apply_observer.h"
#include "plans/drift.h"
#include "plans/plan.h"

namespace plinth::cli {

using JsonEvent = nlohmann::ordered_json;

// {"addr", "module", "resource", "implied_provider", "resource_type", "resource_name",
// "resource_key"} of the instance at `address` (`module.net["a"].web[0]`).
JsonEvent resource_json(const std::string& address, const std::string& type, const std::string& provider);

// "noop", "create", "update", "delete" or "replace".
std::string_view json_action(plans::Action action);

// A planned change: {"resource", "action", "reason" (when there is one)}.
JsonEvent change_json(const plans::ResourceChange& change);
// What refresh found changed outside plinth: {"resource", "action": "update" | "delete"}.
JsonEvent drift_json(const plans::Drift& drift);

// {"add", "change", "import", "remove", "operation"}; `operation` is "plan", "apply", "destroy"
// or "refresh".
JsonEvent summary_json(const plans::Plan::Summary& summary, std::string_view operation);

// The hook of an apply step: {"resource", "action"} plus, when given, "elapsed_seconds".
JsonEvent hook_json(const plans::ResourceChange& change, plans::StepKind step,
                    std::optional<std::chrono::duration<double>> elapsed = std::nullopt);

// {"NAME": {"sensitive", "value" (left out when sensitive or unknown)}}.
JsonEvent outputs_json(const std::map<std::string, OutputState>& outputs);
// Planned output changes: {"NAME": {"sensitive", "action"}}.
JsonEvent output_changes_json(const std::vector<plans::OutputChange>& changes);

// {"severity": "error" | "warning", "summary", "detail", "range"?: {"filename", "start": {"line",
// "column"}}}.
JsonEvent diagnostic_json(const Diagnostic& diagnostic);

// "2026-11-25T10:15:03.123456Z": UTC, microseconds.
std::string json_timestamp(std::chrono::system_clock::time_point when);

}  // namespace plinth::cli
