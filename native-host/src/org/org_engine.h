// What the host does with an OrgPolicy: the engine material, the locks the
// protocol enforces and the status `hello` and `doctor` report.
//
// Design decision: organisation lists live in the engine beside the user's
// own lists, never mixed into them. The protocol replaces a scope's plain
// lists whenever the user edits theirs (Engine::SetLists), so organisation
// lists go in through Engine::SetSealedLists instead: sealed lists as
// shipped, and plain lists sealed on load under a random per-process key.
// The matching is the same (sealed terms are found exactly like plain
// ones); the finding names the list, not the term.
//
// Example (host start-up):
//   OrgPolicy policy = LoadOrgPolicy(DefaultLoaderOptions(store_dir));
//   std::vector<RulePack> packs = WithOrgRules(BuiltinPacks(), policy);
//   auto engine = Engine::Create(Options(), packs, &problems);
//   Status s = ApplyOrgLists(policy, engine.get());
#ifndef DRAFTGUARD_ORG_ORG_ENGINE_H_
#define DRAFTGUARD_ORG_ORG_ENGINE_H_

#include <memory>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "draftguard/engine.h"
#include "draftguard/rules.h"
#include "org/pack_loader.h"

namespace draftguard::org {

// An engine with the built-in packs, the organisation's rules and its lists
// (ApplyOrgLists): what the host creates, instead of Engine::Create, every
// time it builds an engine. Problems as for Engine::Create.
std::unique_ptr<Engine> CreateEngine(const OrgPolicy& policy, std::vector<LoadProblem>* problems);

// `builtin` followed by the rules of every pack in force.
std::vector<RulePack> WithOrgRules(std::span<const RulePack> builtin, const OrgPolicy& policy);

// Gives the engine every organisation list (packs and policy "lists"), per
// scope, through SetSealedLists. Call again after anything clears a scope
// (Engine::ClearLists removes sealed lists too).
Status ApplyOrgLists(const OrgPolicy& policy, Engine* engine);

// (scope, list name) of every locked list: packs' "locked" lists and all
// policy lists.
std::set<std::pair<std::string, std::string>> LockedLists(const OrgPolicy& policy);

// Categories that settings cannot switch off: policy "forcedCategories"
// plus the categories of locked rules and lists.
CategorySet ForcedCategories(const OrgPolicy& policy);

// For `hello` ("org") and `doctor`:
//   {"ok":true,"trusted_keys":1,
//    "packs":[{"id":"acme.policy","version":3,"source":"/etc/draftguard/packs/acme.json",
//              "key_id":"…","expires":"2027-05-01T00:00:00Z","in_force":true,
//              "refused":null,"message":""}, …],
//    "locked_lists":[{"domain":"*","name":"clients"}],
//    "forced_categories":["keyword"],
//    "policy":{"files":[…],"allow_post_anyway_on_high":false,"allow_site_switch_off":null},
//    "problems":["…"]}
// "ok" is false when a pack was refused or something could not be read;
// "refused" is the reason's stable name (signed_pack.h RefusalName).
boost::json::object OrgStatusJson(const OrgPolicy& policy);

// Lines for `draftguard doctor`, one per pack or problem, prefixed "ok",
// "refused" or "problem".
std::vector<std::string> OrgDoctorLines(const OrgPolicy& policy);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_ORG_ENGINE_H_
