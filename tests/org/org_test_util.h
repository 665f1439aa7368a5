// Shared fixtures of the organisation-policy tests: fixed keys, temporary
// folders, packs signed on the fly. Test-only.
#ifndef DRAFTGUARD_TESTS_ORG_ORG_TEST_UTIL_H_
#define DRAFTGUARD_TESTS_ORG_ORG_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/json.hpp>

#include "org/ed25519.h"
#include "org/encoding.h"
#include "org/signed_pack.h"

namespace draftguard::org::testing {

// RFC 8032 §7.1 TEST 1 and TEST 2 secret keys (seeds).
inline constexpr char kSeed1Hex[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
inline constexpr char kSeed2Hex[] = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

inline KeyPair FixedKey(const char* seed_hex) {
  return std::move(KeyPairFromSeed(*HexDecode(seed_hex))).value();
}

// A fresh folder under $TMPDIR, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dg-org-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void WriteText(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline std::string ReadText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A small valid pack: one plain list, one sealed-to-be list, one rule.
inline boost::json::value SamplePack(const std::string& id, int version, const std::string& issued = "2026-01-01",
                                     const std::string& expires = "2030-01-01") {
  return boost::json::parse(R"({"id":")" + id + R"(","version":)" + std::to_string(version) +
                            R"(,"issued":")" + issued + R"(","expires":")" + expires + R"(",
    "rules":[{"id":"board_memo","category":"confidential","severity":"high","pattern":"board memo","locked":true}],
    "domains":{"*":{"lists":[{"name":"clients","category":"keyword","severity":"high","terms":["Globex Corp"],"locked":true}]},
               "linkedin.com":{"lists":[{"name":"projects","category":"prelaunch","severity":"medium","terms":["Project Bluebird"]}]}}})");
}

inline std::string Signed(const boost::json::value& pack, const KeyPair& key) {
  return SignPack(pack, key.secret).value();
}

inline std::string TrustJson(const KeyPair& key, const std::string& name = "test key") {
  return R"({"keys":[{"name":")" + name + R"(","public_key":")" + Base64Encode(key.public_key) + R"("}]})";
}

}  // namespace draftguard::org::testing

#endif  // DRAFTGUARD_TESTS_ORG_ORG_TEST_UTIL_H_
