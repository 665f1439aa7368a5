#include "org/org_pack.h"

#include <ctime>

#include <boost/json.hpp>

#include "draftguard/engine.h"
#include "draftguard/lists.h"
#include "draftguard/packs.h"
#include "formats/term_list_json.h"
#include "org/encoding.h"
#include "org/sealed_terms.h"

namespace draftguard::org {
namespace json = boost::json;

namespace {

Status Bad(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kInvalidArgument, "'" + path + "' " + what, path);
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

Result<int64_t> TimeField(const json::object& o, const char* name) {
  const json::value* v = o.if_contains(name);
  if (!v) return Bad(name, "is missing");
  if (!v->is_string()) return Bad(name, "must be a string (\"2026-11-01\" or \"2026-11-01T00:00:00Z\")");
  Result<int64_t> t = ParseUtcTime(std::string_view(v->get_string()));
  if (!t.ok()) return Bad(name, t.status().message());
  return t;
}

bool Locked(const json::object& o, const std::string& path, Status* error) {
  const json::value* l = o.if_contains("locked");
  if (!l) return false;
  if (!l->is_bool()) {
    *error = Bad(path + ".locked", "must be true or false");
    return false;
  }
  return l->get_bool();
}

Status ParsePlainList(const json::value& v, const std::string& path, OrgList* out) {
  if (!v.is_object()) return Bad(path, "must be an object");
  if (v.get_object().contains("seal"))
    return Bad(path + ".seal", "is left in a signed pack: run 'draftguard pack sign' on the unsigned pack to seal it");
  Result<TermList> list = TermListFromJson(v, path);
  if (!list.ok()) return list.status();
  for (const std::string& t : list.value().terms) {
    if (t.size() >= 2 && t.front() == '/' && t.back() == '/')
      return Status(ErrorCode::kInvalidArgument, "'" + path + "': organisation lists hold literal terms; "
                    "write a pattern as a rule", t);
    int words = CanonicalWordCount(CanonicalTermForm(t));
    if (words == 0) return Status(ErrorCode::kBadTerm, "'" + path + "': a term with no letter or digit", t);
    if (words > kMaxSealedWords)
      return Status(ErrorCode::kBadTerm, "'" + path + "': a term has at most 8 words", t);
  }
  Status err;
  out->locked = Locked(v.get_object(), path, &err);
  if (!err.ok()) return err;
  out->list = std::move(list).value();
  return Status::Ok();
}

Status ParseSealedList(const json::value& v, const std::string& path, OrgSealedList* out) {
  if (!v.is_object()) return Bad(path, "must be an object");
  const json::object& o = v.get_object();
  SealedTermList& l = out->list;
  const json::value* name = o.if_contains("name");
  if (!name || !name->is_string() || name->get_string().empty()) return Bad(path + ".name", "must be a non-empty string");
  l.name = std::string(name->get_string());
  Result<std::optional<Category>> cat = CategoryFromJson(o, path, false);
  if (!cat.ok()) return cat.status();
  l.category = cat.value().value_or(Category::kKeyword);
  Result<Severity> sev = SeverityFromJson(o, path, Severity::kHigh);
  if (!sev.ok()) return sev.status();
  l.severity = sev.value();
  const json::value* key = o.if_contains("key");
  std::optional<std::string> k = key && key->is_string() ? Base64Decode(std::string_view(key->get_string())) : std::nullopt;
  if (!k || k->size() < kMinSealingKeyBytes || k->size() > kMaxSealingKeyBytes)
    return Bad(path + ".key", "must be 16 to 64 bytes of base64");
  l.key = *k;
  const json::value* hashes = o.if_contains("hashes");
  if (!hashes || !hashes->is_array()) return Bad(path + ".hashes", "must be an array of hex digests");
  for (size_t i = 0; i < hashes->get_array().size(); ++i) {
    const json::value& h = hashes->get_array()[i];
    std::optional<std::string> d = h.is_string() ? HexDecode(std::string_view(h.get_string())) : std::nullopt;
    if (!d || d->size() != kSealedDigestBytes)
      return Bad(path + ".hashes[" + std::to_string(i) + "]", "must be 64 hex digits");
    l.hashes.push_back(*d);
  }
  const json::value* mw = o.if_contains("max_words");
  if (!mw || !mw->is_int64() || mw->get_int64() < 1 || mw->get_int64() > kMaxSealedWords)
    return Bad(path + ".max_words", "must be an integer from 1 to 8");
  l.max_words = static_cast<int>(mw->get_int64());
  Result<LocalizedText> msg = LocalizedTextFromJson(o, "message", path);
  if (!msg.ok()) return msg.status();
  l.message = std::move(msg).value();
  Result<LocalizedText> sug = LocalizedTextFromJson(o, "suggestion", path);
  if (!sug.ok()) return sug.status();
  l.suggestion = std::move(sug).value();
  Status err;
  out->locked = Locked(o, path, &err);
  return err;
}

}  // namespace

Result<int64_t> ParseUtcTime(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  char tail = 0;
  std::string str(s);
  bool ok = false;
  if (s.size() == 10) {
    ok = std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3;
  } else if (s.size() == 20) {
    char t = 0, z = 0;
    ok = std::sscanf(str.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d%c", &y, &mo, &d, &t, &h, &mi, &sec, &z) == 8 && t == 'T' &&
         z == 'Z';
  }
  if (ok) ok = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 59 && y >= 1970 && y <= 9999;
  if (!ok) return Status(ErrorCode::kInvalidArgument, "is not a UTC time like 2026-11-01 or 2026-11-01T09:30:00Z");
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  time_t t = timegm(&tm);
  std::tm back{};
  gmtime_r(&t, &back);
  if (back.tm_mday != d) return Status(ErrorCode::kInvalidArgument, "is not a calendar date");
  return static_cast<int64_t>(t);
}

std::string FormatUtcTime(int64_t seconds) {
  time_t t = static_cast<time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<OrgPack> ParseOrgPack(const json::value& v, std::string source) {
  if (!v.is_object()) return Bad("pack", "must be an object");
  const json::object& o = v.get_object();
  static constexpr std::string_view kKnown[] = {"id",      "version",  "issued", "expires", "description",
                                                "lexicons", "rules",   "domains"};
  for (const auto& kv : o) {
    bool known = false;
    for (std::string_view k : kKnown) known |= kv.key() == k;
    if (!known) return Bad(std::string(kv.key()), "is not a field of an organisation pack");
  }
  OrgPack pack;
  const json::value* id = o.if_contains("id");
  if (!id || !id->is_string() || !ValidId(std::string_view(id->get_string())))
    return Bad("id", "must be a string of lowercase letters, digits, '.', '_' or '-' (at most 64)");
  pack.id = std::string(id->get_string());
  const json::value* version = o.if_contains("version");
  if (!version || !version->is_int64() || version->get_int64() < 1) return Bad("version", "must be an integer >= 1");
  pack.version = version->get_int64();
  Result<int64_t> issued = TimeField(o, "issued");
  if (!issued.ok()) return issued.status();
  Result<int64_t> expires = TimeField(o, "expires");
  if (!expires.ok()) return expires.status();
  pack.issued = issued.value();
  pack.expires = expires.value();
  if (pack.expires <= pack.issued) return Bad("expires", "must be after \"issued\"");
  if (const json::value* d = o.if_contains("description"); d && d->is_string())
    pack.description = std::string(d->get_string());

  // Rules and lexicons go through the built-in pack reader, minus "locked".
  json::object rules_doc;
  rules_doc["pack"] = pack.id;
  rules_doc["version"] = pack.version;
  if (const json::value* lex = o.if_contains("lexicons")) rules_doc["lexicons"] = *lex;
  if (const json::value* rules = o.if_contains("rules")) {
    if (!rules->is_array()) return Bad("rules", "must be an array");
    json::array stripped;
    for (size_t i = 0; i < rules->get_array().size(); ++i) {
      json::value r = rules->get_array()[i];
      if (r.is_object()) {
        Status err;
        bool locked = Locked(r.get_object(), "rules[" + std::to_string(i) + "]", &err);
        if (!err.ok()) return err;
        const json::value* rid = r.get_object().if_contains("id");
        if (locked && rid && rid->is_string()) pack.locked_rules.insert(std::string(rid->get_string()));
        r.get_object().erase("locked");
      }
      stripped.push_back(std::move(r));
    }
    rules_doc["rules"] = std::move(stripped);
  }
  Result<RulePack> rules = ParseRulePack(json::serialize(rules_doc), source);
  if (!rules.ok()) return rules.status();
  pack.rules = std::move(rules).value();
  for (RuleSpec& r : pack.rules.rules) {
    if (!r.message.en.empty()) continue;
    r.message.en = "Your organisation's policy flags this (rule \u201c" + r.id + "\u201d).";
    r.message.fr = "La politique de votre organisation signale ceci (r\u00e8gle \u00ab " + r.id + " \u00bb).";
  }

  if (const json::value* domains = o.if_contains("domains")) {
    if (!domains->is_object()) return Bad("domains", "must be an object of scopes");
    for (const auto& [raw_scope, entry] : domains->get_object()) {
      std::string path = "domains." + std::string(raw_scope);
      Result<std::string> scope = NormalizeScope(raw_scope);
      if (!scope.ok()) return Bad(path, "is not \"*\" or a site such as \"linkedin.com\"");
      if (!entry.is_object()) return Bad(path, "must be an object");
      for (const auto& kv : entry.get_object()) {
        if (kv.key() != "lists" && kv.key() != "sealed")
          return Bad(path + "." + std::string(kv.key()), "is not \"lists\" or \"sealed\"");
        if (!kv.value().is_array()) return Bad(path + "." + std::string(kv.key()), "must be an array");
      }
      if (const json::value* lists = entry.get_object().if_contains("lists")) {
        for (size_t i = 0; i < lists->get_array().size(); ++i) {
          OrgList l;
          if (Status s = ParsePlainList(lists->get_array()[i], path + ".lists[" + std::to_string(i) + "]", &l); !s.ok())
            return s;
          pack.lists[scope.value()].push_back(std::move(l));
        }
      }
      if (const json::value* sealed = entry.get_object().if_contains("sealed")) {
        for (size_t i = 0; i < sealed->get_array().size(); ++i) {
          OrgSealedList l;
          if (Status s = ParseSealedList(sealed->get_array()[i], path + ".sealed[" + std::to_string(i) + "]", &l);
              !s.ok())
            return s;
          pack.sealed[scope.value()].push_back(std::move(l));
        }
      }
    }
  }
  return pack;
}

}  // namespace draftguard::org
