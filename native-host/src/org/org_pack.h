// An organisation pack: rules and keyword lists that a company pushes to
// every employee's DraftGuard, signed (signed_pack.h) so nobody can quietly
// weaken them.
//
//   {"id": "acme.policy",                    required: [a-z0-9][a-z0-9._-]{0,63}
//    "version": 3,                           required: integer >= 1; a host
//                                            never goes back to a lower one
//    "issued": "2026-11-01T00:00:00Z",       required: UTC, or a date "2026-11-01"
//    "expires": "2027-05-01",                required: refused from this instant
//    "description": "…",
//    "lexicons": {…}, "rules": [ … ],        as in built-in packs (packs.h);
//                                            reported as "<id>.<rule id>";
//                                            a rule may add "locked": true
//    "domains": {
//      "*":            {"lists":  [ {"name":"clients","category":"keyword",
//                                     "severity":"high","terms":["Acme"],
//                                     "locked":true} ],
//                       "sealed": [ {"name":"codenames","category":"prelaunch",
//                                     "severity":"high","key":"<base64, 16–64 bytes>",
//                                     "hashes":["<hex, 32 bytes>", …],
//                                     "max_words":2,"locked":true} ]},
//      "linkedin.com": {…}}}
//
// Lists are as in lists.h (message, suggestion, exclusions), with literal
// terms only (a /regex/ belongs in a rule) of at most 8 words. Before
// signing, a list may say "seal": true: `draftguard pack sign` turns it into
// a "sealed" entry (sealed_terms.h). A signed pack with "seal" left in it is
// refused, so plain terms never ship by mistake under a sealed name.
//
// "locked": the user cannot switch the item off through the protocol: the
// host refuses lists.put/lists.delete of a list of the same scope and name,
// and keeps the item's category on for every site whatever settings say.
// Everything else of an organisation pack is enforced too; "locked" only
// adds that the person at the keyboard cannot opt out.
#ifndef DRAFTGUARD_ORG_ORG_PACK_H_
#define DRAFTGUARD_ORG_ORG_PACK_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "draftguard/rules.h"
#include "draftguard/status.h"

namespace draftguard::org {

struct OrgList {
  TermList list;  // literal terms
  bool locked = false;
};

struct OrgSealedList {
  SealedTermList list;
  bool locked = false;
};

struct OrgPack {
  std::string id;
  int64_t version = 0;
  int64_t issued = 0;   // seconds since the Unix epoch, UTC
  int64_t expires = 0;
  std::string description;
  RulePack rules;                          // name = id
  std::set<std::string> locked_rules;      // rule ids within the pack
  std::map<std::string, std::vector<OrgList>> lists;         // scope → lists
  std::map<std::string, std::vector<OrgSealedList>> sealed;  // scope → lists
};

// Parses a pack value (the verified "pack" of an envelope). `source` names
// it in messages. Errors name the JSON path.
Result<OrgPack> ParseOrgPack(const boost::json::value& pack, std::string source);

// "2026-11-01" or "2026-11-01T09:30:00Z" → seconds since the epoch.
Result<int64_t> ParseUtcTime(std::string_view text);
// Seconds since the epoch → "2026-11-01T09:30:00Z".
std::string FormatUtcTime(int64_t seconds);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_ORG_PACK_H_
