// The keyword-lists document (format documented in draftguard/lists.h).
#include <algorithm>

#include "draftguard/engine.h"
#include "draftguard/lists.h"
#include "formats/json_fields.h"
#include "formats/term_list_json.h"

namespace draftguard {

namespace jf = json_fields;

Result<std::optional<Category>> CategoryFromJson(const boost::json::object& o, std::string_view path,
                                                 bool required) {
  DG_TRY(name, jf::String(o, "category", path, required));
  if (!name) return std::optional<Category>();
  std::optional<Category> c = ParseCategory(*name);
  if (!c)
    return jf::WrongType(jf::Join(path, "category"),
                         "one of confidential, case_study, strategy, prelaunch, competitor, keyword, pii");
  return c;
}

Result<Severity> SeverityFromJson(const boost::json::object& o, std::string_view path, Severity fallback) {
  DG_TRY(name, jf::String(o, "severity", path, false));
  if (!name) return fallback;
  std::optional<Severity> s = ParseSeverity(*name);
  if (!s) return jf::WrongType(jf::Join(path, "severity"), "\"low\", \"medium\" or \"high\"");
  return *s;
}

Result<LocalizedText> LocalizedTextFromJson(const boost::json::object& o, std::string_view key,
                                            std::string_view path) {
  LocalizedText t;
  const boost::json::value* v = o.if_contains(key);
  if (!v) return t;
  std::string p = jf::Join(path, key);
  if (v->is_string()) {
    t.en = std::string(v->get_string());
    return t;
  }
  if (!v->is_object()) return jf::WrongType(p, "a string or an object {\"en\": …, \"fr\": …}");
  DG_TRY(en, jf::String(v->get_object(), "en", p, true));
  DG_TRY(fr, jf::String(v->get_object(), "fr", p, false));
  t.en = *en;
  if (fr) t.fr = *fr;
  return t;
}

boost::json::value LocalizedTextToJson(const LocalizedText& t) {
  boost::json::object o;
  o["en"] = t.en;
  if (!t.fr.empty()) o["fr"] = t.fr;
  return o;
}

Result<std::string> NormalizeScope(std::string_view scope) {
  std::string s(scope);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  if (s == "*") return s;
  for (std::string_view scheme : {"https://", "http://"})
    if (s.starts_with(scheme)) s.erase(0, scheme.size());
  if (size_t slash = s.find('/'); slash != std::string::npos) s.erase(slash);
  while (!s.empty() && s.back() == '.') s.pop_back();
  if (s.starts_with("www.")) s.erase(0, 4);
  bool valid = !s.empty() && s.front() != '.' && s.find("..") == std::string::npos;
  for (char c : s) valid &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  if (!valid) {
    // Appended piecewise: GCC 12 at -O3 misreads "'" + std::string as an
    // overlapping memcpy (-Wrestrict).
    std::string message = "'";
    message.append(scope).append("' is not a site: use \"*\" or a domain such as linkedin.com");
    return Status(ErrorCode::kInvalidArgument, std::move(message), std::string(scope));
  }
  return s;
}

Result<TermList> TermListFromJson(const boost::json::value& v, std::string_view path) {
  if (!v.is_object()) return jf::WrongType(path, "an object");
  const boost::json::object& o = v.get_object();
  TermList list;
  DG_TRY(name, jf::String(o, "name", path, true));
  if (name->empty()) return Status(ErrorCode::kInvalidArgument, "a list needs a name", jf::Join(path, "name"));
  list.name = *name;
  DG_TRY(category, CategoryFromJson(o, path, false));
  list.category = category.value_or(Category::kKeyword);
  DG_TRY(severity, SeverityFromJson(o, path, Severity::kHigh));
  list.severity = severity;
  DG_TRY(terms, jf::StringArray(o, "terms", path, true));
  list.terms = std::move(terms);
  DG_TRY(exclusions, jf::StringArray(o, "exclusions", path, false));
  list.exclusions = std::move(exclusions);
  DG_TRY(message, LocalizedTextFromJson(o, "message", path));
  list.message = std::move(message);
  DG_TRY(suggestion, LocalizedTextFromJson(o, "suggestion", path));
  list.suggestion = std::move(suggestion);
  return list;
}

boost::json::value TermListToJson(const TermList& list) {
  boost::json::object o;
  o["name"] = list.name;
  o["category"] = CategoryName(list.category);
  o["severity"] = SeverityName(list.severity);
  boost::json::array terms;
  for (const std::string& t : list.terms) terms.emplace_back(t);
  o["terms"] = std::move(terms);
  if (!list.exclusions.empty()) {
    boost::json::array ex;
    for (const std::string& e : list.exclusions) ex.emplace_back(e);
    o["exclusions"] = std::move(ex);
  }
  if (!list.message.en.empty()) o["message"] = LocalizedTextToJson(list.message);
  if (!list.suggestion.en.empty()) o["suggestion"] = LocalizedTextToJson(list.suggestion);
  return o;
}

Result<ListsDocument> ListsDocumentFromJson(const boost::json::value& v) {
  if (!v.is_object()) return jf::WrongType("(document)", "an object {\"version\": 1, \"domains\": {…}}");
  const boost::json::object& o = v.get_object();
  ListsDocument doc;
  DG_TRY(version, jf::Integer(o, "version", "", false));
  if (version) {
    if (*version != 1)
      return Status(ErrorCode::kInvalidArgument,
                    "lists document version " + std::to_string(*version) + " is not supported (expected 1)",
                    "version");
    doc.version = 1;
  }
  const boost::json::value* domains = o.if_contains("domains");
  if (!domains) return jf::Missing("domains");
  if (!domains->is_object()) return jf::WrongType("domains", "an object mapping a scope to its lists");
  for (const auto& kv : domains->get_object()) {
    std::string path = "domains." + std::string(kv.key());
    DG_TRY(scope, NormalizeScope(kv.key()));
    if (!kv.value().is_object()) return jf::WrongType(path, "an object {\"lists\": […]}");
    const boost::json::value* lists = kv.value().get_object().if_contains("lists");
    if (!lists) return jf::Missing(jf::Join(path, "lists"));
    if (!lists->is_array()) return jf::WrongType(jf::Join(path, "lists"), "an array");
    std::vector<TermList>& out = doc.domains[scope];
    for (size_t i = 0; i < lists->get_array().size(); ++i) {
      DG_TRY(list, TermListFromJson(lists->get_array()[i], jf::Index(jf::Join(path, "lists"), i)));
      out.push_back(std::move(list));
    }
  }
  return doc;
}

Status ApplyLists(const ListsDocument& doc, Engine* engine) {
  for (const auto& [scope, lists] : doc.domains) {
    Status s = engine->SetLists(scope, lists);
    if (!s.ok()) return Status(s.code(), "lists of '" + scope + "': " + s.message(), s.item());
  }
  return Status::Ok();
}

Result<ListsDocument> ParseListsDocument(std::string_view json) {
  DG_TRY(v, jf::Parse(json, "the lists file"));
  return ListsDocumentFromJson(v);
}

boost::json::value ListsDocumentToJson(const ListsDocument& doc) {
  boost::json::object domains;
  for (const auto& [scope, lists] : doc.domains) {
    boost::json::array arr;
    for (const TermList& l : lists) arr.push_back(TermListToJson(l));
    boost::json::object entry;
    entry["lists"] = std::move(arr);
    domains[scope] = std::move(entry);
  }
  boost::json::object o;
  o["version"] = doc.version;
  o["domains"] = std::move(domains);
  return o;
}

}  // namespace draftguard
