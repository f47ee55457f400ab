#include "testgen/interrupt.h"

#include <signal.h>

#include <atomic>

namespace testgen {
namespace {

std::atomic<int> received{0};
static_assert(std::atomic<int>::is_always_lock_free, "the handler may only touch a lock-free atomic");

void on_signal(int signal) {
  int none = 0;
  if (!received.compare_exchange_strong(none, signal)) {
    // A second Ctrl-C: the user means it. Default action, now.
    ::signal(signal, SIG_DFL);
    ::raise(signal);
  }
}

}  // namespace

void install_interrupt_handlers() {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    for (int s : {SIGINT, SIGTERM}) ::sigaction(s, &action, nullptr);
    return true;
  }();
  (void)installed;
}

bool interrupted() { return received.load(std::memory_order_relaxed) != 0; }
int interrupt_signal() { return received.load(std::memory_order_relaxed); }
void request_interrupt(int signal) { received.store(signal); }
void clear_interrupt() { received.store(0); }

}  // namespace testgen
