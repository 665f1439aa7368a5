#include "secure/hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

#include <sodium.h>

namespace draftguard::secure {

HardeningReport HardenProcess() {
  HardeningReport r;
  if (sodium_init() < 0) r.problems.push_back("libsodium failed to initialise");
  rlimit none{0, 0};
  bool rlimit_ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
  if (!rlimit_ok) r.problems.push_back(std::string("setrlimit(RLIMIT_CORE): ") + std::strerror(errno));
  bool dumpable_ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
  if (!dumpable_ok) r.problems.push_back(std::string("prctl(PR_SET_DUMPABLE): ") + std::strerror(errno));
  r.core_dumps_off = rlimit_ok && dumpable_ok;
  return r;
}

bool CoreDumpsDisabled() {
  rlimit cur{};
  return ::getrlimit(RLIMIT_CORE, &cur) == 0 && cur.rlim_cur == 0 && ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

bool LockMemory(void* p, size_t n) {
  if (!p || n == 0) return true;
  return sodium_mlock(p, n) == 0;
}

void UnlockAndWipe(void* p, size_t n) {
  if (!p || n == 0) return;
  // sodium_munlock zeroes first; if the pages were never locked it still
  // zeroes them and munlock's error is harmless.
  sodium_munlock(p, n);
}

void Wipe(void* p, size_t n) {
  if (p && n) sodium_memzero(p, n);
}

void Wipe(std::string* s) {
  if (!s->empty()) sodium_memzero(s->data(), s->size());
  s->clear();
}

}  // namespace draftguard::secure
