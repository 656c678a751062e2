// plans/render_text.h: a plan as the human text `plinth plan` prints, following Terraform's
// layout: one block per changed resource (+ create, ~ update, -/+ or +/- replace, - destroy),
// the summary line, and the changes to outputs; and what refresh found changed outside plinth.
#pragma once

#include <string>

#include "core/state/text_pieces.h"
#include "plans/drift.h"
#include "plans/plan.h"
#include "plans/render_style.h"

namespace plinth::plans {

// The whole plan, ending in a newline: its changes (no-ops are not listed), then the policy
// report when policies were checked.
std::string render_plan(const Plan& plan, const RenderStyle& style);
// The same text handed to `sink` in pieces, so that a plan of many changes is never held whole.
void write_plan(const Plan& plan, const RenderStyle& style, const TextSink& sink);
// "Policy checks: 4 passed, 1 failed" and each failure; empty when no policy was checked.
std::string render_policy_report(const Plan& plan, const RenderStyle& style);

// "Plan: 1 to import, 2 to add, 0 to change, 1 to destroy, 1 to forget." (import and forget only
// when there are some); the human text, Markdown and `--json` all say it this way.
std::string plan_summary_line(const Plan::Summary& summary);

// One changed resource: its "# web will be created" heading and its block with the diff.
std::string render_change(const ResourceChange& change, const RenderStyle& style);

// "Note: Objects have changed outside of plinth" and each drifted object's diff; empty for none.
std::string render_drift(const std::vector<Drift>& drift, const RenderStyle& style);
// A refresh-only plan: the drift and what applying it does, or that everything still matches.
std::string render_refresh_only_plan(const std::vector<Drift>& drift, const RenderStyle& style);

// The name in `resource "type" "name"` for an address: "web" for web, web[0], module.net.web.
std::string resource_name(const std::string& address);

}  // namespace plinth::plans
