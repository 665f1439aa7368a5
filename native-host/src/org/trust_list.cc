#include "org/trust_list.h"

#include <boost/json.hpp>

#include "org/ed25519.h"
#include "org/encoding.h"
#include "store/file_io.h"

namespace draftguard::org {
namespace json = boost::json;

Status TrustList::AddBase64Key(std::string_view base64, std::string name, std::string source) {
  std::optional<std::string> key = Base64Decode(base64);
  if (!key || key->size() != kPublicKeyBytes)
    return Status(ErrorCode::kInvalidArgument, "not a base64 Ed25519 public key (32 bytes)", std::string(base64));
  TrustedKey k{std::move(name), *key, KeyId(*key), std::move(source)};
  if (!Find(k.key_id)) keys_.push_back(std::move(k));
  return Status::Ok();
}

const TrustedKey* TrustList::Find(std::string_view key_id) const {
  for (const TrustedKey& k : keys_) {
    if (k.key_id == key_id) return &k;
  }
  return nullptr;
}

void TrustList::Merge(const TrustList& other) {
  for (const TrustedKey& k : other.keys_) {
    if (!Find(k.key_id)) keys_.push_back(k);
  }
}

namespace {

Status AddEntry(const json::value& v, const std::string& path, const std::string& source, TrustList* out) {
  if (!v.is_object()) return Status(ErrorCode::kInvalidArgument, path + " must be an object", path);
  const json::object& o = v.get_object();
  const json::value* pk = o.if_contains("public_key");
  if (!pk || !pk->is_string())
    return Status(ErrorCode::kInvalidArgument, path + ".public_key must be a string", path + ".public_key");
  if (const json::value* alg = o.if_contains("algorithm"); alg && *alg != "ed25519")
    return Status(ErrorCode::kInvalidArgument, path + ".algorithm must be \"ed25519\"", path + ".algorithm");
  std::string name;
  if (const json::value* n = o.if_contains("name"); n && n->is_string()) name = std::string(n->get_string());
  Status s = out->AddBase64Key(std::string_view(pk->get_string()), std::move(name), source);
  if (!s.ok()) return Status(s.code(), path + ".public_key: " + s.message(), path + ".public_key");
  return Status::Ok();
}

}  // namespace

Result<TrustList> ParseTrustList(std::string_view text, std::string source) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status(ErrorCode::kInvalidArgument, source + ": not JSON: " + ec.message(), source);
  if (!v.is_object()) return Status(ErrorCode::kInvalidArgument, source + ": must be a JSON object", source);
  TrustList out;
  const json::object& o = v.get_object();
  if (const json::value* keys = o.if_contains("keys")) {
    if (!keys->is_array()) return Status(ErrorCode::kInvalidArgument, source + ": keys must be an array", "keys");
    for (size_t i = 0; i < keys->get_array().size(); ++i) {
      Status s = AddEntry(keys->get_array()[i], "keys[" + std::to_string(i) + "]", source, &out);
      if (!s.ok()) return Status(s.code(), source + ": " + s.message(), s.item());
    }
    return out;
  }
  if (o.contains("public_key")) {
    Status s = AddEntry(v, "key", source, &out);
    if (!s.ok()) return Status(s.code(), source + ": " + s.message(), s.item());
    return out;
  }
  return Status(ErrorCode::kInvalidArgument, source + ": neither a trust list (\"keys\") nor a public key file",
                source);
}

Result<TrustList> LoadTrustList(const std::filesystem::path& path) {
  Result<std::string> text = store::ReadSmallFile(path);
  if (!text.ok()) return text.status();
  return ParseTrustList(text.value(), path.string());
}

}  // namespace draftguard::org
