#include "audit/json_report.h"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <sstream>

#include "report_fixture.h"

namespace draftguard::audit {
namespace {

namespace json = boost::json;

TEST_CASE("json report: the documented shape") {
  std::ostringstream out;
  WriteJsonReport(testing::SampleReport(), out);
  json::value v = json::parse(out.str());
  const json::object& o = v.as_object();
  CHECK(o.at("format").as_string() == "draftguard-audit");
  CHECK(o.at("format_version").as_int64() == 1);
  CHECK(o.at("sent_anywhere").as_bool() == false);
  CHECK(o.at("source").at("name").as_string() == "Basic_LinkedInDataExport.zip");
  CHECK(o.at("items_audited").at("post").to_number<uint64_t>() == 3);
  CHECK(o.at("items_flagged").at("comment").to_number<uint64_t>() == 1);
  CHECK(o.at("findings").at("total").to_number<uint64_t>() == 4);
  const json::object& cats = o.at("findings").at("by_category").as_object();
  CHECK(cats.size() == 7);
  CHECK(cats.at("keyword").at("high").to_number<uint64_t>() == 1);
  CHECK(cats.at("pii").at("low").to_number<uint64_t>() == 0);
  REQUIRE(o.at("by_month").as_array().size() == 1);
  CHECK(o.at("by_month").at(0).at("month").as_string() == "2024-03");
  CHECK(o.at("by_month").at(0).at("high").to_number<uint64_t>() == 1);
  CHECK(o.at("problems").at("counts").at("malformed_row").as_int64() == 1);
  CHECK(o.at("problems").at("list").at(1).at("kind").as_string() == "missing_file");

  const json::array& flagged = o.at("flagged").as_array();
  REQUIRE(flagged.size() == 2);
  const json::object& post = flagged[0].as_object();
  CHECK(post.at("kind").as_string() == "post");
  CHECK(post.at("max_severity").as_string() == "high");
  CHECK(post.at("url").as_string() == "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1/");
  CHECK(post.at("text").as_string() == "🎉 Falcon & <Acme Corp> grew 37 %");
  const json::object& f = post.at("findings").at(0).as_object();
  CHECK(f.at("category").as_string() == "keyword");
  CHECK(f.at("start").as_int64() == 3);
  CHECK(f.at("end").as_int64() == 9);
  CHECK(f.at("excerpt").as_string() == "Falcon");
  CHECK(post.at("findings").at(1).at("excerpt").as_string() == "Acme Corp");
}

TEST_CASE("json report: an empty audit is still a valid document") {
  std::ostringstream out;
  WriteJsonReport(AuditReport(), out);
  json::value v = json::parse(out.str());
  CHECK(v.at("flagged").as_array().empty());
  CHECK(v.at("lists").as_string() == "none");
}

}  // namespace
}  // namespace draftguard::audit
