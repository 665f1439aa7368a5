// The audit as JSON, for scripts: the same content as the HTML report.
//
//   {"format": "draftguard-audit", "format_version": 1, "draftguard": "0.1.0",
//    "generated_at": "2026-11-28 14:05 UTC",
//    "source": {"name": "Basic_LinkedInDataExport.zip", "kind": "zip"},
//    "lists": "lists.json", "rules": 182, "terms": 1043,
//    "sent_anywhere": false,
//    "opt_out_url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
//    "items_audited": {"post": 120, "comment": 300, "article": 2},
//    "items_flagged": {"post": 9, "comment": 4, "article": 1},
//    "findings": {"total": 21, "by_category": {"case_study": {"high": 0, "medium": 3, "low": 1},
//    …}}, "by_month": [{"month": "2024-03", "high": 1, "medium": 2, "low": 0}, …],
//    "findings_without_date": 0,
//    "problems": {"counts": {"malformed_row": 1, …},
//                 "list": [{"kind": "malformed_row", "file": "Comments.csv", "line": 7,
//                           "reason": "2 fields where the header has 3; row skipped"}]},
//    "flagged": [{"kind": "post", "file": "Shares.csv", "line": 4,
//                 "date": "2024-03-05 09:12:44", "month": "2024-03",
//                 "url": "https://www.linkedin.com/feed/update/urn:li:share:1/",
//                 "visibility": "PUBLIC", "title": "", "max_severity": "high",
//                 "text": "…",
//                 "findings": [{…findings_json.h shape…, "excerpt": "Falcon"}]}]}
//
// "flagged" is ordered as in the HTML (most severe first). Finding offsets
// are UTF-16 code units into "text" (as everywhere in DraftGuard); "excerpt"
// is the span itself, for languages that index strings otherwise.
// by_category lists every category, zeros included.
#ifndef DRAFTGUARD_AUDIT_JSON_REPORT_H_
#define DRAFTGUARD_AUDIT_JSON_REPORT_H_

#include <ostream>

#include "audit/audit_report.h"

namespace draftguard::audit {

// Writes the document to `out`, one flagged item at a time, so memory stays
// proportional to the largest item rather than to the report.
void WriteJsonReport(const AuditReport& report, std::ostream& out);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_JSON_REPORT_H_
