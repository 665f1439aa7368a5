// JSON pieces shared by rule packs and keyword lists: categories,
// severities, localized texts.
#ifndef DRAFTGUARD_FORMATS_TERM_LIST_JSON_H_
#define DRAFTGUARD_FORMATS_TERM_LIST_JSON_H_

#include <boost/json.hpp>

#include <optional>
#include <string_view>

#include "draftguard/finding.h"
#include "draftguard/rules.h"
#include "draftguard/status.h"

namespace draftguard {

// o["category"]: one of the seven category names.
Result<std::optional<Category>> CategoryFromJson(const boost::json::object& o, std::string_view path,
                                                 bool required);
// o["severity"]: "low", "medium" or "high"; `fallback` when absent.
Result<Severity> SeverityFromJson(const boost::json::object& o, std::string_view path, Severity fallback);
// o[key]: {"en": "...", "fr": "..."} or a plain string (English); absent: empty.
Result<LocalizedText> LocalizedTextFromJson(const boost::json::object& o, std::string_view key,
                                            std::string_view path);
boost::json::value LocalizedTextToJson(const LocalizedText& t);

}  // namespace draftguard

#endif  // DRAFTGUARD_FORMATS_TERM_LIST_JSON_H_
