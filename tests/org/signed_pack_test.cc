// The signed-pack envelope and canonical JSON: a known-answer signature,
// independence from white space and key order, and every way a signed pack
// is refused.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "org/canonical_json.h"
#include "org/encoding.h"
#include "org/key_files.h"
#include "org/signed_pack.h"
#include "org/trust_list.h"
#include "org_test_util.h"

namespace draftguard::org {
namespace {

namespace json = boost::json;
using testing::FixedKey;
using testing::kSeed1Hex;
using testing::kSeed2Hex;

// The pack of the known-answer test, and its canonical form and signature
// as computed by Python (json.dumps(sort_keys=True, separators=(',', ':'),
// ensure_ascii=False) and cryptography's Ed25519) with RFC 8032 key 1.
constexpr char kKatPack[] = R"({
  "version": 3, "id": "acme.policy",
  "issued": "2026-11-01", "expires": "2027-05-01",
  "description": "Acme's policy \u2013 \u00e9",
  "domains": {"*": {"lists": [{"terms": ["Globex Corp", "Initech"], "name": "clients",
                               "category": "keyword", "severity": "high", "locked": true}]}}
})";
constexpr char kKatCanonical[] =
    "{\"description\":\"Acme's policy \u2013 \u00e9\",\"domains\":{\"*\":{\"lists\":[{\"category\":\"keyword\","
    "\"locked\":true,\"name\":\"clients\",\"severity\":\"high\",\"terms\":[\"Globex Corp\",\"Initech\"]}]}},"
    "\"expires\":\"2027-05-01\",\"id\":\"acme.policy\",\"issued\":\"2026-11-01\",\"version\":3}";
constexpr char kKatSignature[] =
    "E3nqcT4MaxzjWRE+zRLV5Toz7UYrk24LMTe0//3qn9+bZPsb0ZotzIUGrNI/lM/wIOrylC8oBXLqPaB0Nu7tCg==";

TrustList Trusting(const KeyPair& k) {
  TrustList t;
  REQUIRE(t.AddBase64Key(Base64Encode(k.public_key), "test", "test").ok());
  return t;
}

TEST_CASE("Canonical JSON sorts keys, drops white space, escapes minimally") {
  json::value v = json::parse(R"({ "b" : [1, -2, "x\"y\\z\n\u0001é"], "a": {"d": null, "c": true} })");
  CHECK(CanonicalJson(v).value() == "{\"a\":{\"c\":true,\"d\":null},\"b\":[1,-2,\"x\\\"y\\\\z\\n\\u0001\u00e9\"]}");
  CHECK_FALSE(CanonicalJson(json::parse(R"({"a": 1.5})")).ok());
  CHECK(CanonicalJson(json::parse(R"({"a": 1.5})")).status().item() == "a");
}

TEST_CASE("Known answer: the envelope signature of a fixed pack with a fixed key") {
  KeyPair kp = FixedKey(kSeed1Hex);
  json::value pack = json::parse(kKatPack);
  CHECK(CanonicalJson(pack).value() == kKatCanonical);
  json::value env = json::parse(SignPack(pack, kp.secret).value());
  CHECK(env.at("signature").as_string() == kKatSignature);
  CHECK(env.at("key_id").as_string() == "7849ac3049680be1");
  CHECK(env.at("draftguard_signed_pack").as_int64() == 1);
  OpenResult r = OpenSignedPack(json::serialize(env), Trusting(kp));
  CHECK(r.ok());
  CHECK(r.verified.canonical == kKatCanonical);
}

TEST_CASE("Re-indenting the envelope or reordering keys keeps the signature valid") {
  KeyPair kp = FixedKey(kSeed1Hex);
  std::string envelope = SignPack(json::parse(kKatPack), kp.secret).value();
  std::string reordered = std::string(R"({"pack": )") + kKatPack + R"(,
      "signature": ")" + kKatSignature + R"(", "key_id": "7849ac3049680be1", "draftguard_signed_pack": 1})";
  CHECK(OpenSignedPack(reordered, Trusting(kp)).ok());
}

TEST_CASE("A tampered byte anywhere in the signed pack is refused") {
  KeyPair kp = FixedKey(kSeed1Hex);
  std::string envelope = SignPack(json::parse(kKatPack), kp.secret).value();
  for (std::string_view from : {"Initech", "\"high\"", "true", "acme.policy", "2027-05-01"}) {
    CAPTURE(from);
    std::string t = envelope;
    size_t at = t.find(from);
    REQUIRE(at != std::string::npos);
    t[at + 1] = t[at + 1] == 'X' ? 'Y' : 'X';
    OpenResult r = OpenSignedPack(t, Trusting(kp));
    CHECK(r.refusal != Refusal::kNone);
    if (r.refusal != Refusal::kMalformed) CHECK(r.refusal == Refusal::kBadSignature);
  }
  json::value env = json::parse(envelope);
  env.at("pack").as_object()["version"] = 4;  // a higher version, without re-signing
  CHECK(OpenSignedPack(json::serialize(env), Trusting(kp)).refusal == Refusal::kBadSignature);
  env = json::parse(envelope);
  env.at("pack").as_object()["domains"].as_object()["*"].as_object().erase("lists");  // a removed list
  CHECK(OpenSignedPack(json::serialize(env), Trusting(kp)).refusal == Refusal::kBadSignature);
}

