#include "draftguard/findings_json.h"

namespace draftguard {

boost::json::object FindingToJson(const Finding& f) {
  boost::json::object o;
  o["category"] = CategoryName(f.category);
  o["severity"] = SeverityName(f.severity);
  o["rule"] = f.rule;
  o["start"] = f.start;
  o["end"] = f.end;
  o["message"] = f.message;
  o["suggestion"] = f.suggestion;
  return o;
}

boost::json::array FindingsToJson(std::span<const Finding> findings) {
  boost::json::array a;
  a.reserve(findings.size());
  for (const Finding& f : findings) a.push_back(FindingToJson(f));
  return a;
}

}  // namespace draftguard
