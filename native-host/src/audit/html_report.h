// The audit's HTML report: one self-contained page a person opens in a
// browser to see which of their posts give something away.
//
// Design decision: the page loads nothing. Styles are inline, the chart is
// inline SVG (findings_chart.h), there is no script, and a
// Content-Security-Policy of default-src 'none' makes the browser refuse
// any fetch a crafted post could sneak in. Every string from the export is
// escaped (html_escape.h) and only http(s) links are made clickable; they
// carry rel="noreferrer" so opening one tells LinkedIn nothing about the
// report. The page says all this to the reader.
//
// Contents, in order: what was audited and that nothing was sent anywhere;
// the opt-out link; a summary per category and severity; findings per month;
// the flagged items, most severe first, each with its leaking spans
// highlighted, every finding's reason and safer wording, and a link to the
// item on LinkedIn to edit or delete it; what could not be read, counted
// per reason.
#ifndef DRAFTGUARD_AUDIT_HTML_REPORT_H_
#define DRAFTGUARD_AUDIT_HTML_REPORT_H_

#include <ostream>
#include <string_view>

#include "audit/audit_report.h"

namespace draftguard::audit {

// LinkedIn's "Data for Generative AI Improvement" setting.
inline constexpr std::string_view kOptOutUrl =
    "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";

// Problems listed one by one per kind; the rest are only counted (they are
// all in the JSON report).
inline constexpr size_t kMaxProblemsListed = 200;

// Writes the page to `out` (UTF-8). Cost: linear in the report; the page is
// streamed in ~1 MB pieces, never held whole in memory.
void WriteHtmlReport(const AuditReport& report, std::ostream& out);

// Human name of a category for the report: "Confidential markers", ….
std::string_view CategoryTitle(Category c);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_HTML_REPORT_H_
