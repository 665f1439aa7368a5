#include "org/ignore_hasher.h"

#include <sodium.h>

#include <cstring>

#include "draftguard/engine.h"
#include "org/encoding.h"
#include "store/file_io.h"

namespace draftguard::org {

Result<IgnoreHasher> IgnoreHasher::FromKey(std::string key) {
  if (key.size() != kIgnoreKeyBytes) return Status(ErrorCode::kInvalidArgument, "an ignore key is 32 bytes");
  return IgnoreHasher(std::move(key));
}

Result<IgnoreHasher> IgnoreHasher::Open(const std::filesystem::path& dir) {
  if (sodium_init() < 0) return Status(ErrorCode::kInvalidArgument, "libsodium failed to initialise");
  std::filesystem::path file = dir / "ignore.key";
  Result<std::string> text = store::ReadSmallFile(file, 1024);
  if (text.ok()) {
    std::string t = std::move(text).value();
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
    std::optional<std::string> key = Base64Decode(t);
    sodium_memzero(t.data(), t.size());
    if (!key || key->size() != kIgnoreKeyBytes)
      return Status(ErrorCode::kCorrupt, file.string() + " is not a 32-byte base64 key", file.string());
    return IgnoreHasher(std::move(*key));
  }
  if (text.status().code() != ErrorCode::kNotFound) return text.status();
  std::string key(kIgnoreKeyBytes, '\0');
  randombytes_buf(key.data(), key.size());
  std::string b64 = Base64Encode(key) + "\n";
  Status s = store::WriteFileAtomically(file, b64, 0600, /*exclusive=*/true);
  sodium_memzero(b64.data(), b64.size());
  if (s.code() == ErrorCode::kConflict) return Open(dir);  // another host made it first
  if (!s.ok()) return s;
  return IgnoreHasher(std::move(key));
}

IgnoreHasher::IgnoreHasher(std::string key) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size(), 32);
  keyed_state_ = SecretKey(std::string(reinterpret_cast<const char*>(&state), sizeof state));
  sodium_memzero(&state, sizeof state);
  sodium_memzero(key.data(), key.size());
}

std::string IgnoreHasher::Digest(std::string_view rule, std::string_view matched_text) const {
  // The state holds no pointers: a copy resumes the keyed hash.
  crypto_generichash_state state;
  std::memcpy(&state, keyed_state_.bytes().data(), sizeof state);
  auto update = [&](std::string_view bytes) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  };
  update(rule);
  update(std::string_view("\0", 1));
  std::string canonical = CanonicalTermForm(matched_text);
  update(canonical);
  sodium_memzero(canonical.data(), canonical.size());
  unsigned char out[32];
  crypto_generichash_final(&state, out, sizeof out);
  sodium_memzero(&state, sizeof state);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace draftguard::org
