// Test-only: a hand-made AuditReport for the report writers' tests, so they
// do not depend on what the rule packs find.
#ifndef DRAFTGUARD_TESTS_AUDIT_REPORT_FIXTURE_H_
#define DRAFTGUARD_TESTS_AUDIT_REPORT_FIXTURE_H_

#include "audit/audit_report.h"

namespace draftguard::audit::testing {

inline AuditReport SampleReport() {
  AuditReport r;
  r.source_name = "Basic_LinkedInDataExport.zip";
  r.source_kind = "zip";
  r.generated_at = "2026-11-28 14:05 UTC";
  r.lists_source = "lists.json";
  r.rules = 12;
  r.terms = 3;
  r.items = {3, 1, 0};

  FlaggedItem post;
  post.item.kind = ItemKind::kPost;
  post.item.file = "Shares.csv";
  post.item.line = 2;
  post.item.date = "2024-03-05 09:12:44";
  post.item.month = "2024-03";
  post.item.url = "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1/";
  post.item.visibility = "PUBLIC";
  // 🎉 is two UTF-16 units: "Falcon" is [3, 9).
  post.item.text = "🎉 Falcon & <Acme Corp> grew 37 %";
  post.findings = {
      {Category::kKeyword, Severity::kHigh, "list.codenames", 3, 9,
       "'Falcon' is on your codenames list", ""},
      {Category::kKeyword, Severity::kMedium, "list.clients", 13, 22,
       "'Acme Corp' is on your clients list", ""},
      {Category::kCaseStudy, Severity::kMedium, "case_study.growth", 18, 33,
       "A client's result with a figure", "say \"a strong lift\""},
  };
  post.max_severity = Severity::kHigh;

  FlaggedItem comment;
  comment.item.kind = ItemKind::kComment;
  comment.item.file = "Comments.csv";
  comment.item.line = 7;
  comment.item.text = "<script>alert(1)</script> Falcon";
  comment.findings = {{Category::kKeyword, Severity::kLow, "list.codenames", 26, 32, "hint", ""}};
  comment.max_severity = Severity::kLow;

  r.flagged = {post, comment};
  r.flagged_by_kind = {1, 1, 0};
  r.findings[static_cast<size_t>(Category::kKeyword)] = {1, 1, 1};
  r.findings[static_cast<size_t>(Category::kCaseStudy)] = {0, 1, 0};
  r.finding_count = 4;
  r.by_month["2024-03"] = {0, 2, 1};
  r.findings_without_date = 1;
  r.problems = {
      {ProblemKind::kMalformedRow, "Shares.csv", 9, "3 fields where the header has 6; row skipped"},
      {ProblemKind::kMissingFile, "Comments.csv", 0,
       "not in the export: comments were not audited"}};
  return r;
}

}  // namespace draftguard::audit::testing

#endif  // DRAFTGUARD_TESTS_AUDIT_REPORT_FIXTURE_H_
