// The signed-pack envelope: an organisation pack plus the Ed25519 signature
// that makes the host accept it.
//
//   {"draftguard_signed_pack": 1,
//    "key_id": "<16 hex: KeyId of the signing key>",
//    "signature": "<base64 of 64 bytes>",
//    "pack": { …the organisation pack, see org_pack.h… }}
//
// The signature is crypto_sign_detached over
//     "draftguard signed pack v1\n" + CanonicalJson(pack)
// (canonical_json.h). The prefix separates this use of a key from any
// other, and the canonical form makes the signature independent of
// white space and key order. "key_id" only selects the trusted key to try;
// a key_id that names no trusted key is reported as an unknown key.
//
// What the host uses afterwards is the very JSON value that was verified,
// never a re-parse of the file, so nothing outside the signed value (extra
// envelope fields, duplicate keys resolved differently) can change meaning.
#ifndef DRAFTGUARD_ORG_SIGNED_PACK_H_
#define DRAFTGUARD_ORG_SIGNED_PACK_H_

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "draftguard/status.h"
#include "org/ed25519.h"
#include "org/trust_list.h"

namespace draftguard::org {

inline constexpr std::string_view kSignaturePrefix = "draftguard signed pack v1\n";
inline constexpr int kEnvelopeVersion = 1;

// Why a signed pack is refused. Names are stable: they appear in `hello`,
// `doctor` and `pack verify`.
enum class Refusal {
  kNone,
  kUnsigned,       // a plain pack, not an envelope
  kMalformed,      // not JSON, missing/ill-typed envelope field, bad base64/sizes
  kUnknownKey,     // key_id names no trusted key
  kBadSignature,   // the signature does not verify: tampered, or forged key_id
  kInvalidPack,    // signed, but the pack itself is not valid (org_pack.h)
  kNotYetValid,    // "issued" is in the future
  kExpired,        // "expires" is past
  kDowngrade,      // a lower version than one already accepted, or the same
                   // version with different content
};
std::string_view RefusalName(Refusal r);

struct VerifiedPack {
  boost::json::value pack;  // the signed value
  std::string canonical;    // CanonicalJson(pack)
  std::string key_id;       // the trusted key that signed it
  std::string key_name;
};

struct OpenResult {
  Refusal refusal = Refusal::kNone;
  std::string message;  // why, for people; empty when accepted
  VerifiedPack verified;
  bool ok() const { return refusal == Refusal::kNone; }
};

// Signs `pack` (an object). kInvalidArgument if it is not an object or has a
// non-integer number. The result is the envelope's JSON text, one line.
Result<std::string> SignPack(const boost::json::value& pack, const SecretKey& secret);

// Parses an envelope and checks its signature against `trust`.
OpenResult OpenSignedPack(std::string_view envelope_json, const TrustList& trust);
OpenResult OpenSignedPackValue(const boost::json::value& envelope, const TrustList& trust);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_SIGNED_PACK_H_
