// The signing key files of `draftguard pack keygen`:
//
//   KEYFILE      (mode 0600) {"type":"draftguard-pack-secret-key","algorithm":"ed25519",
//                             "key_id":"<16 hex>","secret_key":"<base64, 64 bytes>"}
//   KEYFILE.pub  (mode 0644) {"type":"draftguard-pack-public-key","algorithm":"ed25519",
//                             "key_id":"<16 hex>","public_key":"<base64, 32 bytes>"}
//
// The .pub file is itself a valid trust-list source (trust_list.h); its
// "public_key" is what goes into /etc/draftguard/trust.json or the
// "trustedPackKeys" policy.
#ifndef DRAFTGUARD_ORG_KEY_FILES_H_
#define DRAFTGUARD_ORG_KEY_FILES_H_

#include <filesystem>
#include <string>

#include "draftguard/status.h"
#include "org/ed25519.h"

namespace draftguard::org {

std::string PublicKeyFileJson(std::string_view public_key);

// Writes KEYFILE and KEYFILE.pub; never overwrites either (kConflict).
Status WriteKeyFiles(const std::filesystem::path& keyfile, const KeyPair& pair);

// Reads KEYFILE; checks that its public half matches its seed.
Result<SecretKey> ReadSecretKeyFile(const std::filesystem::path& keyfile);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_KEY_FILES_H_
