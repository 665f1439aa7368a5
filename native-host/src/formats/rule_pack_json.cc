// Reading rule packs from JSON (format documented in draftguard/packs.h).
#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "draftguard/lists.h"
#include "draftguard/packs.h"
#include "formats/builtin_pack_files.h"
#include "formats/json_fields.h"
#include "formats/term_list_json.h"

namespace draftguard {
namespace {

namespace jf = json_fields;
using boost::json::object;

Status OnlyKnownFields(const object& o, std::initializer_list<std::string_view> known, std::string_view path) {
  for (const auto& kv : o) {
    bool ok = false;
    for (std::string_view k : known) ok |= kv.key() == k;
    if (!ok) {
      std::string field = jf::Join(path, kv.key());
      return Status(ErrorCode::kInvalidArgument, "unknown field '" + field + "'", field);
    }
  }
  return Status::Ok();
}

Result<const object*> ObjectAt(const boost::json::value& v, std::string_view path) {
  if (!v.is_object()) return jf::WrongType(path, "an object");
  return &v.get_object();
}

Result<RuleSpec> ParseRule(const boost::json::value& v, const std::string& path) {
  DG_TRY(o, ObjectAt(v, path));
  if (Status s = OnlyKnownFields(*o, {"id", "category", "severity", "pattern", "context", "exclusions",
                                      "exclusion_window", "message", "suggestion", "note"},
                                 path);
      !s.ok())
    return s;
  RuleSpec r;
  DG_TRY(id, jf::String(*o, "id", path, true));
  r.id = *id;
  std::string where = path + " (" + r.id + ")";
  DG_TRY(category, CategoryFromJson(*o, where, true));
  r.category = *category;
  DG_TRY(severity, SeverityFromJson(*o, where, Severity::kMedium));
  r.severity = severity;
  DG_TRY(pattern, jf::String(*o, "pattern", where, true));
  r.pattern = *pattern;
  DG_TRY(exclusions, jf::StringArray(*o, "exclusions", where, false));
  r.exclusions = std::move(exclusions);
  DG_TRY(window, jf::Integer(*o, "exclusion_window", where, false));
  if (window) r.exclusion_window = static_cast<int>(*window);
  if (const auto* c = o->if_contains("context")) {
    std::string cpath = jf::Join(where, "context");
    if (!c->is_array()) return jf::WrongType(cpath, "an array");
    for (size_t i = 0; i < c->get_array().size(); ++i) {
      std::string ipath = jf::Index(cpath, i);
      DG_TRY(co, ObjectAt(c->get_array()[i], ipath));
      if (Status s = OnlyKnownFields(*co, {"pattern", "list", "effect", "window"}, ipath); !s.ok()) return s;
      ContextSpec spec;
      DG_TRY(cp, jf::String(*co, "pattern", ipath, false));
      DG_TRY(cl, jf::String(*co, "list", ipath, false));
      if (cp.has_value() == cl.has_value())
        return Status(ErrorCode::kInvalidArgument,
                      ipath + ": give either \"pattern\" (a regex) or \"list\" (a list category), not both");
      if (cp) spec.pattern = *cp;
      if (cl) {
        spec.list = ParseCategory(*cl);
        if (!spec.list)
          return jf::WrongType(jf::Join(ipath, "list"), "a category name (\"competitor\", \"keyword\", …)");
      }
      DG_TRY(effect, jf::String(*co, "effect", ipath, false));
      if (!effect || *effect == "require") spec.effect = ContextEffect::kRequire;
      else if (*effect == "raise") spec.effect = ContextEffect::kRaise;
      else if (*effect == "lower") spec.effect = ContextEffect::kLower;
      else return jf::WrongType(jf::Join(ipath, "effect"), "\"require\", \"raise\" or \"lower\"");
      DG_TRY(w, jf::Integer(*co, "window", ipath, false));
      if (w) spec.window = static_cast<int>(*w);
      r.context.push_back(std::move(spec));
    }
  }
  DG_TRY(message, LocalizedTextFromJson(*o, "message", where));
  r.message = std::move(message);
  DG_TRY(suggestion, LocalizedTextFromJson(*o, "suggestion", where));
  r.suggestion = std::move(suggestion);
  return r;
}

}  // namespace

Result<RulePack> ParseRulePack(std::string_view json, std::string source) {
  DG_TRY(doc, jf::Parse(json, "rule pack " + source));
  DG_TRY(o, ObjectAt(doc, "pack"));
  if (Status s = OnlyKnownFields(*o, {"pack", "version", "description", "lexicons", "rules", "lists"}, "");
      !s.ok())
    return s;
  RulePack pack;
  pack.source = std::move(source);
  DG_TRY(name, jf::String(*o, "pack", "", true));
  pack.name = *name;
  DG_TRY(version, jf::Integer(*o, "version", "", false));
  if (version) pack.version = static_cast<int>(*version);
  if (const auto* lex = o->if_contains("lexicons")) {
    DG_TRY(lo, ObjectAt(*lex, "lexicons"));
    for (const auto& kv : *lo) {
      DG_TRY(alternatives, jf::StringArray(*lo, kv.key(), "lexicons", true));
      pack.lexicons[std::string(kv.key())] = std::move(alternatives);
    }
  }
  if (const auto* rules = o->if_contains("rules")) {
    if (!rules->is_array()) return jf::WrongType("rules", "an array");
    for (size_t i = 0; i < rules->get_array().size(); ++i) {
      DG_TRY(rule, ParseRule(rules->get_array()[i], jf::Index("rules", i)));
      pack.rules.push_back(std::move(rule));
    }
  }
  if (const auto* lists = o->if_contains("lists")) {
    if (!lists->is_array()) return jf::WrongType("lists", "an array");
    for (size_t i = 0; i < lists->get_array().size(); ++i) {
      DG_TRY(list, TermListFromJson(lists->get_array()[i], jf::Index("lists", i)));
      pack.lists.push_back(std::move(list));
    }
  }
  return pack;
}

Result<RulePack> LoadRulePackFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot read rule pack " + path.string(), path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseRulePack(buf.str(), path.string());
}

std::vector<RulePack> LoadRulePacks(const std::filesystem::path& file_or_dir,
                                    std::vector<LoadProblem>* problems) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (std::filesystem::is_directory(file_or_dir, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(file_or_dir, ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(file_or_dir);
  }
  if (ec && problems) problems->push_back({file_or_dir.string(), "", "cannot list the folder: " + ec.message()});
  std::vector<RulePack> packs;
  for (const auto& f : files) {
    Result<RulePack> pack = LoadRulePackFile(f);
    if (pack.ok()) packs.push_back(std::move(pack).value());
    else if (problems) problems->push_back({f.string(), pack.status().item(), pack.status().message()});
  }
  return packs;
}

namespace {

struct Builtin {
  std::vector<RulePack> packs;
  std::vector<LoadProblem> problems;
};

const Builtin& LoadBuiltin() {
  static const Builtin* builtin = [] {
    auto* b = new Builtin();
    for (const internal::EmbeddedFile& f : internal::BuiltinPackFiles()) {
      std::string source = "builtin:" + std::string(f.name);
      Result<RulePack> pack = ParseRulePack(f.contents, source);
      if (pack.ok()) b->packs.push_back(std::move(pack).value());
      else b->problems.push_back({source, pack.status().item(), pack.status().message()});
    }
    return b;
  }();
  return *builtin;
}

}  // namespace

std::span<const RulePack> BuiltinPacks() { return LoadBuiltin().packs; }
std::span<const LoadProblem> BuiltinPackProblems() { return LoadBuiltin().problems; }

}  // namespace draftguard
