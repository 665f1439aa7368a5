#include "org/managed_policy.h"

#include <boost/json.hpp>

#include "store/file_io.h"

namespace draftguard::org {
namespace json = boost::json;

namespace {

// manifests/IDS.md
constexpr std::string_view kChromiumExtensionId = "lgconcggklpljlcdkfejbfjbpbdhjgin";
constexpr std::string_view kFirefoxExtensionId = "draftguard@draftguard.app";

const json::object* Section(const json::value& doc) {
  if (!doc.is_object()) return nullptr;
  const json::object* root = &doc.get_object();
  // Firefox nests everything under "policies" and spells "Extensions".
  if (const json::value* p = root->if_contains("policies"); p && p->is_object()) root = &p->get_object();
  const json::value* third = root->if_contains("3rdparty");
  if (!third || !third->is_object()) return nullptr;
  for (const char* ext_key : {"extensions", "Extensions"}) {
    const json::value* exts = third->get_object().if_contains(ext_key);
    if (!exts || !exts->is_object()) continue;
    for (std::string_view id : {kChromiumExtensionId, kFirefoxExtensionId}) {
      const json::value* mine = exts->get_object().if_contains(id);
      if (mine && mine->is_object()) return &mine->get_object();
    }
  }
  return nullptr;
}

void MergeBool(const json::object& o, const char* key, std::optional<bool>* into, const std::string& source,
               std::vector<std::string>* problems) {
  const json::value* v = o.if_contains(key);
  if (!v) return;
  if (!v->is_bool()) {
    problems->push_back(source + ": \"" + key + "\" must be true or false; ignored");
    return;
  }
  *into = into->has_value() ? (**into && v->get_bool()) : v->get_bool();
}

}  // namespace

void MergeManagedPolicy(std::string_view text, const std::string& source, ManagedPolicy* out) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) {
    out->problems.push_back(source + ": not JSON (" + ec.message() + "); ignored");
    return;
  }
  const json::object* s = Section(doc);
  if (!s) return;
  out->files.push_back(source);
  if (const json::value* keys = s->if_contains("trustedPackKeys")) {
    if (!keys->is_array()) {
      out->problems.push_back(source + ": \"trustedPackKeys\" must be an array of base64 keys; ignored");
    } else {
      for (const json::value& k : keys->get_array()) {
        Status st = k.is_string() ? out->trusted_keys.AddBase64Key(std::string_view(k.get_string()), "policy", source)
                                  : Status(ErrorCode::kInvalidArgument, "not a string");
        if (!st.ok()) out->problems.push_back(source + ": trustedPackKeys: " + st.message() + "; skipped");
      }
    }
  }
  if (const json::value* packs = s->if_contains("packs")) {
    if (!packs->is_array()) {
      out->problems.push_back(source + ": \"packs\" must be an array of signed packs; ignored");
    } else {
      for (size_t i = 0; i < packs->get_array().size(); ++i) {
        const json::value& p = packs->get_array()[i];
        PolicyPack pp{"policy:" + source + "#packs[" + std::to_string(i) + "]", {}};
        pp.envelope = p.is_string() ? std::string(p.get_string()) : json::serialize(p);
        out->packs.push_back(std::move(pp));
      }
    }
  }
  if (const json::value* cats = s->if_contains("forcedCategories")) {
    if (!cats->is_array()) {
      out->problems.push_back(source + ": \"forcedCategories\" must be an array of category names; ignored");
    } else {
      for (const json::value& c : cats->get_array()) {
        std::optional<Category> cat = c.is_string() ? ParseCategory(std::string_view(c.get_string())) : std::nullopt;
        if (cat) out->forced_categories.insert(*cat);
        else out->problems.push_back(source + ": forcedCategories: " + json::serialize(c) + " is not a category; skipped");
      }
    }
  }
  if (const json::value* lists = s->if_contains("lists")) {
    if (!lists->is_array()) {
      out->problems.push_back(source + ": \"lists\" must be an array of lists; ignored");
    } else {
      for (size_t i = 0; i < lists->get_array().size(); ++i) {
        std::string path = "lists[" + std::to_string(i) + "]";
        const json::value& l = lists->get_array()[i];
        const json::value* d = l.is_object() ? l.get_object().if_contains("domain") : nullptr;
        Result<std::string> scope = d && d->is_string() ? NormalizeScope(std::string_view(d->get_string()))
                                                        : Result<std::string>(std::string("*"));
        if (!scope.ok()) {
          out->problems.push_back(source + ": " + path + ".domain is not \"*\" or a site; skipped");
          continue;
        }
        Result<TermList> tl = TermListFromJson(l, path);
        if (!tl.ok()) {
          out->problems.push_back(source + ": " + tl.status().ToString() + "; skipped");
          continue;
        }
        out->lists.domains[scope.value()].push_back(std::move(tl).value());
      }
    }
  }
  MergeBool(*s, "allowPostAnywayOnHigh", &out->allow_post_anyway_on_high, source, &out->problems);
  MergeBool(*s, "allowSiteSwitchOff", &out->allow_site_switch_off, source, &out->problems);
}

ManagedPolicy ReadManagedPolicy(std::span<const std::filesystem::path> files) {
  ManagedPolicy out;
  for (const std::filesystem::path& f : files) {
    Result<std::string> text = store::ReadSmallFile(f);
    if (!text.ok()) {
      out.problems.push_back(text.status().message());
      continue;
    }
    MergeManagedPolicy(text.value(), f.string(), &out);
  }
  return out;
}

}  // namespace draftguard::org