TEST_CASE("A pack signed by a key that is not trusted is refused") {
  KeyPair signer = FixedKey(kSeed2Hex);
  KeyPair trusted = FixedKey(kSeed1Hex);
  std::string envelope = SignPack(json::parse(kKatPack), signer.secret).value();
  OpenResult r = OpenSignedPack(envelope, Trusting(trusted));
  CHECK(r.refusal == Refusal::kUnknownKey);
  CHECK(r.message.find(KeyId(signer.public_key)) != std::string::npos);
  // The wrong key claiming the trusted key's id: the signature does not verify.
  json::value env = json::parse(envelope);
  env.as_object()["key_id"] = KeyId(trusted.public_key);
  CHECK(OpenSignedPack(json::serialize(env), Trusting(trusted)).refusal == Refusal::kBadSignature);
  CHECK(OpenSignedPack(envelope, TrustList()).refusal == Refusal::kUnknownKey);
}

TEST_CASE("Malformed signatures and envelopes are refused as malformed") {
  KeyPair kp = FixedKey(kSeed1Hex);
  json::value env = json::parse(SignPack(json::parse(kKatPack), kp.secret).value());
  auto with = [&](const char* field, json::value v) {
    json::value e = env;
    e.as_object()[field] = std::move(v);
    return OpenSignedPack(json::serialize(e), Trusting(kp)).refusal;
  };
  CHECK(with("signature", "not base64!") == Refusal::kMalformed);
  CHECK(with("signature", json::string(Base64Encode(std::string(63, 'a')))) == Refusal::kMalformed);  // too short
  CHECK(with("signature", json::string(Base64Encode(std::string(65, 'a')))) == Refusal::kMalformed);  // too long
  CHECK(with("signature", 42) == Refusal::kMalformed);
  CHECK(with("signature", json::string(Base64Encode(std::string(64, '\0')))) == Refusal::kBadSignature);
  CHECK(with("key_id", nullptr) == Refusal::kMalformed);
  CHECK(with("draftguard_signed_pack", 2) == Refusal::kMalformed);
  CHECK(with("pack", "a string") == Refusal::kMalformed);
  CHECK(OpenSignedPack("{not json", Trusting(kp)).refusal == Refusal::kMalformed);
  CHECK(OpenSignedPack("[]", Trusting(kp)).refusal == Refusal::kMalformed);
  CHECK(with("pack", json::parse(R"({"id":"x","version":1,"f":0.5})")) == Refusal::kMalformed);
}

TEST_CASE("An unsigned pack is recognised as such") {
  OpenResult r = OpenSignedPack(kKatPack, Trusting(FixedKey(kSeed1Hex)));
  CHECK(r.refusal == Refusal::kUnsigned);
  CHECK(RefusalName(r.refusal) == "unsigned");
}

TEST_CASE("Key files: secret 0600, public key readable as a trust list, never overwritten") {
  testing::TempDir dir;
  auto key = dir.path() / "acme.key";
  KeyPair kp = FixedKey(kSeed1Hex);
  REQUIRE(WriteKeyFiles(key, kp).ok());
  auto perms = std::filesystem::status(key).permissions();
  CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
        std::filesystem::perms::none);
  Result<SecretKey> sk = ReadSecretKeyFile(key);
  REQUIRE(sk.ok());
  CHECK(sk.value().bytes() == kp.secret.bytes());
  Result<TrustList> trust = LoadTrustList(key.string() + ".pub");
  REQUIRE(trust.ok());
  REQUIRE(trust.value().keys().size() == 1);
  CHECK(trust.value().keys()[0].public_key == kp.public_key);
  CHECK(WriteKeyFiles(key, FixedKey(kSeed2Hex)).code() == ErrorCode::kConflict);
  CHECK(ReadSecretKeyFile(key).value().bytes() == kp.secret.bytes());
}

TEST_CASE("Trust lists: bad keys are errors naming the entry") {
  auto bad = ParseTrustList(R"({"keys":[{"public_key":"AAAA"}]})", "t.json");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().item() == "keys[0].public_key");
  CHECK_FALSE(ParseTrustList(R"({"something":1})", "t.json").ok());
  auto good = ParseTrustList(testing::TrustJson(FixedKey(kSeed1Hex), "Acme"), "t.json");
  REQUIRE(good.ok());
  CHECK(good.value().Find("7849ac3049680be1")->name == "Acme");
}

}  // namespace
}  // namespace draftguard::org
