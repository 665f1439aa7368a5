// The real binary on an export generated here, as a person would run it.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <filesystem>
#include <string>

#include "export_fixture.h"
#include "run_binary.h"

namespace draftguard::audit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using testing::Run;
using testing::TempDir;

const std::string kBinary = DG_BINARY;

bool Has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

size_t Count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// Text of the export that must never reach stderr.
void CheckNoPostText(const std::string& err) {
  for (const char* secret : {"Falcon", "Acme", "Globex", "Confidentiel", "Initech", "levée"})
    CHECK_MESSAGE(!Has(err, secret), "stderr quotes the export: ", secret);
}

struct Audited {
  TempDir tmp;
  testing::RunResult run;
  std::string html;
  json::value report;
};

void AuditSample(Audited* a, bool as_zip) {
  testing::ExportFiles files = testing::SampleExport();
  fs::path input;
  if (as_zip) {
    input = a->tmp.path() / "Basic_LinkedInDataExport_11-28-2026.zip";
    testing::WriteZip(input, files);
  } else {
    files.erase("Comments.csv");  // the missing file
    input = a->tmp.path() / "unpacked";
    testing::WriteFolder(input, files);
  }
  testing::WriteFile(a->tmp.path() / "lists.json", testing::SampleListsJson());
  // An empty XDG_CONFIG_HOME: the user's own stored lists must not leak in.
  setenv("XDG_CONFIG_HOME", (a->tmp.path() / "config").c_str(), 1);
  a->run =
      Run({kBinary, "audit", input.string(), "--lists", (a->tmp.path() / "lists.json").string(),
           "--out", (a->tmp.path() / "report").string()},
          a->tmp.path());
  a->html = testing::ReadFile(a->tmp.path() / "report" / "report.html");
  std::string j = testing::ReadFile(a->tmp.path() / "report" / "report.json");
  if (!j.empty()) a->report = json::parse(j);
}

const json::object* FlaggedWithText(const json::value& report, std::string_view needle) {
  for (const json::value& v : report.at("flagged").as_array())
    if (Has(std::string(v.at("text").as_string()), needle)) return &v.as_object();
  return nullptr;
}

