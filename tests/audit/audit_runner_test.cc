#include "audit/audit_runner.h"

#include <doctest/doctest.h>

#include <thread>
#include <vector>

namespace draftguard::audit {
namespace {

// An engine with no rule pack and one list, so what it finds is known.
std::unique_ptr<Engine> CodenameEngine() {
  std::vector<LoadProblem> problems;
  std::unique_ptr<Engine> engine = Engine::Create(Options(), {}, &problems);
  REQUIRE(engine != nullptr);
  TermList codenames;
  codenames.name = "codenames";
  codenames.severity = Severity::kHigh;
  codenames.terms = {"Falcon"};
  TermList rivals;
  rivals.name = "rivals";
  rivals.category = Category::kCompetitor;
  rivals.severity = Severity::kMedium;
  rivals.terms = {"Globex"};
  REQUIRE(engine->SetLists("*", std::vector<TermList>{codenames}).ok());
  REQUIRE(engine->SetLists("linkedin.com", std::vector<TermList>{rivals}).ok());
  return engine;
}

ExportItem Item(ItemKind kind, std::string date, std::string text) {
  ExportItem item;
  item.kind = kind;
  item.file = kind == ItemKind::kPost ? "Shares.csv" : "Comments.csv";
  item.date = date;
  item.month = date.substr(0, 7);
  item.text = std::move(text);
  return item;
}

TEST_CASE("runner: counts, sorting, months, and the LinkedIn lists apply") {
  auto engine = CodenameEngine();
  ExportContents contents;
  contents.items = {
      Item(ItemKind::kPost, "2024-01-02", "Nothing here"),
      Item(ItemKind::kPost, "2024-02-03", "Globex is slow"),
      Item(ItemKind::kComment, "2024-02-10", "🎉 Falcon and Falcon"),
      Item(ItemKind::kPost, "", "Falcon without a date"),
  };
  contents.counts = {3, 1, 0};
  contents.problems.push_back({ProblemKind::kMissingFile, "Articles", 0, "x"});

  AuditReport r = RunAudit(*engine, std::move(contents), AuditOptions());
  CHECK(r.items[0] == 3);
  CHECK(r.items[1] == 1);
  REQUIRE(r.flagged.size() == 3);
  // High before medium; among the highs, more findings first.
  CHECK(r.flagged[0].item.text == "🎉 Falcon and Falcon");
  CHECK(r.flagged[0].findings.size() == 2);
  CHECK(r.flagged[0].findings[0].start == 3);
  CHECK(r.flagged[0].findings[0].end == 9);
  CHECK(r.flagged[1].item.text == "Falcon without a date");
  CHECK(r.flagged[2].item.text == "Globex is slow");  // the linkedin.com list applied
  CHECK(r.flagged[2].max_severity == Severity::kMedium);
  CHECK(r.finding_count == 4);
  CHECK(r.findings[static_cast<size_t>(Category::kKeyword)][2] == 3);
  CHECK(r.findings[static_cast<size_t>(Category::kCompetitor)][1] == 1);
  CHECK(r.flagged_by_kind[0] == 2);
  CHECK(r.flagged_by_kind[1] == 1);
  CHECK(r.by_month.size() == 1);
  CHECK(r.by_month["2024-02"] == SeverityCounts{0, 1, 2});
  CHECK(r.findings_without_date == 1);
  CHECK(r.problems.size() == 1);
}

TEST_CASE("runner: many items over several threads, progress on the caller's thread") {
  auto engine = CodenameEngine();
  ExportContents contents;
  const size_t n = 5000;
  for (size_t i = 0; i < n; ++i)
    contents.items.push_back(
        Item(ItemKind::kComment, "2024-03-01", i % 10 == 0 ? "Falcon!" : "fine"));
  contents.counts = {0, n, 0};
  std::thread::id caller = std::this_thread::get_id();
  size_t last_done = 0, calls = 0;
  bool same_thread = true;
  AuditOptions options;
  options.threads = 4;
  AuditReport r = RunAudit(*engine, std::move(contents), options, [&](size_t done, size_t total) {
    same_thread = same_thread && std::this_thread::get_id() == caller;
    CHECK(total == n);
    CHECK(done >= last_done);
    last_done = done;
    ++calls;
  });
  CHECK(same_thread);
  CHECK(calls >= 1);
  CHECK(last_done == n);
  CHECK(r.flagged.size() == n / 10);
}

TEST_CASE("runner: an item the engine refuses becomes a problem, the rest goes on") {
  std::vector<LoadProblem> problems;
  Options options;
  options.max_text_bytes = 16;
  auto engine = Engine::Create(options, {}, &problems);
  TermList codenames;
  codenames.name = "codenames";
  codenames.terms = {"Falcon"};
  REQUIRE(engine->SetLists("*", std::vector<TermList>{codenames}).ok());
  ExportContents contents;
  contents.items = {Item(ItemKind::kPost, "2024-01-01", "Falcon"),
                    Item(ItemKind::kPost, "2024-01-01", std::string(100, 'x'))};
  contents.items[1].line = 3;
  contents.counts = {2, 0, 0};
  AuditReport r = RunAudit(*engine, std::move(contents), AuditOptions());
  CHECK(r.flagged.size() == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].kind == ProblemKind::kUnreadable);
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].reason.rfind("not analysed: ", 0) == 0);
}

TEST_CASE("runner: an empty export") {
  auto engine = CodenameEngine();
  AuditReport r = RunAudit(*engine, ExportContents(), AuditOptions());
  CHECK(r.flagged.empty());
  CHECK(r.finding_count == 0);
}

}  // namespace
}  // namespace draftguard::audit
