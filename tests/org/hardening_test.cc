#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "secure/hardening.h"

namespace draftguard::secure {
namespace {

TEST_CASE("HardenProcess turns core dumps off (checked in a child process)") {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    HardeningReport r = HardenProcess();
    ::_exit(r.core_dumps_off && CoreDumpsDisabled() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("Locked buffers are wiped on unlock; plain wipes too") {
  std::string draft = "Project Falcon ships on 3 March";
  LockMemory(draft.data(), draft.size());  // may be refused by RLIMIT_MEMLOCK: still wiped below
  UnlockAndWipe(draft.data(), draft.size());
  CHECK(draft == std::string(draft.size(), '\0'));
  std::string other = "confidential";
  Wipe(&other);
  CHECK(other.empty());
}

}  // namespace
}  // namespace draftguard::secure
