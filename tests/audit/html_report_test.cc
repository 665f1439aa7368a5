#include "audit/html_report.h"

#include <doctest/doctest.h>

#include <sstream>

#include "report_fixture.h"

namespace draftguard::audit {
namespace {

std::string Render(const AuditReport& r) {
  std::ostringstream out;
  WriteHtmlReport(r, out);
  return out.str();
}

bool Has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

TEST_CASE("html report: highlights the leaking spans at their UTF-16 offsets") {
  std::string html = Render(testing::SampleReport());
  // Falcon after an emoji: the offsets are UTF-16, so the mark is exact.
  CHECK(Has(html,
            "🎉 <mark class=\"sev-high\" title=\"Your keyword lists: &#39;Falcon&#39; is on "
            "your codenames list\">Falcon</mark>"));
  // Overlapping findings split into segments; the overlap carries both reasons
  // and the highest severity.
  CHECK(Has(
      html,
      "&amp; &lt;<mark class=\"sev-medium\" title=\"Your keyword lists: &#39;Acme Corp&#39; is on "
      "your clients list\">Acme </mark>"));
  CHECK(Has(html,
            "title=\"Your keyword lists: &#39;Acme Corp&#39; is on your clients list\n"
            "Client and campaign results: A client&#39;s result with a figure\">Corp</mark>"));
  CHECK(Has(html, "figure\">&gt; grew 37 %</mark>"));
  CHECK(Has(html, "<div class=\"suggestion\">Safer: say &quot;a strong lift&quot;</div>"));
}

TEST_CASE("html report: links, summary, chart, problems, opt-out, local notice") {
  std::string html = Render(testing::SampleReport());
  CHECK(
      Has(html,
          "<a class=\"open\" href=\"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1/\" "
          "rel=\"noreferrer noopener\" target=\"_blank\">Open on LinkedIn to edit or delete</a>"));
  CHECK(Has(html, "no link in the export"));
  CHECK(Has(html, std::string("href=\"") + std::string(kOptOutUrl) + "\""));
  CHECK(Has(html, "Nothing left this computer."));
  CHECK(Has(html, "Audited 3 posts, 1 comment and 0 articles."));
  CHECK(Has(html, "<b>2 items need a look</b>: 1 high, 0 medium, 1 low (4 findings)."));
  CHECK(Has(html,
            "<tr><td>Your keyword lists</td><td class=\"n\">1</td><td class=\"n\">1</td>"
            "<td class=\"n\">1</td><td class=\"n\">3</td></tr>"));
  CHECK(Has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""));
  CHECK(Has(html, "1 finding has no usable date"));
  CHECK(Has(html, "<tr><td>Malformed rows</td><td class=\"n\">1</td></tr>"));
  CHECK(Has(html,
            "<td>Shares.csv</td><td class=\"n\">9</td><td>3 fields where the header has 6; row "
            "skipped</td>"));
  // Most severe first.
  CHECK(html.find("sev-high\" id=\"item-1\"") != std::string::npos);
  CHECK(html.find("sev-low\" id=\"item-2\"") != std::string::npos);
}

TEST_CASE("html report: self-contained and inert") {
  std::string html = Render(testing::SampleReport());
  CHECK(Has(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "));
  CHECK(!Has(html, "<script"));
  CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(!Has(html, "src="));
  CHECK(!Has(html, "<link"));
  CHECK(!Has(html, "url("));
  CHECK(!Has(html, "@import"));
  // Every href is the opt-out link or an item link.
  for (size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1))
    CHECK(html.compare(at + 6, 25, "https://www.linkedin.com/") == 0);
}

TEST_CASE("html report: a clean audit says so") {
  AuditReport r;
  r.items = {10, 0, 0};
  std::string html = Render(r);
  CHECK(Has(html, "<b>No finding.</b>"));
  CHECK(Has(html, "No dated finding to chart."));
  CHECK(Has(html, "Every file and row was read without a problem."));
}

TEST_CASE("html report: long problem lists are cut, counts stay whole") {
  AuditReport r;
  for (size_t i = 0; i < kMaxProblemsListed + 5; ++i)
    r.problems.push_back(
        {ProblemKind::kNotUtf8, "Shares.csv", i + 2, "1 byte not UTF-8, read as Windows-1252"});
  std::string html = Render(r);
  CHECK(Has(html, "<td class=\"n\">" + std::to_string(kMaxProblemsListed + 5) + "</td>"));
  CHECK(Has(html, "5 more are listed in report.json."));
}

}  // namespace
}  // namespace draftguard::audit
