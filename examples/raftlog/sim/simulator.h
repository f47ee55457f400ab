#pragma once
// A small replicated log in the manner of Raft, simulated event by event:
// elections with randomised timeouts, log replication and commitment, a
// network that loses, duplicates, delays and (optionally) reorders
// messages, and faults (crash, restart, partition, heal) at given times.
// Same config, same seed: the same trace, event for event, unless the
// config asks for threading = "multi", whose message timing is not fixed.
//
// One storage setting is a trap on purpose: with sync_votes = false a node
// does not persist whom it voted for, so after a restart it may vote a
// second time in the same term. Reaching the resulting violation (two
// leaders in one term) takes several things at once: that setting, a
// leader crash to start an election, two candidates in the same term, and
// a voter that crashes and restarts in the middle of it.

#include <vector>

#include "config.h"
#include "events.h"

namespace raftlog {

std::vector<Event> simulate(const Config& config);

}  // namespace raftlog
