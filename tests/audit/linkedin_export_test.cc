#include "audit/linkedin_export.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "export_fixture.h"

namespace draftguard::audit {
namespace {

using testing::TempDir;

size_t CountProblems(const ExportContents& c, ProblemKind kind) {
  return static_cast<size_t>(
      std::count_if(c.problems.begin(), c.problems.end(),
                    [kind](const ReadProblem& p) { return p.kind == kind; }));
}

const ReadProblem* FindProblem(const ExportContents& c, ProblemKind kind, std::string_view file) {
  for (const ReadProblem& p : c.problems)
    if (p.kind == kind && p.file == file) return &p;
  return nullptr;
}

TEST_CASE("linkedin export: the sample's posts, comments and article") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "export.zip", testing::SampleExport());
  auto src = ExportSource::Open(tmp.path() / "export.zip");
  REQUIRE(src.ok());
  auto read = ReadLinkedInExport(*src.value());
  REQUIRE(read.ok());
  const ExportContents& c = read.value();
  CHECK(c.counts[0] == 8);  // 9 rows, one malformed
  CHECK(c.counts[1] == 2);  // 3 rows, one malformed
  CHECK(c.counts[2] == 1);
  REQUIRE(c.items.size() == 11);

  const ExportItem& first = c.items[0];
  CHECK(first.kind == ItemKind::kPost);
  CHECK(first.line == 2);
  CHECK(first.date == "2024-03-05 09:12:44");
  CHECK(first.month == "2024-03");
  CHECK(first.visibility == "MEMBER_NETWORK");
  CHECK(first.url ==
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000001/");
  CHECK(first.text ==
        "Big week for the team! 🚀\nProject Falcon ships to Acme Corp in May.\nThanks all");

  CHECK(c.items[1].text ==
        "She said \"this stays internal, it's confidential\" and yet: Initech grew, fast.");
  CHECK(c.items[1].line == 5);
  CHECK(c.items[2].text.find("levée de fonds face à Globex") != std::string::npos);
  // Windows-1252 bytes read as such.
  CHECK(c.items[4].text == "Présentation interne : l’équipe Falcon");
  // A javascript: link is not kept.
  CHECK(c.items[6].url.empty());

  const ExportItem& comment = c.items[8];
  CHECK(comment.kind == ItemKind::kComment);
  CHECK(comment.text == "Agreed, and Falcon's beta numbers were even better \"off the record\"");
  CHECK(comment.url.find("commentUrn=") != std::string::npos);

  const ExportItem& article = c.items[10];
  CHECK(article.kind == ItemKind::kArticle);
  CHECK(article.title == "Our road to Falcon");
  CHECK(article.url == "https://www.linkedin.com/pulse/our-road-falcon-jane-doe");
  CHECK(article.date == "2024-05-11 09:30");
  CHECK(article.month == "2024-05");
  CHECK(article.text.find("Internal only: Acme\u00A0Corp renewed for €1.2M.") != std::string::npos);
  CHECK(article.text.find("evil") == std::string::npos);

  const ReadProblem* bad_share = FindProblem(c, ProblemKind::kMalformedRow, "Shares.csv");
  REQUIRE(bad_share != nullptr);
  CHECK(bad_share->line == 9);
  CHECK(bad_share->reason == "3 fields where the header has 6; row skipped");
  const ReadProblem* bad_comment = FindProblem(c, ProblemKind::kMalformedRow, "Comments.csv");
  REQUIRE(bad_comment != nullptr);
  CHECK(bad_comment->line == 4);
  const ReadProblem* latin1 = FindProblem(c, ProblemKind::kNotUtf8, "Shares.csv");
  REQUIRE(latin1 != nullptr);
  CHECK(latin1->line == 10);
  CHECK(latin1->reason == "3 bytes not UTF-8, read as Windows-1252");
  CHECK(c.problems.size() == 3);
  // Reasons never quote the text.
  for (const ReadProblem& p : c.problems) CHECK(p.reason.find("Falcon") == std::string::npos);
}

TEST_CASE("linkedin export: a missing file is reported and the rest is read") {
  TempDir tmp;
  testing::ExportFiles files = testing::SampleExport();
  files.erase("Comments.csv");
  testing::WriteFolder(tmp.path() / "Basic_LinkedInDataExport_11-28-2026", files);
  // Pointing at the parent folder works too: files are found one level down.
  auto src = ExportSource::Open(tmp.path());
  REQUIRE(src.ok());
  auto read = ReadLinkedInExport(*src.value());
  REQUIRE(read.ok());
  CHECK(read.value().counts[0] == 8);
  CHECK(read.value().counts[1] == 0);
  const ReadProblem* missing = FindProblem(read.value(), ProblemKind::kMissingFile, "Comments.csv");
  REQUIRE(missing != nullptr);
  CHECK(missing->reason == "not in the export: comments were not audited");
}

TEST_CASE("linkedin export: columns are found by name; unknown and missing ones reported") {
  ExportContents c;
  ReadCsvItems("Visibility, MESSAGE ,Extra\nPUBLIC,hello,1\n", "Comments.csv", ItemKind::kComment,
               &c);
  REQUIRE(c.items.size() == 1);
  CHECK(c.items[0].text == "hello");
  CHECK(c.items[0].date.empty());
  CHECK(CountProblems(c, ProblemKind::kUnknownColumn) == 2);  // Visibility is not a comments column
  CHECK(CountProblems(c, ProblemKind::kMissingColumn) == 2);  // Date, Link

  ExportContents none;
  ReadCsvItems("Date,Link\n2024-01-01,x\n", "Comments.csv", ItemKind::kComment, &none);
  CHECK(none.items.empty());
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].reason == "no 'Message' column: the file was not audited");

  ExportContents empty;
  ReadCsvItems("", "Shares.csv", ItemKind::kPost, &empty);
  CHECK(empty.items.empty());
  CHECK(empty.problems.empty());
}

TEST_CASE("linkedin export: something else is refused with a clear error") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "holiday.zip",
                    {{"IMG_0001.jpg", "\xFF\xD8\xFF"}, {"notes.csv", "a,b\n"}});
  auto src = ExportSource::Open(tmp.path() / "holiday.zip");
  REQUIRE(src.ok());
  auto read = ReadLinkedInExport(*src.value());
  CHECK(read.status().code() == ErrorCode::kInvalidArgument);
  CHECK(read.status().message().find("not a LinkedIn data export") == 0);
}

TEST_CASE("linkedin export: months") {
  CHECK(MonthOf("2024-03-05 09:12:44") == "2024-03");
  CHECK(MonthOf(" 2024/12/31") == "2024-12");
  CHECK(MonthOf("2024-13-01").empty());
  CHECK(MonthOf("05/03/2024").empty());
  CHECK(MonthOf("").empty());
}

}  // namespace
}  // namespace draftguard::audit
