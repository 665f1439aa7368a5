// Typed access to JSON object fields with errors that name the JSON path
// ("rules[3].severity must be a string"). Shared by every reader of
// DraftGuard's JSON shapes (packs, lists, protocol requests).
#ifndef DRAFTGUARD_FORMATS_JSON_FIELDS_H_
#define DRAFTGUARD_FORMATS_JSON_FIELDS_H_

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/status.h"

// Declares `var` from a Result-returning expression, or returns its Status.
#define DG_TRY(var, expr)                       \
  auto var##_result = (expr);                   \
  if (!var##_result.ok()) return var##_result.status(); \
  auto var = std::move(var##_result).value()

namespace draftguard::json_fields {

// "rules[3]" + "severity" → "rules[3].severity"; an empty base gives "severity".
std::string Join(std::string_view base, std::string_view key);
std::string Index(std::string_view base, size_t i);

Status Missing(std::string_view path);
Status WrongType(std::string_view path, std::string_view expected);

// Each getter: the field's value; nullopt if absent and not required;
// an error if present with the wrong type, or absent and required.
Result<std::optional<std::string>> String(const boost::json::object& o, std::string_view key,
                                          std::string_view base, bool required);
Result<std::optional<int64_t>> Integer(const boost::json::object& o, std::string_view key,
                                       std::string_view base, bool required);
Result<std::optional<bool>> Boolean(const boost::json::object& o, std::string_view key,
                                    std::string_view base, bool required);
Result<std::vector<std::string>> StringArray(const boost::json::object& o, std::string_view key,
                                             std::string_view base, bool required);

// Parses JSON text; errors say where ("line 3, column 7") and what.
Result<boost::json::value> Parse(std::string_view text, std::string_view what);

}  // namespace draftguard::json_fields

#endif  // DRAFTGUARD_FORMATS_JSON_FIELDS_H_
