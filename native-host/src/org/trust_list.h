// The keys whose signatures make an organisation pack acceptable.
//
// Sources, all read with ParseTrustList:
//   /etc/draftguard/trust.json  {"keys":[{"name":"Acme security","public_key":"<base64>"}]}
//   a public key file (KEYFILE.pub, written by `draftguard pack keygen`):
//     {"type":"draftguard-pack-public-key","algorithm":"ed25519",
//      "key_id":"<16 hex>","public_key":"<base64>"}
//   enterprise policy "trustedPackKeys": ["<base64>", …] (AddBase64Key)
//
// Design decision: a key is trusted by its full 32 bytes; "key_id" in a
// file is informative only and is recomputed, never believed.
#ifndef DRAFTGUARD_ORG_TRUST_LIST_H_
#define DRAFTGUARD_ORG_TRUST_LIST_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/status.h"

namespace draftguard::org {

struct TrustedKey {
  std::string name;        // for people; may be empty
  std::string public_key;  // 32 bytes
  std::string key_id;      // KeyId(public_key)
  std::string source;      // the file or policy it came from
};

class TrustList {
 public:
  // Adds a key given in base64; kInvalidArgument if it is not 32 bytes.
  Status AddBase64Key(std::string_view base64, std::string name, std::string source);
  // The key with this id, or null.
  const TrustedKey* Find(std::string_view key_id) const;
  const std::vector<TrustedKey>& keys() const { return keys_; }
  bool empty() const { return keys_.empty(); }
  // Adds every key of `other` not already present.
  void Merge(const TrustList& other);

 private:
  std::vector<TrustedKey> keys_;
};

// Parses a trust list or a public key file (see above). Errors name the
// JSON path ("keys[2].public_key").
Result<TrustList> ParseTrustList(std::string_view json, std::string source);
// Reads and parses a file; kNotFound if it does not exist, kIo if unreadable.
Result<TrustList> LoadTrustList(const std::filesystem::path& path);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_TRUST_LIST_H_
