#include "draftguard/findings_json.h"

namespace draftguard {

boost::json::object FindingToJson(const Finding& f, boost::json::storage_ptr sp, FindingTexts texts) {
  // Sized once, values built in place: this runs for every finding of every
  // analysis the host answers.
  boost::json::object o(7, std::move(sp));
  o.emplace("category", CategoryName(f.category));
  o.emplace("severity", SeverityName(f.severity));
  o.emplace("rule", f.rule);
  o.emplace("start", f.start);
  o.emplace("end", f.end);
  if (texts == FindingTexts::kInline) {
    o.emplace("message", f.message);
    o.emplace("suggestion", f.suggestion);
  }
  return o;
}

boost::json::array FindingsToJson(std::span<const Finding> findings, boost::json::storage_ptr sp,
                                  FindingTexts texts) {
  boost::json::array a(sp);
  a.reserve(findings.size());
  for (const Finding& f : findings) a.push_back(FindingToJson(f, sp, texts));
  return a;
}

}  // namespace draftguard
