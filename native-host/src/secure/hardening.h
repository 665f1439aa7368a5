// Process and memory hardening for host mode, where drafts pass through.
//
// Design decision: the host is the only DraftGuard process that holds
// other people's unpublished text, so it alone opts in: no core dumps (a
// crash must not leave a draft on disk), draft buffers locked in RAM where
// the OS allows (never swapped out), and wiped before they are freed. Each
// call degrades gracefully: a limit the OS refuses is reported, not fatal.
//
// Where the host calls it (src/host/host.cc, RunHost):
//   secure::HardenProcess();                  // first thing in host mode
// Request buffers are locked and wiped by the protocol's JSON memory
// resource (protocol/wiping_resource.cc), and the engine zeroes its own
// normalised copy of each draft.
#ifndef DRAFTGUARD_SECURE_HARDENING_H_
#define DRAFTGUARD_SECURE_HARDENING_H_

#include <cstddef>
#include <string>
#include <vector>

namespace draftguard::secure {

struct HardeningReport {
  bool core_dumps_off = false;  // RLIMIT_CORE = 0 and PR_SET_DUMPABLE = 0
  // What could not be done, for stderr / doctor.
  std::vector<std::string> problems;
};

// Sets RLIMIT_CORE to 0 and the process non-dumpable (which also keeps
// other processes of the same user from ptrace-attaching or reading
// /proc/<pid>/mem). Call once, early, in host mode only: a CLI run has
// nothing to hide and may want its core dumps. Cost: two system calls.
HardeningReport HardenProcess();

// True if core dumps are currently off (RLIMIT_CORE soft limit 0).
bool CoreDumpsDisabled();

// mlock(2) the pages of [p, p+n); false when the OS refuses (RLIMIT_MEMLOCK
// is 8 MiB for unprivileged users on Debian). sodium_mlock underneath, which
// also excludes the pages from core dumps (MADV_DONTDUMP).
bool LockMemory(void* p, size_t n);
// Zeroes [p, p+n) (sodium_memzero, which the compiler cannot elide) and
// unlocks it. Safe on memory that LockMemory failed to lock.
void UnlockAndWipe(void* p, size_t n);
// Zeroes [p, p+n).
void Wipe(void* p, size_t n);
void Wipe(std::string* s);

}  // namespace draftguard::secure

#endif  // DRAFTGUARD_SECURE_HARDENING_H_
