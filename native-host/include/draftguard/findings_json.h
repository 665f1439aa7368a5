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

#include "draftguard/finding.h"

namespace draftguard {

boost::json::object FindingToJson(const Finding& f);
boost::json::array FindingsToJson(std::span<const Finding> findings);

}  // namespace draftguard

#endif  // DRAFTGUARD_FINDINGS_JSON_H_
