// What a host remembers about organisation packs between runs, in the
// store folder ($XDG_CONFIG_HOME/draftguard/):
//
//   org-state.json        {"schema":1,"packs":{"acme.policy":
//                            {"version":3,"sha256":"<hex of the canonical pack>",
//                             "accepted":"2026-11-28T13:00:00Z"}}}
//   org-packs/<id>.json   the last accepted signed envelope of each pack,
//                         verified again on every load
//
// Design decision: remembering the highest accepted version refuses a
// replayed older pack (downgrade), and keeping its signed envelope lets the
// last good pack stay in force when the current file is tampered with,
// replaced by an older one, or signed by an unknown key. Both live in the
// user's folder, so they guard the distribution channel, not against the
// user's own write access (expiry bounds that).
#ifndef DRAFTGUARD_ORG_ORG_STATE_H_
#define DRAFTGUARD_ORG_ORG_STATE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "draftguard/status.h"

namespace draftguard::org {

struct AcceptedPack {
  int64_t version = 0;
  std::string sha256;    // hex digest of the canonical pack
  int64_t accepted = 0;  // when, seconds since the epoch
};

class OrgState {
 public:
  // Reads org-state.json of `dir`; a missing file is an empty state, a
  // corrupt one too (reported in *problem, may be null).
  static OrgState Load(const std::filesystem::path& dir, std::string* problem);

  const AcceptedPack* Find(const std::string& id) const;
  void Set(const std::string& id, AcceptedPack p) { packs_[id] = std::move(p); }
  const std::map<std::string, AcceptedPack>& packs() const { return packs_; }

  // Writes org-state.json atomically (0600).
  Status Save() const;

  // The cached envelope of a pack (org-packs/<id>.json), if any.
  std::optional<std::string> CachedEnvelope(const std::string& id) const;
  Status CacheEnvelope(const std::string& id, const std::string& envelope_json) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::map<std::string, AcceptedPack> packs_;
};

// Hex SHA-256 of bytes (crypto_hash_sha256).
std::string Sha256Hex(std::string_view bytes);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_ORG_STATE_H_
