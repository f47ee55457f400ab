#pragma once
// Which runner runs scenarios: --runner, --runner-cmd, then leanguard-run
// beside testgen or on PATH (as leanguard-testgen looked), then the
// bundled simulator beside testgen.

#include "front.h"
#include "runner.h"

namespace testgen::scenario {

/// The runner the global options name; RunnerError (a usage error) if none.
Runner find_runner(const FrontOptions& options);

}  // namespace testgen::scenario
