// DraftGuard's section of the browsers' enterprise policy, as the host reads
// it from the policy files on Linux (system_paths.h). The same keys are the
// extension's `managed_schema` (manifests/policy/managed_schema.json):
//
//   Chromium family, any *.json of …/policies/managed/:
//     {"3rdparty":{"extensions":{"lgconcggklpljlcdkfejbfjbpbdhjgin":{ KEYS }}}}
//   Firefox policies.json:
//     {"policies":{"3rdparty":{"Extensions":{"draftguard@draftguard.app":{ KEYS }}}}}
//
//   KEYS (all optional):
//     "trustedPackKeys":  ["<base64 Ed25519 public key>", …]
//     "packs":            [<signed pack envelope, as an object or as JSON text>, …]
//     "forcedCategories": ["confidential", "pii", …]   never switched off
//     "lists":            [{"domain":"*","name":"clients","category":"keyword",
//                           "severity":"high","terms":["Acme"]}, …]  locked
//     "allowPostAnywayOnHigh", "allowSiteSwitchOff": booleans read by the
//                          extension only; reported here for `doctor`.
//
// Design decision: policy files are writable by root only, so what they say
// is trusted by where it is — except packs, which still need a signature by
// a trusted key like packs from /etc/draftguard/packs/. Several files are
// merged: keys, packs, categories and lists add up; a false boolean wins.
#ifndef DRAFTGUARD_ORG_MANAGED_POLICY_H_
#define DRAFTGUARD_ORG_MANAGED_POLICY_H_

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "draftguard/finding.h"
#include "draftguard/lists.h"
#include "org/trust_list.h"

namespace draftguard::org {

struct PolicyPack {
  std::string source;    // "policy:/etc/chromium/policies/managed/x.json#packs[0]"
  std::string envelope;  // JSON text
};

struct ManagedPolicy {
  std::vector<std::string> files;  // the files that had a DraftGuard section
  TrustList trusted_keys;
  std::vector<PolicyPack> packs;
  CategorySet forced_categories = CategorySet::None();
  ListsDocument lists;  // normalised scopes
  std::optional<bool> allow_post_anyway_on_high;
  std::optional<bool> allow_site_switch_off;
  std::vector<std::string> problems;  // a bad value is skipped and named here
};

// Reads and merges `files` (see PolicyPaths()).
ManagedPolicy ReadManagedPolicy(std::span<const std::filesystem::path> files);

// Merges one file's text; `source` names it.
void MergeManagedPolicy(std::string_view json_text, const std::string& source, ManagedPolicy* out);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_MANAGED_POLICY_H_