TEST_CASE("audit CLI: the sample zip, end to end") {
  Audited a;
  AuditSample(&a, true);
  CHECK(a.run.status == 1);  // findings of medium and above
  CHECK(
      Has(a.run.out,
          "Audited 8 posts, 2 comments and 1 article in Basic_LinkedInDataExport_11-28-2026.zip."));
  CHECK(Has(a.run.out, "3 problems while reading (2 malformed_row, 1 not_utf8)"));
  CHECK(Has(a.run.out, "Nothing was sent anywhere."));
  CheckNoPostText(a.run.err);
  CheckNoPostText(a.run.out);
  REQUIRE(!a.html.empty());
  REQUIRE(a.report.is_object());

  // Keyword findings from the lists, at the right places.
  const json::value& r = a.report;
  CHECK(r.at("items_audited").at("post").to_number<uint64_t>() == 8);
  CHECK(r.at("items_audited").at("comment").to_number<uint64_t>() == 2);
  CHECK(r.at("items_audited").at("article").to_number<uint64_t>() == 1);
  CHECK(r.at("sent_anywhere").as_bool() == false);
  CHECK(r.at("source").at("kind").as_string() == "zip");

  const json::object* emoji = FlaggedWithText(r, "👀 soon");
  REQUIRE(emoji != nullptr);
  CHECK(emoji->at("url").as_string() ==
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000007/");
  bool falcon_exact = false;
  for (const json::value& f : emoji->at("findings").as_array()) {
    if (f.at("rule").as_string() != "list.codenames") continue;
    falcon_exact = f.at("excerpt").as_string() == "Falcon" && f.at("start").as_int64() == 5 &&
                   f.at("end").as_int64() == 11;
  }
  CHECK(falcon_exact);

  const json::object* french = FlaggedWithText(r, "Globex");
  REQUIRE(french != nullptr);  // the linkedin.com list applies to LinkedIn posts
  CHECK(french->at("max_severity").as_string() != "low");

  const json::object* latin1 = FlaggedWithText(r, "Présentation interne");
  REQUIRE(latin1 != nullptr);  // Windows-1252 bytes read and still audited

  const json::object* comment = FlaggedWithText(r, "off the record");
  REQUIRE(comment != nullptr);
  CHECK(comment->at("kind").as_string() == "comment");
  CHECK(Has(std::string(comment->at("url").as_string()), "commentUrn="));

  const json::object* article = FlaggedWithText(r, "renewed for");
  REQUIRE(article != nullptr);
  CHECK(article->at("kind").as_string() == "article");
  CHECK(article->at("url").as_string() ==
        "https://www.linkedin.com/pulse/our-road-falcon-jane-doe");

  const json::object* hostile = FlaggedWithText(r, "<script>");
  REQUIRE(hostile != nullptr);
  CHECK(hostile->at("url").as_string() == "");

  // The row that is only three fields is reported, not audited.
  CHECK(FlaggedWithText(r, "broken row") == nullptr);
  CHECK(r.at("problems").at("counts").at("malformed_row").as_int64() == 2);
  CHECK(r.at("problems").at("counts").at("not_utf8").as_int64() == 1);

  // The HTML: highlights, links, opt-out, problems, chart, nothing active.
  const std::string& html = a.html;
  CHECK(Has(html, "🎉🎉 <mark class=\"sev-high\""));
  CHECK(Has(html, "\">Falcon</mark> 👀 soon"));
  CHECK(
      Has(html,
          "href=\"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000001/\""));
  CHECK(Has(html, "href=\"https://www.linkedin.com/pulse/our-road-falcon-jane-doe\""));
  CHECK(Has(html, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"));
  CHECK(Has(html, "Nothing left this computer."));
  CHECK(Has(html,
            "<td>Shares.csv</td><td class=\"n\">9</td><td>3 fields where the header has 6; row "
            "skipped</td>"));
  CHECK(Has(html, "<td>Comments.csv</td><td class=\"n\">4</td>"));
  CHECK(Has(html,
            "<td>Shares.csv</td><td class=\"n\">10</td><td>3 bytes not UTF-8, read as "
            "Windows-1252</td>"));
  CHECK(Has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""));
  CHECK(Has(html, ">2023-11</text>"));
  CHECK(!Has(html, "<script"));
  CHECK(!Has(html, "javascript:"));
  CHECK(!Has(html, "<img"));
  CHECK(Has(html,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
  CHECK(Count(html, "<article class=\"item") == a.report.at("flagged").as_array().size());
  CHECK((fs::status(a.tmp.path() / "report").permissions() & fs::perms::others_all) ==
        fs::perms::none);
}

TEST_CASE("audit CLI: an unpacked folder with Comments.csv missing") {
  Audited a;
  AuditSample(&a, false);
  CHECK(a.run.status == 1);
  CHECK(Has(a.run.out, "Audited 8 posts, 0 comments and 1 article in unpacked."));
  CHECK(Has(a.run.out, "1 missing_file"));
  CHECK(a.report.at("source").at("kind").as_string() == "folder");
  CHECK(a.report.at("problems").at("counts").at("missing_file").as_int64() == 1);
  CHECK(Has(a.html,
            "<td>Comments.csv</td><td class=\"n\"></td><td>not in the export: comments were not "
            "audited</td>"));
  CheckNoPostText(a.run.err);
}

TEST_CASE("audit CLI: what is not an export is refused with exit 2 and a clear message") {
  TempDir tmp;
  testing::WriteFile(tmp.path() / "notes.txt", "hello\n");
  testing::WriteZip(tmp.path() / "photos.zip", {{"IMG_0001.jpg", "\xFF\xD8\xFF"}});

  auto run = Run(
      {kBinary, "audit", (tmp.path() / "notes.txt").string(), "--out", (tmp.path() / "o").string()},
      tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "notes.txt: not a zip archive nor a folder"));

  run = Run({kBinary, "audit", (tmp.path() / "photos.zip").string(), "--out",
             (tmp.path() / "o").string()},
            tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "photos.zip: not a LinkedIn data export"));

  run = Run({kBinary, "audit", (tmp.path() / "nowhere.zip").string()}, tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "nowhere.zip: no such file or folder"));

  run = Run({kBinary, "audit"}, tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "no export given"));

  run = Run({kBinary, "audit", "x.zip", "--bogus", "1"}, tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "unknown option --bogus"));

  // Nothing was written for a refused input.
  CHECK(!fs::exists(tmp.path() / "o"));

  run = Run({kBinary, "audit", "--help"}, tmp.path());
  CHECK(run.status == 0);
  CHECK(Has(run.out, "usage: draftguard audit PATH"));
}

TEST_CASE("audit CLI: a bad lists file is an input error") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "e.zip", testing::SampleExport());
  testing::WriteFile(tmp.path() / "lists.json", "{\"version\":1,\"domains\":");
  auto run = Run({kBinary, "audit", (tmp.path() / "e.zip").string(), "--lists",
                  (tmp.path() / "lists.json").string(), "--out", (tmp.path() / "o").string()},
                 tmp.path());
  CHECK(run.status == 2);
  CHECK(Has(run.err, "lists.json"));
}

TEST_CASE("audit CLI: stored lists are used when --lists is not given") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "e.zip", testing::SampleExport());
  testing::WriteFile(tmp.path() / "config" / "draftguard" / "lists.json",
                     R"({"schema":1,"revision":3,"version":1,"domains":{"*":{"lists":[
                        {"name":"projects","severity":"high","terms":["Falcon"]}]}}})");
  setenv("XDG_CONFIG_HOME", (tmp.path() / "config").c_str(), 1);
  auto run =
      Run({kBinary, "audit", (tmp.path() / "e.zip").string(), "--out", (tmp.path() / "o").string()},
          tmp.path());
  CHECK(run.status == 1);
  std::string j = testing::ReadFile(tmp.path() / "o" / "report.json");
  REQUIRE(!j.empty());
  json::value v = json::parse(j);
  CHECK(Has(std::string(v.at("lists").as_string()), "your stored lists"));
  CHECK(v.at("findings").at("by_category").at("keyword").at("high").to_number<uint64_t>() >= 5);
}

}  // namespace
}  // namespace draftguard::audit
