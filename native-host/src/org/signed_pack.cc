#include "org/signed_pack.h"

#include <boost/json.hpp>

#include "org/canonical_json.h"
#include "org/encoding.h"

namespace draftguard::org {
namespace json = boost::json;

std::string_view RefusalName(Refusal r) {
  switch (r) {
    case Refusal::kNone: return "none";
    case Refusal::kUnsigned: return "unsigned";
    case Refusal::kMalformed: return "malformed";
    case Refusal::kUnknownKey: return "unknown_key";
    case Refusal::kBadSignature: return "bad_signature";
    case Refusal::kInvalidPack: return "invalid_pack";
    case Refusal::kNotYetValid: return "not_yet_valid";
    case Refusal::kExpired: return "expired";
    case Refusal::kDowngrade: return "downgrade";
  }
  return "unknown";
}

Result<std::string> SignPack(const json::value& pack, const SecretKey& secret) {
  if (!pack.is_object()) return Status(ErrorCode::kInvalidArgument, "a pack must be a JSON object");
  Result<std::string> canonical = CanonicalJson(pack);
  if (!canonical.ok()) return canonical.status();
  Result<std::string> pk = PublicKeyOf(secret);
  if (!pk.ok()) return pk.status();
  Result<std::string> sig = Sign(secret, std::string(kSignaturePrefix) + canonical.value());
  if (!sig.ok()) return sig.status();
  json::object env;
  env["draftguard_signed_pack"] = kEnvelopeVersion;
  env["key_id"] = KeyId(pk.value());
  env["signature"] = Base64Encode(sig.value());
  env["pack"] = pack;
  return json::serialize(env);
}

namespace {

OpenResult Refuse(Refusal r, std::string message) {
  OpenResult out;
  out.refusal = r;
  out.message = std::move(message);
  return out;
}

}  // namespace

OpenResult OpenSignedPack(std::string_view envelope_json, const TrustList& trust) {
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 64;
  json::value v = json::parse(envelope_json, ec, {}, opts);
  if (ec) return Refuse(Refusal::kMalformed, "not JSON: " + ec.message());
  return OpenSignedPackValue(v, trust);
}

OpenResult OpenSignedPackValue(const json::value& v, const TrustList& trust) {
  if (!v.is_object()) return Refuse(Refusal::kMalformed, "a signed pack is a JSON object");
  const json::object& o = v.get_object();
  const json::value* marker = o.if_contains("draftguard_signed_pack");
  if (!marker) {
    if (o.contains("id") || o.contains("pack") || o.contains("rules") || o.contains("domains"))
      return Refuse(Refusal::kUnsigned, "an unsigned pack: organisation packs must be signed ('draftguard pack sign')");
    return Refuse(Refusal::kMalformed, "not a DraftGuard signed pack (no \"draftguard_signed_pack\")");
  }
  if (!marker->is_int64() || marker->get_int64() != kEnvelopeVersion)
    return Refuse(Refusal::kMalformed, "unsupported envelope version (this host reads version 1)");
  const json::value* key_id = o.if_contains("key_id");
  const json::value* signature = o.if_contains("signature");
  const json::value* pack = o.if_contains("pack");
  if (!key_id || !key_id->is_string()) return Refuse(Refusal::kMalformed, "\"key_id\" must be a string");
  if (!signature || !signature->is_string()) return Refuse(Refusal::kMalformed, "\"signature\" must be a string");
  if (!pack || !pack->is_object()) return Refuse(Refusal::kMalformed, "\"pack\" must be an object");
  std::optional<std::string> sig = Base64Decode(std::string_view(signature->get_string()));
  if (!sig || sig->size() != kSignatureBytes)
    return Refuse(Refusal::kMalformed, "\"signature\" is not 64 bytes of base64");
  std::string_view id(key_id->get_string());
  const TrustedKey* key = trust.Find(id);
  if (!key) return Refuse(Refusal::kUnknownKey, "signed by key " + std::string(id) + ", which is not in the trust list");
  Result<std::string> canonical = CanonicalJson(*pack);
  if (!canonical.ok()) return Refuse(Refusal::kMalformed, canonical.status().message());
  if (!Verify(key->public_key, std::string(kSignaturePrefix) + canonical.value(), *sig))
    return Refuse(Refusal::kBadSignature, "the signature does not match the pack (altered after signing, or not "
                                          "signed by key " + key->key_id + ")");
  OpenResult out;
  out.verified.pack = *pack;
  out.verified.canonical = std::move(canonical).value();
  out.verified.key_id = key->key_id;
  out.verified.key_name = key->name;
  return out;
}

}  // namespace draftguard::org
