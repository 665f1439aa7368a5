#include "org/ed25519.h"

#include <sodium.h>

#include "org/encoding.h"

namespace draftguard::org {
namespace {

const unsigned char* U(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* U(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// libsodium must be initialised before its CSPRNG is used; sodium_init()
// is idempotent and thread-safe.
void EnsureSodium() {
  [[maybe_unused]] static const int initialised = sodium_init();
}

}  // namespace

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(std::move(other.bytes_)) { other.Wipe(); }

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    Wipe();
    bytes_ = std::move(other.bytes_);
    other.Wipe();
  }
  return *this;
}

SecretKey::~SecretKey() { Wipe(); }

void SecretKey::Wipe() {
  if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
  bytes_.clear();
}

KeyPair GenerateKeyPair() {
  EnsureSodium();
  std::string pk(kPublicKeyBytes, '\0'), sk(kSecretKeyBytes, '\0');
  crypto_sign_keypair(U(pk), U(sk));
  return KeyPair{std::move(pk), SecretKey(std::move(sk))};
}

Result<KeyPair> KeyPairFromSeed(std::string_view seed) {
  if (seed.size() != kSeedBytes)
    return Status(ErrorCode::kInvalidArgument, "an Ed25519 seed is " + std::to_string(kSeedBytes) + " bytes");
  EnsureSodium();
  std::string pk(kPublicKeyBytes, '\0'), sk(kSecretKeyBytes, '\0');
  crypto_sign_seed_keypair(U(pk), U(sk), U(seed));
  return KeyPair{std::move(pk), SecretKey(std::move(sk))};
}

Result<std::string> PublicKeyOf(const SecretKey& secret) {
  if (secret.bytes().size() != kSecretKeyBytes)
    return Status(ErrorCode::kInvalidArgument, "an Ed25519 secret key is " + std::to_string(kSecretKeyBytes) + " bytes");
  Result<KeyPair> again = KeyPairFromSeed(secret.bytes().substr(0, kSeedBytes));
  if (!again.ok()) return again.status();
  std::string pk(secret.bytes().substr(kSeedBytes));
  if (sodium_memcmp(pk.data(), again.value().public_key.data(), kPublicKeyBytes) != 0)
    return Status(ErrorCode::kInvalidArgument, "the secret key is corrupt (its public half does not match its seed)");
  return pk;
}

Result<std::string> Sign(const SecretKey& secret, std::string_view message) {
  if (secret.bytes().size() != kSecretKeyBytes)
    return Status(ErrorCode::kInvalidArgument, "an Ed25519 secret key is " + std::to_string(kSecretKeyBytes) + " bytes");
  EnsureSodium();
  std::string sig(kSignatureBytes, '\0');
  unsigned long long len = 0;
  crypto_sign_detached(U(sig), &len, U(message), message.size(), U(secret.bytes()));
  sig.resize(len);
  return sig;
}

bool Verify(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (public_key.size() != kPublicKeyBytes || signature.size() != kSignatureBytes) return false;
  EnsureSodium();
  return crypto_sign_verify_detached(U(signature), U(message), message.size(), U(public_key)) == 0;
}

std::string KeyId(std::string_view public_key) {
  EnsureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, U(public_key), public_key.size(), nullptr, 0);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), 8));
}

}  // namespace draftguard::org
