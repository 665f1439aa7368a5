#include "org/org_state.h"

#include <sys/stat.h>

#include <sodium.h>

#include <boost/json.hpp>

#include "org/encoding.h"
#include "store/file_io.h"
#include "org/org_pack.h"

namespace draftguard::org {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {
constexpr char kStateFile[] = "org-state.json";
constexpr char kCacheDir[] = "org-packs";
}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return HexEncode(std::string_view(reinterpret_cast<const char*>(d), sizeof d));
}

OrgState OrgState::Load(const fs::path& dir, std::string* problem) {
  OrgState s;
  s.dir_ = dir;
  Result<std::string> text = store::ReadSmallFile(dir / kStateFile);
  if (!text.ok()) {
    if (text.status().code() != ErrorCode::kNotFound && problem) *problem = text.status().message();
    return s;
  }
  boost::system::error_code ec;
  json::value v = json::parse(text.value(), ec);
  const json::value* packs = (!ec && v.is_object()) ? v.get_object().if_contains("packs") : nullptr;
  if (!packs || !packs->is_object()) {
    if (problem) *problem = (dir / kStateFile).string() + " is not a valid state file; starting afresh";
    return s;
  }
  for (const auto& [id, p] : packs->get_object()) {
    if (!p.is_object()) continue;
    const json::object& o = p.get_object();
    AcceptedPack a;
    if (const json::value* ver = o.if_contains("version"); ver && ver->is_int64()) a.version = ver->get_int64();
    if (const json::value* h = o.if_contains("sha256"); h && h->is_string()) a.sha256 = std::string(h->get_string());
    if (const json::value* t = o.if_contains("accepted"); t && t->is_string()) {
      Result<int64_t> when = ParseUtcTime(std::string_view(t->get_string()));
      if (when.ok()) a.accepted = when.value();
    }
    if (a.version > 0) s.packs_[std::string(id)] = std::move(a);
  }
  return s;
}

const AcceptedPack* OrgState::Find(const std::string& id) const {
  auto it = packs_.find(id);
  return it == packs_.end() ? nullptr : &it->second;
}

Status OrgState::Save() const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  json::object packs;
  for (const auto& [id, a] : packs_) {
    json::object o;
    o["version"] = a.version;
    o["sha256"] = a.sha256;
    o["accepted"] = FormatUtcTime(a.accepted);
    packs[id] = std::move(o);
  }
  json::object doc;
  doc["schema"] = 1;
  doc["packs"] = std::move(packs);
  return store::WriteFileAtomically(dir_ / kStateFile, json::serialize(doc) + "\n", 0600);
}

std::optional<std::string> OrgState::CachedEnvelope(const std::string& id) const {
  Result<std::string> text = store::ReadSmallFile(dir_ / kCacheDir / (id + ".json"));
  if (!text.ok()) return std::nullopt;
  return std::move(text).value();
}

Status OrgState::CacheEnvelope(const std::string& id, const std::string& envelope_json) const {
  std::error_code ec;
  fs::create_directories(dir_ / kCacheDir, ec);
  ::chmod((dir_ / kCacheDir).c_str(), 0700);
  return store::WriteFileAtomically(dir_ / kCacheDir / (id + ".json"), envelope_json, 0600);
}

}  // namespace draftguard::org
