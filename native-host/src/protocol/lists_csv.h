// Keyword lists as CSV, for lists.import / lists.export and `draftguard lists`.
//
//   domain,name,category,severity,term
//   *,clients,keyword,high,Acme
//   linkedin.com,competitors,competitor,medium,"Globex, Inc."
//
// One term a row, RFC 4180 quoting, CRLF or LF, an optional UTF-8 BOM. An
// empty category or severity takes the default (keyword, high). Rows of one
// (domain, name) pair form one list and must agree on category and
// severity. CSV carries terms only: a list's message, suggestion and
// exclusions, and lists without terms, need the JSON format.
#ifndef DRAFTGUARD_PROTOCOL_LISTS_CSV_H_
#define DRAFTGUARD_PROTOCOL_LISTS_CSV_H_

#include <string>
#include <string_view>

#include "draftguard/lists.h"
#include "draftguard/status.h"

namespace draftguard::protocol {

inline constexpr std::string_view kCsvHeader = "domain,name,category,severity,term";

std::string ListsToCsv(const ListsDocument& doc);

// Errors name the line ("line 7: ...", item "line 7").
Result<ListsDocument> ListsFromCsv(std::string_view csv);

}  // namespace draftguard::protocol

#endif  // DRAFTGUARD_PROTOCOL_LISTS_CSV_H_
