#include "property_target.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace testgen::property {
namespace {

// Calls the hooks' `after` exactly once, also when the property throws
// something that ends the check (a misused generator): GoogleTest's
// interception must be undone before the error reaches it.
class HookCall {
 public:
  explicit HookCall(const PropertyHooks& hooks) : hooks_(hooks) {
    if (hooks_.before) hooks_.before();
  }
  ~HookCall() {
    if (!done_) finish();
  }
  HookCall(const HookCall&) = delete;
  HookCall& operator=(const HookCall&) = delete;

  std::optional<std::pair<std::string, std::string>> finish() {
    done_ = true;
    return hooks_.after ? hooks_.after() : std::nullopt;
  }

 private:
  const PropertyHooks& hooks_;
  bool done_ = false;
};

void fail(RunResult& r, std::string signature, std::string message) {
  r.verdict = Verdict::kFail;
  r.signature = std::move(signature);
  r.detail = std::move(message);
}

}  // namespace

std::string exception_type(const std::exception& e) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status),
                                              std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(typeid(e).name());
}

RunResult PropertyTarget::run(const Cursor& input) {
  RunResult r;
  // Only the search's own draws count toward the discard warnings: shrinking
  // and replays fill with simplest values, which filters often reject.
  const bool searching = input.source().options().fill == Fill::kRandom;
  TallyScope tally(searching ? &tally_ : nullptr);
  HookCall hooks(hooks_);
  std::optional<std::string> discarded;
  try {
    if (!property_.call(input)) fail(r, "returned false", "the property returned false");
  } catch (const Discarded& d) {
    discarded = d.where();
  } catch (const gen::FilterExhausted& f) {
    discarded = "filter " + f.filter() + " (it gave up)";
  } catch (const Error&) {
    throw;  // a misused generator: not a finding; the check stops and says so
  } catch (const std::exception& e) {
    fail(r, "threw " + exception_type(e), exception_type(e) + ": " + e.what());
  } catch (...) {
    fail(r, "threw a non-standard exception", "threw something that is not a std::exception");
  }
  const auto hooked = hooks.finish();
  if (discarded) {
    if (searching) tally_.discarded(*discarded);
    r = RunResult{};
    r.verdict = Verdict::kDiscard;
  } else if (hooked) {
    // The test framework's own report is the more precise one (an EXPECT
    // that failed names its line); the exception or false return follows.
    std::string message = hooked->second;
    if (r.verdict == Verdict::kFail) message += "\nthen the property " + r.detail;
    fail(r, hooked->first, std::move(message));
  }
  return r;
}

std::string PropertyTarget::describe(const Cursor& input) {
  TallyScope tally(nullptr);
  return property_.describe(input);
}

}  // namespace testgen::property
