#pragma once
/// \file
/// Stopping on SIGINT and SIGTERM without losing anything: the handler only
/// records the signal; the engine ends its loop as if the budget were spent
/// (the summary so far is printed, every kept case stays), a running child
/// process group is killed, a reduction stops with the best case so far,
/// and scratch is removed as the stack unwinds. The command line then exits
/// with 128 + the signal's number, as a shell does.

namespace testgen {

/// Installs the handlers for SIGINT and SIGTERM (once; later calls do nothing).
void install_interrupt_handlers();
/// True once SIGINT or SIGTERM arrived (or request_interrupt was called).
bool interrupted();
/// The signal that interrupted us, 0 if none.
int interrupt_signal();
/// As if `signal` had arrived (tests; a front that must stop everything).
void request_interrupt(int signal);
/// Forgets an interrupt (tests only).
void clear_interrupt();

/// Thrown where work cannot end early by itself (writing a quest file):
/// nothing half-written is kept.
class Interrupted {
 public:
  explicit Interrupted(int signal) : signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

}  // namespace testgen
