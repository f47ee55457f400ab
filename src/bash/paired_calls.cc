#include "paired_calls.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace testgen::bash {

std::vector<PairedCall> run_both(BashSide& bash, RustSide& rust, const std::string& function,
                                 const std::vector<CallInput>& inputs) {
  std::vector<PairedCall> calls(inputs.size());
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < calls.size(); i = next++) {
      try {
        calls[i].bash = bash.call(function, inputs[i].args, inputs[i].input);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = calls.size();
      }
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), calls.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  // Only what bash finished is worth comparing: the rest never reaches the harness.
  std::vector<RustRequest> comparable;
  std::vector<size_t> slot;
  for (size_t i = 0; i < calls.size(); ++i)
    if (calls[i].bash.conclusive) {
      slot.push_back(i);
      comparable.push_back({inputs[i].input, function, inputs[i].args});
    }
  std::vector<RustCall> answers = rust.call(comparable);
  for (size_t k = 0; k < slot.size(); ++k) calls[slot[k]].rust = std::move(answers[k]);
  return calls;
}

}  // namespace testgen::bash
