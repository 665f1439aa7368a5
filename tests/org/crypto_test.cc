// Known-answer tests of every primitive the organisation layer uses, with
// fixed keys. Expected values come from RFC 8032 and from independent
// implementations (Python's hashlib BLAKE2b and the `cryptography` package's
// Ed25519), not from this code.
#include <doctest/doctest.h>

#include "org/ed25519.h"
#include "org/encoding.h"
#include "org/ignore_hasher.h"
#include "org/sealed_terms.h"
#include "org_test_util.h"

namespace draftguard::org {
namespace {

using testing::FixedKey;
using testing::kSeed1Hex;
using testing::kSeed2Hex;

TEST_CASE("Ed25519 matches RFC 8032 test 1 (empty message)") {
  KeyPair kp = FixedKey(kSeed1Hex);
  CHECK(HexEncode(kp.public_key) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  std::string sig = Sign(kp.secret, "").value();
  CHECK(HexEncode(sig) ==
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  CHECK(Verify(kp.public_key, "", sig));
  CHECK(PublicKeyOf(kp.secret).value() == kp.public_key);
}

TEST_CASE("Ed25519 matches RFC 8032 test 2 (one byte 0x72)") {
  KeyPair kp = FixedKey(kSeed2Hex);
  CHECK(HexEncode(kp.public_key) == "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
  std::string sig = Sign(kp.secret, "\x72").value();
  CHECK(HexEncode(sig) ==
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  CHECK(Verify(kp.public_key, "\x72", sig));
}

TEST_CASE("Ed25519 verification refuses every altered input") {
  KeyPair kp = FixedKey(kSeed1Hex);
  KeyPair other = FixedKey(kSeed2Hex);
  std::string sig = Sign(kp.secret, "message").value();
  CHECK_FALSE(Verify(kp.public_key, "messagf", sig));
  CHECK_FALSE(Verify(other.public_key, "message", sig));
  std::string bad = sig;
  bad[10] ^= 1;
  CHECK_FALSE(Verify(kp.public_key, "message", bad));
  CHECK_FALSE(Verify(kp.public_key, "message", sig.substr(0, 63)));
  CHECK_FALSE(Verify(kp.public_key.substr(0, 31), "message", sig));
  CHECK_FALSE(KeyPairFromSeed("short").ok());
  CHECK_FALSE(Sign(SecretKey("short"), "m").ok());
}

TEST_CASE("A secret key whose public half does not match its seed is refused") {
  KeyPair kp = FixedKey(kSeed1Hex);
  std::string bytes(kp.secret.bytes());
  bytes[40] ^= 1;
  CHECK_FALSE(PublicKeyOf(SecretKey(bytes)).ok());
}

TEST_CASE("Key ids are the first 8 bytes of BLAKE2b-256 of the public key") {
  CHECK(KeyId(FixedKey(kSeed1Hex).public_key) == "7849ac3049680be1");
}

TEST_CASE("Sealed digests are keyed BLAKE2b-256 of the canonical form") {
  std::string key;
  for (int i = 0; i < 32; ++i) key.push_back(static_cast<char>(i));
  CHECK(HexEncode(SealedDigest(key, "project falcon")) ==
        "0a3ae3dbecca6e45b33665e130f8cef92afb433ca97be5474b4d40b0bfab6c9a");
  CHECK(SealedDigest(key.substr(0, 15), "x").empty());  // under the 16-byte minimum
  CHECK(SodiumTermHasher()(key, "project falcon") == SealedDigest(key, "project falcon"));
}

TEST_CASE("Ignore digests hash (rule, normalised match) under the ignore key") {
  IgnoreHasher h = std::move(IgnoreHasher::FromKey(std::string(32, '\x42'))).value();
  std::string expected = "a7bdb9a4dd770d24c955d294756e2ee9121065f9a1702b1b766b3b5b2b7b7e20";
  CHECK(h.Digest("sealed.codenames", "falcon") == expected);
  CHECK(h.Digest("sealed.codenames", "FALCON") == expected);
  CHECK(h.Digest("sealed.codenames", "Fälcon") == expected);
  CHECK(h.Digest("list.codenames", "falcon") != expected);
  CHECK_FALSE(IgnoreHasher::FromKey("short").ok());
}

TEST_CASE("The ignore key is made once, private, and reused") {
  testing::TempDir dir;
  auto a = IgnoreHasher::Open(dir.path());
  REQUIRE(a.ok());
  auto b = IgnoreHasher::Open(dir.path());
  REQUIRE(b.ok());
  CHECK(a.value().Digest("r", "x") == b.value().Digest("r", "x"));
  auto perms = std::filesystem::status(dir.path() / "ignore.key").permissions();
  CHECK((perms & std::filesystem::perms::group_all) == std::filesystem::perms::none);
  CHECK((perms & std::filesystem::perms::others_all) == std::filesystem::perms::none);
  CHECK(testing::ReadText(dir.path() / "ignore.key").find("falcon") == std::string::npos);
}

TEST_CASE("Base64 and hex round-trip and refuse non-canonical text") {
  CHECK(Base64Encode("hello") == "aGVsbG8=");
  CHECK(Base64Decode("aGVsbG8=").value() == "hello");
  CHECK_FALSE(Base64Decode("aGVsbG8").has_value());
  CHECK_FALSE(Base64Decode("aGVsbG9=").has_value());  // stray bits in the last digit
  CHECK_FALSE(Base64Decode("aGVs bG8=").has_value());
  CHECK(HexEncode("\x01\xab") == "01ab");
  CHECK(HexDecode("01ab").value() == "\x01\xab");
  CHECK_FALSE(HexDecode("01a").has_value());
  CHECK_FALSE(HexDecode("zz").has_value());
}

}  // namespace
}  // namespace draftguard::org
