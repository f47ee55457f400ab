#include "error_exit.h"

#include <fmt/format.h>

#include <new>

#include "cli_support.h"
#include "exit_codes.h"
#include "testgen/errors.h"
#include "testgen/interrupt.h"

namespace testgen::cli {

int finished(int code) { return interrupted() ? 128 + interrupt_signal() : code; }

int guarded(std::string_view command, const std::function<int()>& body, std::string_view program) {
  auto error = [&](int code, const std::string& message) {
    if (program.empty()) return code == kExitUsage ? usage_error(command, message) : fail(code, message);
    fmt::print(stderr, "{}: error: {}\n", program, message);
    return code;
  };
  try {
    return finished(body());
  } catch (const Interrupted& i) {
    fmt::print(stderr, "{}: interrupted\n", program.empty() ? "testgen" : program);
    return 128 + i.signal();
  } catch (const Error& e) {
    return error(static_cast<int>(e.kind()), e.what());
  } catch (const std::bad_alloc&) {
    return error(kExitGenerator, "out of memory (a generator that grows without bound? try a smaller size)");
  } catch (const std::exception& e) {
    return error(kExitInternal, fmt::format("internal error: {}", e.what()));
  }
}

}  // namespace testgen::cli
