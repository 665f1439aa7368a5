// The keyword-lists document: the JSON shape shared by `draftguard scan
// --lists FILE`, the host's store and the protocol.
//
//   {"version": 1, "domains": {
//     "*":            {"lists": [{"name": "clients", "category": "keyword",
//                                 "severity": "high", "terms": ["Acme"]}]},
//     "linkedin.com": {"lists": [{"name": "competitors", "category": "competitor",
//                                 "severity": "medium", "terms": ["Globex"]}]}}}
//
// A scope is "*" (everywhere) or a site; a site covers its subdomains and its
// lists add to the global ones. "category" defaults to "keyword" and
// "severity" to "high". Unknown fields are ignored (newer writers may add
// some); wrong types and missing required fields are errors naming the
// JSON path.
#ifndef DRAFTGUARD_LISTS_H_
#define DRAFTGUARD_LISTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "draftguard/rules.h"
#include "draftguard/status.h"

namespace draftguard {

class Engine;

struct ListsDocument {
  int version = 1;
  std::map<std::string, std::vector<TermList>> domains;  // scope → lists
};

// Canonical form of a scope: lowercase, no scheme, no "www." and no trailing
// dot; "*" stays "*". Fails for empty or malformed scopes.
Result<std::string> NormalizeScope(std::string_view scope);

Result<ListsDocument> ParseListsDocument(std::string_view json);
Result<ListsDocument> ListsDocumentFromJson(const boost::json::value& v);
Result<TermList> TermListFromJson(const boost::json::value& v, std::string_view path);

// Gives every scope of `doc` to the engine (Engine::SetLists). Stops at the
// first scope the engine refuses and returns its error, prefixed with the
// scope.
Status ApplyLists(const ListsDocument& doc, Engine* engine);

boost::json::value ListsDocumentToJson(const ListsDocument& doc);
boost::json::value TermListToJson(const TermList& list);

}  // namespace draftguard

#endif  // DRAFTGUARD_LISTS_H_
