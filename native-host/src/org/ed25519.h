// Ed25519 keys and detached signatures (libsodium crypto_sign_*), and the
// short key id that names a public key in envelopes, trust lists and errors.
//
// Design decision: keys are plain byte strings of fixed size, checked at
// every entry point, so a truncated key read from a file fails loudly
// instead of signing or verifying with garbage. Secret keys live in a
// SecretKey that wipes itself (sodium_memzero) when destroyed.
//
// Example:
//   KeyPair kp = GenerateKeyPair();
//   std::string sig = Sign(kp.secret, "message").value();
//   bool ok = Verify(kp.public_key, "message", sig);   // true
#ifndef DRAFTGUARD_ORG_ED25519_H_
#define DRAFTGUARD_ORG_ED25519_H_

#include <string>
#include <string_view>

#include "draftguard/status.h"

namespace draftguard::org {

inline constexpr size_t kPublicKeyBytes = 32;
inline constexpr size_t kSecretKeyBytes = 64;  // libsodium's seed ‖ public key
inline constexpr size_t kSeedBytes = 32;
inline constexpr size_t kSignatureBytes = 64;

// Bytes that are wiped when the object dies or is overwritten.
class SecretKey {
 public:
  SecretKey() = default;
  explicit SecretKey(std::string bytes) : bytes_(std::move(bytes)) {}
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  ~SecretKey();

  std::string_view bytes() const { return bytes_; }

 private:
  void Wipe();
  std::string bytes_;
};

struct KeyPair {
  std::string public_key;  // kPublicKeyBytes
  SecretKey secret;        // kSecretKeyBytes
};

// A fresh key pair from libsodium's CSPRNG.
KeyPair GenerateKeyPair();
// The key pair of a 32-byte seed (RFC 8032 "secret key"); for known-answer
// tests and key escrow. kInvalidArgument for a seed of the wrong size.
Result<KeyPair> KeyPairFromSeed(std::string_view seed);

// The public key embedded in a secret key; kInvalidArgument if it has the
// wrong size or does not match its own seed.
Result<std::string> PublicKeyOf(const SecretKey& secret);

// A detached signature of `message`. kInvalidArgument for a bad key size.
Result<std::string> Sign(const SecretKey& secret, std::string_view message);

// True only for a kSignatureBytes signature of `message` by `public_key`;
// false for wrong sizes too.
bool Verify(std::string_view public_key, std::string_view message, std::string_view signature);

// 16 hex digits: the first 8 bytes of BLAKE2b-256 of the public key. Names a
// key; not a security boundary (verification always uses the full key).
std::string KeyId(std::string_view public_key);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_ED25519_H_
