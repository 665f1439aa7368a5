#include "audit/json_report.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <string>

#include "audit/html_report.h"
#include "audit/text_encoding.h"
#include "formats/utf16_offsets.h"
#include "draftguard/findings_json.h"

namespace draftguard::audit {
namespace {

namespace json = boost::json;

json::object Counts(const SeverityCounts& c) {
  return {{"high", c[2]}, {"medium", c[1]}, {"low", c[0]}};
}

json::object KindCounts(const std::array<size_t, kItemKindCount>& c) {
  json::object o;
  for (int k = 0; k < kItemKindCount; ++k)
    o[ItemKindName(static_cast<ItemKind>(k))] = c[static_cast<size_t>(k)];
  return o;
}

json::object FlaggedToJson(const FlaggedItem& f) {
  const ExportItem& item = f.item;
  json::array findings;
  Utf16ToUtf8 map(item.text);
  for (const Finding& x : f.findings) {
    json::object o = FindingToJson(x);
    size_t b = map.ByteOffset(x.start);
    size_t e = map.ByteOffset(std::max(x.start, x.end));
    o["excerpt"] = std::string_view(item.text).substr(b, e > b ? e - b : 0);
    findings.push_back(std::move(o));
  }
  return {{"kind", ItemKindName(item.kind)},
          {"file", item.file},
          {"line", item.line},
          {"date", item.date},
          {"month", item.month},
          {"url", item.url},
          {"visibility", item.visibility},
          {"title", item.title},
          {"max_severity", SeverityName(f.max_severity)},
          {"text", item.text},
          {"findings", std::move(findings)}};
}

}  // namespace

void WriteJsonReport(const AuditReport& r, std::ostream& out) {
  json::object by_category;
  for (int c = 0; c < kCategoryCount; ++c)
    by_category[CategoryName(static_cast<Category>(c))] =
        Counts(r.findings[static_cast<size_t>(c)]);
  json::array by_month;
  for (const auto& [month, counts] : r.by_month) {
    by_month.push_back(json::object{
        {"month", month}, {"high", counts[2]}, {"medium", counts[1]}, {"low", counts[0]}});
  }
  json::object problem_counts;
  json::array problems;
  for (const ReadProblem& p : r.problems) {
    json::value& n = problem_counts[ProblemKindName(p.kind)];
    n = n.is_null() ? 1 : n.as_int64() + 1;
    problems.push_back(json::object{{"kind", ProblemKindName(p.kind)},
                                    {"file", p.file},
                                    {"line", p.line},
                                    {"reason", p.reason}});
  }

  json::object head{
      {"format", "draftguard-audit"},
      {"format_version", 1},
      {"draftguard", DG_VERSION},
      {"generated_at", r.generated_at},
      {"source", json::object{{"name", r.source_name}, {"kind", r.source_kind}}},
      {"lists", r.lists_source.empty() ? std::string("none") : r.lists_source},
      {"rules", r.rules},
      {"terms", r.terms},
      {"sent_anywhere", false},
      {"opt_out_url", kOptOutUrl},
      {"items_audited", KindCounts(r.items)},
      {"items_flagged", KindCounts(r.flagged_by_kind)},
      {"findings",
       json::object{{"total", r.finding_count}, {"by_category", std::move(by_category)}}},
      {"by_month", std::move(by_month)},
      {"findings_without_date", r.findings_without_date},
      {"problems",
       json::object{{"counts", std::move(problem_counts)}, {"list", std::move(problems)}}},
  };
  // Stream: the head without its closing brace, then each flagged item.
  std::string text = json::serialize(head);
  text.pop_back();
  out << text << ",\"flagged\":[";
  for (size_t i = 0; i < r.flagged.size(); ++i) {
    if (i)
      out << ",\n";
    else
      out << "\n";
    out << json::serialize(FlaggedToJson(r.flagged[i]));
  }
  out << "]}\n";
}

}  // namespace draftguard::audit
