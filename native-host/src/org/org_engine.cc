#include "org/org_engine.h"

#include <map>

#include <sodium.h>

#include <boost/json.hpp>

#include "draftguard/packs.h"
#include "org/sealed_terms.h"

namespace draftguard::org {
namespace json = boost::json;

std::vector<RulePack> WithOrgRules(std::span<const RulePack> builtin, const OrgPolicy& policy) {
  std::vector<RulePack> packs(builtin.begin(), builtin.end());
  for (const OrgPack& p : policy.packs) packs.push_back(p.rules);
  return packs;
}

namespace {

// A plain list sealed under `key` (see the header's design note).
SealedTermList SealPlain(const TermList& l, const std::string& key) {
  SealedTermList s;
  s.name = l.name;
  s.category = l.category;
  s.severity = l.severity;
  s.key = key;
  s.message = l.message;
  s.suggestion = l.suggestion;
  s.max_words = 1;
  for (const std::string& term : l.terms) {
    std::string canonical = CanonicalTermForm(term);
    int words = CanonicalWordCount(canonical);
    if (words == 0) continue;
    s.max_words = std::max(s.max_words, std::min(words, kMaxSealedWords));
    for (std::string& digest : SealedDigests(key, canonical)) s.hashes.push_back(std::move(digest));
  }
  return s;
}

}  // namespace

std::unique_ptr<Engine> CreateEngine(const OrgPolicy& policy, std::vector<LoadProblem>* problems) {
  std::vector<RulePack> packs = WithOrgRules(BuiltinPacks(), policy);
  std::unique_ptr<Engine> engine = Engine::Create(Options(), packs, problems);
  Status s = ApplyOrgLists(policy, engine.get());
  if (!s.ok() && problems) problems->push_back({"organisation lists", s.item(), s.message()});
  return engine;
}

Status ApplyOrgLists(const OrgPolicy& policy, Engine* engine) {
  if (sodium_init() < 0) return Status(ErrorCode::kInvalidArgument, "libsodium failed to initialise");
  std::string key(kSealingKeyBytes, '\0');
  randombytes_buf(key.data(), key.size());
  std::map<std::string, std::vector<SealedTermList>> scopes;
  for (const OrgPack& p : policy.packs) {
    for (const auto& [scope, lists] : p.lists) {
      for (const OrgList& l : lists) scopes[scope].push_back(SealPlain(l.list, key));
    }
    for (const auto& [scope, lists] : p.sealed) {
      for (const OrgSealedList& l : lists) scopes[scope].push_back(l.list);
    }
  }
  for (const auto& [scope, lists] : policy.managed.lists.domains) {
    for (const TermList& l : lists) scopes[scope].push_back(SealPlain(l, key));
  }
  sodium_memzero(key.data(), key.size());
  for (const auto& [scope, lists] : scopes) {
    Status s = engine->SetSealedLists(scope, lists, SodiumTermHasher());
    if (!s.ok()) return Status(s.code(), "organisation lists of \"" + scope + "\": " + s.message(), s.item());
  }
  return Status::Ok();
}

std::set<std::pair<std::string, std::string>> LockedLists(const OrgPolicy& policy) {
  std::set<std::pair<std::string, std::string>> out;
  for (const OrgPack& p : policy.packs) {
    for (const auto& [scope, lists] : p.lists) {
      for (const OrgList& l : lists) {
        if (l.locked) out.emplace(scope, l.list.name);
      }
    }
    for (const auto& [scope, lists] : p.sealed) {
      for (const OrgSealedList& l : lists) {
        if (l.locked) out.emplace(scope, l.list.name);
      }
    }
  }
  for (const auto& [scope, lists] : policy.managed.lists.domains) {
    for (const TermList& l : lists) out.emplace(scope, l.name);
  }
  return out;
}

CategorySet ForcedCategories(const OrgPolicy& policy) {
  CategorySet out = policy.managed.forced_categories;
  for (const OrgPack& p : policy.packs) {
    for (const RuleSpec& r : p.rules.rules) {
      if (p.locked_rules.count(r.id)) out.insert(r.category);
    }
    for (const auto& [scope, lists] : p.lists) {
      for (const OrgList& l : lists) {
        if (l.locked) out.insert(l.list.category);
      }
    }
    for (const auto& [scope, lists] : p.sealed) {
      for (const OrgSealedList& l : lists) {
        if (l.locked) out.insert(l.list.category);
      }
    }
  }
  for (const auto& [scope, lists] : policy.managed.lists.domains) {
    for (const TermList& l : lists) out.insert(l.category);
  }
  return out;
}

json::object OrgStatusJson(const OrgPolicy& policy) {
  json::object o;
  o["ok"] = !policy.has_refusals();
  o["trusted_keys"] = policy.trust.keys().size();
  json::array packs;
  for (const PackReport& r : policy.reports) {
    json::object p;
    p["id"] = r.id;
    p["version"] = r.version;
    p["source"] = r.source;
    p["key_id"] = r.key_id;
    p["expires"] = r.expires ? json::value(FormatUtcTime(r.expires)) : json::value(nullptr);
    p["in_force"] = r.in_force;
    p["refused"] = r.refusal == Refusal::kNone ? json::value(nullptr) : json::value(RefusalName(r.refusal));
    p["message"] = r.message;
    packs.push_back(std::move(p));
  }
  o["packs"] = std::move(packs);
  json::array locked;
  for (const auto& [scope, name] : LockedLists(policy)) {
    json::object l;
    l["domain"] = scope;
    l["name"] = name;
    locked.push_back(std::move(l));
  }
  o["locked_lists"] = std::move(locked);
  json::array forced;
  CategorySet f = ForcedCategories(policy);
  for (int i = 0; i < kCategoryCount; ++i) {
    if (f.contains(static_cast<Category>(i))) forced.push_back(json::string(CategoryName(static_cast<Category>(i))));
  }
  o["forced_categories"] = std::move(forced);
  json::object pol;
  json::array files;
  for (const std::string& f2 : policy.managed.files) files.push_back(json::string(f2));
  pol["files"] = std::move(files);
  auto opt = [](const std::optional<bool>& b) { return b ? json::value(*b) : json::value(nullptr); };
  pol["allow_post_anyway_on_high"] = opt(policy.managed.allow_post_anyway_on_high);
  pol["allow_site_switch_off"] = opt(policy.managed.allow_site_switch_off);
  o["policy"] = std::move(pol);
  json::array problems;
  for (const std::string& p : policy.problems) problems.push_back(json::string(p));
  for (const std::string& p : policy.managed.problems) problems.push_back(json::string(p));
  o["problems"] = std::move(problems);
  return o;
}

std::vector<std::string> OrgDoctorLines(const OrgPolicy& policy) {
  std::vector<std::string> out;
  out.push_back("organisation packs: " + std::to_string(policy.packs.size()) + " in force, " +
                std::to_string(policy.trust.keys().size()) + " trusted key(s)");
  for (const PackReport& r : policy.reports) {
    std::string what = (r.id.empty() ? std::string("?") : r.id) + (r.version ? " v" + std::to_string(r.version) : "") +
                       " (" + r.source + ")";
    if (r.refusal != Refusal::kNone) {
      out.push_back("refused " + what + ": " + std::string(RefusalName(r.refusal)) + ": " + r.message);
    } else if (r.in_force) {
      out.push_back("ok      " + what + " in force until " + FormatUtcTime(r.expires) +
                    (r.message.empty() ? "" : " (" + r.message + ")"));
    } else {
      out.push_back("ok      " + what + ": " + r.message);
    }
  }
  for (const std::string& p : policy.problems) out.push_back("problem " + p);
  for (const std::string& p : policy.managed.problems) out.push_back("problem " + p);
  return out;
}

}  // namespace draftguard::org
