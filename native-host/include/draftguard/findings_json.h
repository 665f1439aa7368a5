// Findings on the wire: the one JSON shape used by the protocol's "result"
// message, `scan --format json` and `scan --jsonl`.
//
//   {"category": "case_study", "severity": "medium", "rule": "case_study.roas",
//    "start": 120, "end": 131, "message": "…", "suggestion": "…"}
//
// start/end are UTF-16 code units, start inclusive, end exclusive.
#ifndef DRAFTGUARD_FINDINGS_JSON_H_
#define DRAFTGUARD_FINDINGS_JSON_H_

#include <span>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

#include "draftguard/finding.h"

namespace draftguard {

// Whether "message" and "suggestion" are written in each finding, or left
// out because the caller sends each distinct text once (the protocol's
// "shared_texts").
enum class FindingTexts { kInline, kLeftOut };

// `sp`: where the JSON is allocated (default: the heap). The host builds a
// reply of a hundred findings in one arena (boost::json::monotonic_resource)
// rather than in a thousand small heap blocks.
boost::json::object FindingToJson(const Finding& f, boost::json::storage_ptr sp = {},
                                  FindingTexts texts = FindingTexts::kInline);
boost::json::array FindingsToJson(std::span<const Finding> findings, boost::json::storage_ptr sp = {},
                                  FindingTexts texts = FindingTexts::kInline);

}  // namespace draftguard

#endif  // DRAFTGUARD_FINDINGS_JSON_H_
