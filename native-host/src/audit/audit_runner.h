// Runs the engine over every item of an export and builds the AuditReport.
//
// Design decision: the engine's Analyze() is const and thread-safe, so the
// items are split across worker threads that each write only their own
// result slots; nothing is locked per item. The caller's progress callback
// runs on the calling thread only, so it may write to a terminal freely.
#ifndef DRAFTGUARD_AUDIT_AUDIT_RUNNER_H_
#define DRAFTGUARD_AUDIT_AUDIT_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "audit/audit_report.h"
#include "audit/linkedin_export.h"
#include "draftguard/engine.h"

namespace draftguard::audit {

struct AuditOptions {
  // The site the posts were published on; selects the keyword lists that
  // apply (lists of scope "*" always do).
  std::string domain = "www.linkedin.com";
  // Worker threads; 0 means one per hardware thread (at most 16).
  unsigned threads = 0;
};

// Called with (items analysed, items in total), at most ~10 times a second
// and once at the end.
using ProgressCallback = std::function<void(size_t done, size_t total)>;

// Analyses every item of `contents` (which is consumed). An item the engine
// refuses (too large, regex memory exhausted) becomes a ReadProblem of kind
// kUnreadable naming the engine's error, and the audit goes on. The report's
// run fields (source_name, generated_at, …) are left for the caller to fill.
// Cost: the engine's cost per item, divided among the threads.
AuditReport RunAudit(const Engine& engine, ExportContents contents, const AuditOptions& options,
                     const ProgressCallback& progress = {});

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_AUDIT_RUNNER_H_
