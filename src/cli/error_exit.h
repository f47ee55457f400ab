#pragma once
// One mapping from what a subcommand throws to its error line and exit
// code (testgen/errors.h lists the codes), for every subcommand.

#include <functional>
#include <string_view>

namespace testgen::cli {

/// Runs `body` and turns what it throws into one error line on stderr and
/// an exit code: usage errors "testgen COMMAND: error: ..." and 2, every
/// other testgen::Error "testgen: error: ..." with its kind's code, an
/// interrupt 128 + the signal, running out of memory 4, anything else 70.
/// A body that returns after SIGINT/SIGTERM also exits 128 + the signal.
/// With `program` ("quest"), every error is "PROGRAM: error: ...".
int guarded(std::string_view command, const std::function<int()>& body, std::string_view program = "");

/// The exit code for a body that finished normally with `code`: 128 + the
/// signal if SIGINT or SIGTERM cut it short.
int finished(int code);

}  // namespace testgen::cli
