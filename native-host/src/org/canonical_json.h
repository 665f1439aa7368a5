// The canonical serialisation that organisation-pack signatures cover.
//
// Design decision: a signature covers the *meaning* of a pack, not its
// bytes, so re-indenting a pack or reordering its keys does not break it,
// and whoever checks it needs no copy of the signer's exact file. The form
// is a strict subset of RFC 8785 (JCS) that needs no floating point:
//
//   - no white space;
//   - object members sorted by key, compared as UTF-8 bytes (the same order
//     as by code point; JCS sorts by UTF-16 units, which differs only for
//     keys mixing U+E000–U+FFFF with astral characters — pack keys are ASCII);
//   - strings: UTF-8 as is, except '"' → \"  '\\' → \\\\  and control
//     characters: \b \f \n \r \t, others \u00XX (lowercase hex);
//   - numbers: integers only, in decimal without leading zeros or '+';
//     a pack with a fractional or exponent number is refused (kInvalidArgument)
//     rather than risk two spellings of one double;
//   - true, false, null as such.
//
// Example: {"b": [1, "é\n"], "a": true} → {"a":true,"b":[1,"é\n"]}
// Cost: linear in the size of the value.
#ifndef DRAFTGUARD_ORG_CANONICAL_JSON_H_
#define DRAFTGUARD_ORG_CANONICAL_JSON_H_

#include <string>

#include <boost/json/value.hpp>

#include "draftguard/status.h"

namespace draftguard::org {

// kInvalidArgument (item: the JSON path) for a non-integer number.
Result<std::string> CanonicalJson(const boost::json::value& value);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_CANONICAL_JSON_H_
