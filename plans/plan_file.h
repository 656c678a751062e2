// plans/plan_file.h: the saved plan file (`plinth plan --out FILE`): JSON that holds every field
// of a Plan, values in tagged form so unknowns and sensitive marks survive. Reading checks the
// format marker and plinth version first and refuses anything else. With `encryption:` the file
// holds that JSON encrypted (core/state/encryption.h); without, it holds no sensitive value.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/state/encryption.h"
#include "plans/plan.h"

namespace plinth::plans {

inline constexpr int k_plan_format_version = 6;

// Pretty-printed JSON with a trailing newline.
std::string serialize_plan(const Plan& plan);

// `origin` names the source in diagnostics (a path). A file that is not a plinth plan, one from
// another plan format or plinth version, and a damaged one are each a clear error.
std::expected<Plan, Diagnostic> parse_plan(std::string_view text, const std::string& origin);

// What `plan --out` writes: serialize_plan's text, encrypted when `codec` has keys; without keys
// the plan's sensitive values are left out (plans/plan_secrets.h), and the result says so.
struct EncodedPlan {
    std::string bytes;
    bool secrets_left_out = false;
};
EncodedPlan encode_plan(const Plan& plan, const StateCodec& codec);
// The plan in a file's bytes, decrypted with `codec` first when they are encrypted.
std::expected<Plan, Diagnostic> decode_plan(std::string_view bytes, const std::string& origin,
                                            const StateCodec& codec);

}  // namespace plinth::plans
