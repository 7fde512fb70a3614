#pragma once
// The cache-only policy: how the handsets of the 2009 outage behaved, kept so a drill can
// show that its checks see data loss, and for demos of that failure. Never the default.
//
// After a power loss such a handset trusts the server as the only real copy: it drops
// everything it holds (records, tombstones, merge bases, unsent changes, drafts) and pulls
// the account afresh. Only the account (its token) is kept. When the server lost data, so
// has the handset.
#include "os/pim/status.h"
#include "os/storage/store.h"

namespace swivel::os::sync {

enum class SyncPolicy {
  kKeepData,   // the handset's copy is real: nothing the server lacks is dropped
  kCacheOnly,  // the 2009 behaviour: see above
};

// Drops the local copy in one transaction (a power cut leaves all of it or none) and
// leaves a fresh cursor, so the next sync pulls everything from anchor 0. Does nothing on
// a handset that was never signed in.
pim::Status DropLocalCopy(storage::Store& store);

}  // namespace swivel::os::sync
