#include "audit/csv_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace draftguard::audit {
namespace {

std::vector<CsvRecord> ReadAll(std::string_view data) {
  CsvReader reader(data);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.Next(&r)) out.push_back(r);
  return out;
}

using Fields = std::vector<std::string>;

TEST_CASE("csv: plain records, LF and CRLF, missing final line end") {
  auto rows = ReadAll("a,b,c\r\n1,2,3\n4,5,6");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "b", "c"});
  CHECK(rows[1].fields == Fields{"1", "2", "3"});
  CHECK(rows[2].fields == Fields{"4", "5", "6"});
  CHECK(rows[2].line == 3);
  for (const auto& r : rows) CHECK(r.error.empty());
}

TEST_CASE("csv: a byte order mark is skipped, not part of the first name") {
  auto rows = ReadAll(
      "\xEF\xBB\xBF"
      "Date,Link\r\nx,y\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"Date", "Link"});
}

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks") {
  auto rows = ReadAll("h1,h2\r\n\"a, b\",\"say \"\"hi\"\"\nand\r\nbye\"\r\nnext,row\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == Fields{"a, b", "say \"hi\"\nand\r\nbye"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 5);  // the quoted field spanned lines 2-4
  CHECK(rows[1].error.empty());
}

TEST_CASE("csv: empty fields, trailing comma, lone CR line ends, blank lines") {
  auto rows = ReadAll("a,,c,\r\r\n\nx,\"\",z,\rlast");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "", "c", ""});
  CHECK(rows[1].fields == Fields{"x", "", "z", ""});
  CHECK(rows[2].fields == Fields{"last"});
}

TEST_CASE("csv: emoji and multi-byte text pass through untouched") {
  auto rows = ReadAll("t\n\"🚀 levée de fonds, prévue\"\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"🚀 levée de fonds, prévue"});
}

TEST_CASE("csv: malformed records are returned with the reason, reading goes on") {
  auto rows = ReadAll("a,b\nx\"y,2\n\"closed\"tail,3\nok,4\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].error == "a quote inside an unquoted field");
  CHECK(rows[1].fields == Fields{"x\"y", "2"});
  CHECK(rows[2].error == "text after a closing quote");
  CHECK(rows[2].fields == Fields{"closedtail", "3"});
  CHECK(rows[3].error.empty());
  CHECK(rows[3].fields == Fields{"ok", "4"});
}

TEST_CASE("csv: an unterminated quote runs to the end and says so") {
  auto rows = ReadAll("a,b\n1,\"never closed\n2,3\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].error == "a quoted field is not closed before the end of the file");
  CHECK(rows[1].fields == Fields{"1", "never closed\n2,3\n"});
}

TEST_CASE("csv: empty input and input of only line ends have no record") {
  CHECK(ReadAll("").empty());
  CHECK(ReadAll("\r\n\n").empty());
  CHECK(ReadAll("\xEF\xBB\xBF").empty());
}

}  // namespace
}  // namespace draftguard::audit
