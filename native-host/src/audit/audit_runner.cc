#include "audit/audit_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace draftguard::audit {
namespace {

// Items a worker takes at a time: large enough to keep the shared counter
// cold, small enough to balance a mix of short comments and long articles.
constexpr size_t kChunk = 64;

struct ItemError {
  size_t index;
  Status status;
};

}  // namespace

AuditReport RunAudit(const Engine& engine, ExportContents contents, const AuditOptions& options,
                     const ProgressCallback& progress) {
  std::vector<ExportItem>& items = contents.items;
  const size_t total = items.size();
  std::vector<std::vector<Finding>> findings(total);

  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 16u);
  threads = static_cast<unsigned>(std::min<size_t>(threads, (total + kChunk - 1) / kChunk));
  if (threads == 0) threads = 1;

  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<unsigned> running{threads};
  std::mutex mu;
  std::condition_variable finished;
  std::vector<std::vector<ItemError>> errors(threads);

  auto work = [&](unsigned w) {
    AnalyzeOptions analyze;
    analyze.domain = options.domain;
    while (true) {
      size_t begin = next.fetch_add(kChunk, std::memory_order_relaxed);
      if (begin >= total) break;
      size_t end = std::min(total, begin + kChunk);
      for (size_t i = begin; i < end; ++i) {
        Result<std::vector<Finding>> r = engine.Analyze(items[i].text, analyze);
        if (r.ok())
          findings[i] = std::move(r).value();
        else
          errors[w].push_back({i, r.status()});
      }
      done.fetch_add(end - begin, std::memory_order_relaxed);
    }
    if (running.fetch_sub(1) == 1) {
      std::lock_guard<std::mutex> lock(mu);
      finished.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned w = 0; w < threads; ++w) pool.emplace_back(work, w);
  {
    std::unique_lock<std::mutex> lock(mu);
    while (running.load() > 0) {
      finished.wait_for(lock, std::chrono::milliseconds(100));
      if (progress) progress(done.load(std::memory_order_relaxed), total);
    }
  }
  for (std::thread& t : pool) t.join();
  if (progress) progress(total, total);

  AuditReport report;
  report.items = contents.counts;
  report.problems = std::move(contents.problems);
  for (const std::vector<ItemError>& errs : errors) {
    for (const ItemError& e : errs) {
      const ExportItem& item = items[e.index];
      report.problems.push_back(
          {ProblemKind::kUnreadable, item.file, item.line, "not analysed: " + e.status.ToString()});
    }
  }

  for (size_t i = 0; i < total; ++i) {
    if (findings[i].empty()) continue;
    FlaggedItem flagged;
    flagged.item = std::move(items[i]);
    flagged.findings = std::move(findings[i]);
    for (const Finding& f : flagged.findings) {
      size_t sev = static_cast<size_t>(f.severity);
      ++report.findings[static_cast<size_t>(f.category)][sev];
      ++report.finding_count;
      if (flagged.item.month.empty())
        ++report.findings_without_date;
      else
        ++report.by_month[flagged.item.month][sev];
      flagged.max_severity = std::max(flagged.max_severity, f.severity);
    }
    ++report.flagged_by_kind[static_cast<size_t>(flagged.item.kind)];
    report.flagged.push_back(std::move(flagged));
  }
  std::stable_sort(report.flagged.begin(), report.flagged.end(),
                   [](const FlaggedItem& a, const FlaggedItem& b) {
                     if (a.max_severity != b.max_severity) return a.max_severity > b.max_severity;
                     if (a.findings.size() != b.findings.size())
                       return a.findings.size() > b.findings.size();
                     return a.item.date > b.item.date;
                   });
  return report;
}

}  // namespace draftguard::audit
