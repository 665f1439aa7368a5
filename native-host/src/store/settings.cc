#include "store/settings.h"

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "draftguard/lists.h"

namespace draftguard::store {
namespace json = boost::json;

std::string_view SensitivityName(Sensitivity s) {
  switch (s) {
    case Sensitivity::kLow: return "low";
    case Sensitivity::kMedium: return "medium";
    case Sensitivity::kHigh: return "high";
  }
  return "high";
}

std::optional<Sensitivity> ParseSensitivity(std::string_view name) {
  if (name == "low") return Sensitivity::kLow;
  if (name == "medium") return Sensitivity::kMedium;
  if (name == "high") return Sensitivity::kHigh;
  return std::nullopt;
}

Severity EffectiveSettings::min_severity() const {
  switch (sensitivity) {
    case Sensitivity::kLow: return Severity::kHigh;
    case Sensitivity::kMedium: return Severity::kMedium;
    case Sensitivity::kHigh: return Severity::kLow;
  }
  return Severity::kLow;
}

namespace {

void Apply(const DomainSettings& d, EffectiveSettings* e) {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (!d.categories[i]) continue;
    if (*d.categories[i]) {
      e->categories.insert(static_cast<Category>(i));
    } else {
      e->categories.erase(static_cast<Category>(i));
    }
  }
  if (d.sensitivity) e->sensitivity = *d.sensitivity;
}

}  // namespace

EffectiveSettings Resolve(const Settings& settings, std::string_view domain) {
  EffectiveSettings e;
  if (auto it = settings.domains.find("*"); it != settings.domains.end()) Apply(it->second, &e);
  if (domain.empty()) return e;
  Result<std::string> host = NormalizeScope(domain);
  if (!host.ok() || host.value() == "*") return e;
  // Enclosing sites from the least specific: "com", "linkedin.com", ...
  const std::string& h = host.value();
  std::vector<std::string_view> suffixes;
  for (size_t pos = h.size(); pos != std::string::npos;) {
    size_t dot = pos == 0 ? std::string::npos : h.rfind('.', pos - 1);
    size_t start = dot == std::string::npos ? 0 : dot + 1;
    suffixes.push_back(std::string_view(h).substr(start));
    if (dot == std::string::npos) break;
    pos = dot;
  }
  for (std::string_view s : suffixes) {
    if (auto it = settings.domains.find(std::string(s)); it != settings.domains.end()) {
      Apply(it->second, &e);
    }
  }
  return e;
}

Result<DomainSettings> DomainSettingsFromJson(const json::value& v, std::string_view path) {
  const std::string p(path);
  if (!v.is_object()) return Status(ErrorCode::kInvalidArgument, p + " must be an object", p);
  DomainSettings d;
  const json::object& o = v.get_object();
  if (const json::value* cats = o.if_contains("categories")) {
    const std::string cp = p + ".categories";
    if (!cats->is_object()) return Status(ErrorCode::kInvalidArgument, cp + " must be an object", cp);
    for (const auto& [key, on] : cats->get_object()) {
      const std::string kp = cp + "." + std::string(key);
      std::optional<Category> c = ParseCategory(std::string_view(key.data(), key.size()));
      if (!c) return Status(ErrorCode::kInvalidArgument, kp + " is not a known category", kp);
      if (!on.is_bool()) return Status(ErrorCode::kInvalidArgument, kp + " must be true or false", kp);
      d.categories[static_cast<int>(*c)] = on.get_bool();
    }
  }
  if (const json::value* s = o.if_contains("sensitivity")) {
    const std::string sp = p + ".sensitivity";
    std::optional<Sensitivity> sens;
    if (s->is_string()) sens = ParseSensitivity(std::string_view(s->get_string().data(), s->get_string().size()));
    if (!sens) {
      return Status(ErrorCode::kInvalidArgument, sp + " must be \"low\", \"medium\" or \"high\"", sp);
    }
    d.sensitivity = *sens;
  }
  return d;
}

json::object DomainSettingsToJson(const DomainSettings& d) {
  json::object o;
  json::object cats;
  for (int i = 0; i < kCategoryCount; ++i) {
    if (d.categories[i]) cats[CategoryName(static_cast<Category>(i))] = *d.categories[i];
  }
  if (!cats.empty()) o["categories"] = std::move(cats);
  if (d.sensitivity) o["sensitivity"] = SensitivityName(*d.sensitivity);
  return o;
}

Result<Settings> SettingsFromJson(const json::value& domains, std::string_view path) {
  const std::string p(path);
  if (!domains.is_object()) return Status(ErrorCode::kInvalidArgument, p + " must be an object", p);
  Settings s;
  for (const auto& [key, value] : domains.get_object()) {
    const std::string kp = p + "." + std::string(key);
    Result<std::string> scope = NormalizeScope(std::string_view(key.data(), key.size()));
    if (!scope.ok()) return Status(ErrorCode::kInvalidArgument, kp + " is not a valid domain", kp);
    Result<DomainSettings> d = DomainSettingsFromJson(value, kp);
    if (!d.ok()) return d.status();
    s.domains[scope.value()] = std::move(d).value();
  }
  return s;
}

json::object SettingsToJson(const Settings& s) {
  json::object o;
  for (const auto& [scope, d] : s.domains) o[scope] = DomainSettingsToJson(d);
  return o;
}

}  // namespace draftguard::store
