// "Ignore always" without keeping what was ignored: the host stores a keyed
// hash of (rule, normalised match), never the matched text.
//
//   digest = hex(BLAKE2b-256(key, rule ‖ 0x00 ‖ CanonicalTermForm(match)))
//
// The key is 32 random bytes in the store folder (ignore.key, mode 0600,
// base64), made on first use. The match is normalised first, so every
// spelling the engine treats as the same ("Héloïse", "HELOISE") gives one
// digest.
//
// What it protects, honestly: a copy of the ignores file alone (a backup, a
// synced folder, a support ticket) does not say what was ignored, and
// without the key a guess cannot be checked. Someone who has the key file
// too can check guesses, as for sealed terms.
//
// Example (where the protocol records an "ignore always"):
//   Result<IgnoreHasher> h = IgnoreHasher::Open(store->dir());
//   std::string d = h.value().Digest(finding.rule, text.substr(start, end));
//   // store d; at analysis, drop a finding whose Digest is stored.
#ifndef DRAFTGUARD_ORG_IGNORE_HASHER_H_
#define DRAFTGUARD_ORG_IGNORE_HASHER_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "draftguard/status.h"
#include "org/ed25519.h"

namespace draftguard::org {

inline constexpr size_t kIgnoreKeyBytes = 32;

class IgnoreHasher {
 public:
  // Reads <dir>/ignore.key, creating it if it does not exist.
  static Result<IgnoreHasher> Open(const std::filesystem::path& dir);
  // A fixed key (known-answer tests). kInvalidArgument unless 32 bytes.
  static Result<IgnoreHasher> FromKey(std::string key);

  // 64 hex digits. `matched_text` is the original text of the finding; it
  // is normalised here, so callers never keep it.
  std::string Digest(std::string_view rule, std::string_view matched_text) const;

 private:
  explicit IgnoreHasher(std::string key);
  // BLAKE2b spends a whole block on its key: it is absorbed once, and every
  // digest starts from a copy of this crypto_generichash_state.
  SecretKey keyed_state_;
};

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_IGNORE_HASHER_H_
