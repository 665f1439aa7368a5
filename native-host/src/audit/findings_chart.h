// The report's chart of findings over time, as inline SVG.
//
// Design decision: the report must load nothing from anywhere, so the chart
// is drawn server-side, so to speak: one <svg> element of plain rects and
// text, no script and no font or stylesheet of its own (it inherits the
// page's). One bar per calendar month from the first to the last month with
// findings (empty months included, so gaps show as gaps), stacked high /
// medium / low from the bottom; each bar carries a <title> tooltip.
#ifndef DRAFTGUARD_AUDIT_FINDINGS_CHART_H_
#define DRAFTGUARD_AUDIT_FINDINGS_CHART_H_

#include <map>
#include <string>
#include <vector>

#include "audit/audit_report.h"

namespace draftguard::audit {

// Every month from `first` to `last` inclusive ("2024-11", "2024-12",
// "2025-01"); empty if either is malformed or last < first.
std::vector<std::string> MonthRange(const std::string& first, const std::string& last);

// The chart for `by_month` ("YYYY-MM" → counts); empty string if there is
// nothing to draw. Cost: linear in the number of months spanned.
std::string FindingsChartSvg(const std::map<std::string, SeverityCounts>& by_month);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_FINDINGS_CHART_H_
