// The result of an audit: what the HTML and JSON reports are written from.
//
// Plain data. Only items with findings are kept in full; the others are
// counted. Severity-indexed arrays use static_cast<size_t>(Severity).
#ifndef DRAFTGUARD_AUDIT_AUDIT_REPORT_H_
#define DRAFTGUARD_AUDIT_AUDIT_REPORT_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "audit/linkedin_export.h"
#include "draftguard/finding.h"

namespace draftguard::audit {

inline constexpr int kSeverityCount = 3;
using SeverityCounts = std::array<size_t, kSeverityCount>;  // low, medium, high

// An item with at least one finding.
struct FlaggedItem {
  ExportItem item;
  std::vector<Finding> findings;  // as the engine returned them: by start
  Severity max_severity = Severity::kLow;
};

struct AuditReport {
  // About the run, for the report's header.
  std::string source_name;   // file or folder name of the export, no directory
  std::string source_kind;   // "zip" or "folder"
  std::string generated_at;  // "2026-11-28 14:05 UTC"
  std::string lists_source;  // where keyword lists came from, or "none"
  size_t rules = 0;          // engine rules and terms loaded
  size_t terms = 0;

  std::array<size_t, kItemKindCount> items{};            // audited, per ItemKind
  std::array<size_t, kItemKindCount> flagged_by_kind{};  // with a finding, per ItemKind
  std::array<SeverityCounts, kCategoryCount> findings{};  // per Category
  size_t finding_count = 0;
  // Findings per month ("2024-03") by severity; months with none are absent.
  std::map<std::string, SeverityCounts> by_month;
  size_t findings_without_date = 0;

  // Most severe first, then most findings, then newest.
  std::vector<FlaggedItem> flagged;
  std::vector<ReadProblem> problems;
};

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_AUDIT_REPORT_H_
