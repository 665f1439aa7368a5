#include "protocol/lists_csv.h"

#include <doctest/doctest.h>

namespace draftguard::protocol {
namespace {

TEST_CASE("CSV round-trips quoting, commas and accents") {
  ListsDocument doc;
  TermList l;
  l.name = "clients";
  l.category = Category::kCompetitor;
  l.severity = Severity::kMedium;
  l.terms = {"Globex, Inc.", "say \"hi\"", "Société Générale"};
  doc.domains["linkedin.com"].push_back(l);
  std::string csv = ListsToCsv(doc);
  Result<ListsDocument> back = ListsFromCsv(csv);
  REQUIRE(back.ok());
  REQUIRE(back.value().domains.count("linkedin.com") == 1);
  const TermList& b = back.value().domains.at("linkedin.com")[0];
  CHECK(b.name == "clients");
  CHECK(b.category == Category::kCompetitor);
  CHECK(b.severity == Severity::kMedium);
  CHECK(b.terms == l.terms);
}

TEST_CASE("CSV defaults, BOM, CRLF and scope normalisation") {
  Result<ListsDocument> d = ListsFromCsv("\xEF\xBB\xBF" "domain,name,category,severity,term\r\nwww.LinkedIn.com,x,,,Falcon\r\n");
  REQUIRE(d.ok());
  const TermList& l = d.value().domains.at("linkedin.com")[0];
  CHECK(l.category == Category::kKeyword);
  CHECK(l.severity == Severity::kHigh);
  CHECK(l.terms == std::vector<std::string>{"Falcon"});
}

TEST_CASE("CSV errors name the line") {
  Result<ListsDocument> d = ListsFromCsv("domain,name,category,severity,term\n*,x,keyword,high,A\n*,x,nope,high,B\n");
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().item() == "line 3");
  CHECK_FALSE(ListsFromCsv("term\nA\n").ok());
  CHECK_FALSE(ListsFromCsv("domain,name,category,severity,term\n*,x,,,\"open\n").ok());
  CHECK(ListsFromCsv("domain,name,category,severity,term\n*,x,keyword,low,A\n*,x,keyword,high,B\n").status().item() == "line 3");
}

}  // namespace
}  // namespace draftguard::protocol
