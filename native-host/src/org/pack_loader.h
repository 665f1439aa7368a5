// Loading the organisation policy a host enforces: signed packs from the
// system folder and from enterprise policy, checked against the trust list,
// with downgrade protection and "the last good pack stays in force".
//
// For each pack file (SystemDir()/packs/*.json, then policy "packs"):
//   1. the envelope is verified (signed_pack.h) against the keys of
//      SystemDir()/trust.json plus policy "trustedPackKeys";
//   2. the pack is parsed (org_pack.h) and its rules compiled once, so a
//      pack with a broken rule is refused as a whole, not half-applied;
//   3. "issued" must not be in the future (5 minutes of clock skew allowed)
//      and "expires" must be in the future;
//   4. its version must not be lower than the highest version of that id
//      accepted before (OrgState), and at the same version its content
//      must be the same.
// Of several acceptable files with one id, the highest version wins. When
// every file of an id is refused, the cached envelope of the last accepted
// version is verified again (trust list, expiry) and, if still good, stays
// in force; the refusals are reported either way. A pack whose file is
// gone is withdrawn: removing the file is how an administrator retires it.
//
// Unsigned packs are never loaded, from any source.
#ifndef DRAFTGUARD_ORG_PACK_LOADER_H_
#define DRAFTGUARD_ORG_PACK_LOADER_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "org/managed_policy.h"
#include "org/org_pack.h"
#include "org/signed_pack.h"
#include "org/trust_list.h"

namespace draftguard::org {

struct LoaderOptions {
  // Holds trust.json and packs/. Default: SystemDir().
  std::filesystem::path system_dir;
  // Enterprise policy files. Default: PolicyPaths().
  std::vector<std::filesystem::path> policy_files;
  // The store folder for OrgState; nullopt: no memory across runs (no
  // downgrade check against earlier runs, no last-good cache).
  std::optional<std::filesystem::path> state_dir;
  // Seconds since the epoch; a test hook, defaults to the clock.
  int64_t now = 0;
  // Record accepted packs in state_dir. `doctor` looks without touching.
  bool remember = true;
};

// The defaults above, with `state_dir` (may be empty: no state).
LoaderOptions DefaultLoaderOptions(const std::filesystem::path& state_dir);

// One pack file (or cached envelope) and what became of it.
struct PackReport {
  std::string source;    // file path, or "policy:<file>#packs[i]", or "cache:<path>"
  std::string id;        // empty if the pack could not be read that far
  int64_t version = 0;
  std::string key_id;
  int64_t expires = 0;
  bool in_force = false;
  Refusal refusal = Refusal::kNone;
  std::string message;   // the reason of a refusal, or a note
};

struct OrgPolicy {
  std::vector<OrgPack> packs;        // in force, by id
  std::vector<PackReport> reports;   // every source looked at
  TrustList trust;
  ManagedPolicy managed;
  std::vector<std::string> problems; // trust list, policy and state problems
  // True when something was refused or could not be read.
  bool has_refusals() const;
};

OrgPolicy LoadOrgPolicy(const LoaderOptions& options);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_PACK_LOADER_H_
