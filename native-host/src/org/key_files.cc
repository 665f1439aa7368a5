#include "org/key_files.h"

#include <sodium.h>

#include <boost/json.hpp>

#include "org/encoding.h"
#include "store/file_io.h"

namespace draftguard::org {
namespace json = boost::json;

namespace {

void WipeString(std::string* s) {
  if (!s->empty()) sodium_memzero(s->data(), s->size());
  s->clear();
}

}  // namespace

std::string PublicKeyFileJson(std::string_view public_key) {
  json::object o;
  o["type"] = "draftguard-pack-public-key";
  o["algorithm"] = "ed25519";
  o["key_id"] = KeyId(public_key);
  o["public_key"] = Base64Encode(public_key);
  return json::serialize(o) + "\n";
}

Status WriteKeyFiles(const std::filesystem::path& keyfile, const KeyPair& pair) {
  std::filesystem::path pub = keyfile;
  pub += ".pub";
  std::error_code ec;
  if (std::filesystem::exists(pub, ec))
    return Status(ErrorCode::kConflict, pub.string() + " already exists; not overwriting it", pub.string());
  std::string b64 = Base64Encode(pair.secret.bytes());
  std::string text = "{\"type\":\"draftguard-pack-secret-key\",\"algorithm\":\"ed25519\",\"key_id\":\"" +
                     KeyId(pair.public_key) + "\",\"secret_key\":\"" + b64 + "\"}\n";
  Status s = store::WriteFileAtomically(keyfile, text, 0600, /*exclusive=*/true);
  WipeString(&b64);
  WipeString(&text);
  if (!s.ok()) return s;
  return store::WriteFileAtomically(pub, PublicKeyFileJson(pair.public_key), 0644, /*exclusive=*/true);
}

Result<SecretKey> ReadSecretKeyFile(const std::filesystem::path& keyfile) {
  Result<std::string> text = store::ReadSmallFile(keyfile, 64 << 10);
  if (!text.ok()) return text.status();
  boost::system::error_code ec;
  json::value v = json::parse(text.value(), ec);
  WipeString(&text.value());
  const json::value* sk = (!ec && v.is_object()) ? v.get_object().if_contains("secret_key") : nullptr;
  if (!sk || !sk->is_string())
    return Status(ErrorCode::kInvalidArgument, keyfile.string() + " is not a DraftGuard secret key file",
                  keyfile.string());
  std::optional<std::string> bytes = Base64Decode(std::string_view(sk->get_string()));
  json::string& held = v.get_object()["secret_key"].get_string();
  sodium_memzero(held.data(), held.size());
  if (!bytes || bytes->size() != kSecretKeyBytes) {
    if (bytes) WipeString(&*bytes);
    return Status(ErrorCode::kInvalidArgument, keyfile.string() + ": secret_key is not 64 bytes of base64",
                  keyfile.string());
  }
  SecretKey key(std::move(*bytes));
  Result<std::string> pk = PublicKeyOf(key);
  if (!pk.ok()) return Status(pk.status().code(), keyfile.string() + ": " + pk.status().message(), keyfile.string());
  return key;
}

}  // namespace draftguard::org
