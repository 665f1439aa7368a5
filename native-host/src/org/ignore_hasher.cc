#include "org/ignore_hasher.h"

#include <sodium.h>

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

std::string IgnoreHasher::Digest(std::string_view rule, std::string_view matched_text) const {
  std::string input(rule);
  input.push_back('\0');
  input += CanonicalTermForm(matched_text);
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                     reinterpret_cast<const unsigned char*>(key_.bytes().data()), key_.bytes().size());
  sodium_memzero(input.data(), input.size());
  return HexEncode(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace draftguard::org
