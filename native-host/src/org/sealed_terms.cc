#include "org/sealed_terms.h"

#include <algorithm>
#include <vector>

#include <sodium.h>

#include <boost/json.hpp>

#include "org/encoding.h"

namespace draftguard::org {
namespace json = boost::json;

std::string SealedDigest(std::string_view key, std::string_view canonical_words) {
  if (key.size() < kMinSealingKeyBytes || key.size() > kMaxSealingKeyBytes) return {};
  std::string out(kSealedDigestBytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(canonical_words.data()), canonical_words.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return out;
}

std::vector<std::string> SealedDigests(std::string_view key, std::string_view canonical) {
  std::vector<std::string> digests{SealedDigest(key, canonical)};
  for (std::string& alias : CanonicalTermAliases(canonical)) {
    digests.push_back(SealedDigest(key, alias));
    sodium_memzero(alias.data(), alias.size());
  }
  return digests;
}

Engine::TermHasher SodiumTermHasher() {
  return [](std::string_view key, std::string_view canonical) { return SealedDigest(key, canonical); };
}

int CanonicalWordCount(std::string_view canonical) {
  if (canonical.empty()) return 0;
  return static_cast<int>(std::count(canonical.begin(), canonical.end(), ' ')) + 1;
}

namespace {

Result<json::object> SealList(const json::object& list, const std::string& path) {
  const json::value* terms = list.if_contains("terms");
  if (!terms || !terms->is_array())
    return Status(ErrorCode::kInvalidArgument, path + ".terms must be an array", path + ".terms");
  if (sodium_init() < 0) return Status(ErrorCode::kInvalidArgument, "libsodium failed to initialise");
  std::string key(kSealingKeyBytes, '\0');
  randombytes_buf(key.data(), key.size());
  std::vector<std::string> digests;
  int max_words = 1;
  for (const json::value& t : terms->get_array()) {
    if (!t.is_string()) return Status(ErrorCode::kInvalidArgument, path + ".terms holds a non-string", path);
    std::string_view term(t.get_string());
    if (term.size() >= 2 && term.front() == '/' && term.back() == '/')
      return Status(ErrorCode::kInvalidArgument, path + ": a /regex/ term cannot be sealed", std::string(term));
    std::string canonical = CanonicalTermForm(term);
    int words = CanonicalWordCount(canonical);
    if (words == 0)
      return Status(ErrorCode::kInvalidArgument, path + ": a term with no letter or digit", std::string(term));
    if (words > kMaxSealedWords)
      return Status(ErrorCode::kInvalidArgument,
                    path + ": a sealed term has at most " + std::to_string(kMaxSealedWords) + " words",
                    std::string(term));
    max_words = std::max(max_words, words);
    for (const std::string& digest : SealedDigests(key, canonical)) digests.push_back(HexEncode(digest));
    sodium_memzero(canonical.data(), canonical.size());
  }
  // Sorted and deduplicated: the order of the digests says nothing about the
  // order the terms were written in.
  std::sort(digests.begin(), digests.end());
  digests.erase(std::unique(digests.begin(), digests.end()), digests.end());
  json::object out;
  for (const auto& kv : list) {
    if (kv.key() == "terms" || kv.key() == "seal" || kv.key() == "exclusions") continue;
    out[kv.key()] = kv.value();
  }
  out["key"] = Base64Encode(key);
  json::array hashes;
  for (std::string& d : digests) hashes.push_back(json::string(d));
  out["hashes"] = std::move(hashes);
  out["max_words"] = max_words;
  return out;
}

}  // namespace

Result<json::value> SealMarkedLists(const json::value& pack) {
  if (!pack.is_object()) return Status(ErrorCode::kInvalidArgument, "a pack must be a JSON object");
  json::value out = pack;
  json::value* domains = out.get_object().if_contains("domains");
  if (!domains || !domains->is_object()) return out;
  for (auto& [scope, entry] : domains->get_object()) {
    if (!entry.is_object()) continue;
    json::object& e = entry.get_object();
    json::value* lists = e.if_contains("lists");
    if (!lists || !lists->is_array()) continue;
    json::array kept;
    json::array sealed;
    if (const json::value* s = e.if_contains("sealed"); s && s->is_array()) sealed = s->get_array();
    for (size_t i = 0; i < lists->get_array().size(); ++i) {
      const json::value& l = lists->get_array()[i];
      const json::value* seal = l.is_object() ? l.get_object().if_contains("seal") : nullptr;
      if (!seal || *seal != true) {
        kept.push_back(l);
        continue;
      }
      std::string path = "domains." + std::string(scope) + ".lists[" + std::to_string(i) + "]";
      Result<json::object> s = SealList(l.get_object(), path);
      if (!s.ok()) return s.status();
      sealed.push_back(std::move(s).value());
    }
    if (kept.empty()) e.erase("lists");
    else e["lists"] = std::move(kept);
    if (!sealed.empty()) e["sealed"] = std::move(sealed);
  }
  return out;
}

}  // namespace draftguard::org
