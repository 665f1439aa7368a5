// Per-domain settings: which categories are on and how sensitive the
// warnings are, as stored in settings.json and carried by settings.get/put.
//
//   {"*":            {"categories": {"pii": false}, "sensitivity": "high"},
//    "linkedin.com": {"categories": {"competitor": false}}}
//
// Scopes work as for lists ("*" or a site covering its subdomains). A scope
// sets only what it names; the rest is inherited from the less specific
// scopes, then from the defaults (every category on, sensitivity "high").
//
// Sensitivity is the lowest severity still reported:
//   "high"   every finding, hints (low) included   (default)
//   "medium" warnings and blocking findings
//   "low"    only blocking (high) findings
#ifndef DRAFTGUARD_STORE_SETTINGS_H_
#define DRAFTGUARD_STORE_SETTINGS_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "draftguard/finding.h"
#include "draftguard/status.h"

namespace draftguard::store {

enum class Sensitivity { kLow, kMedium, kHigh };

std::string_view SensitivityName(Sensitivity s);
std::optional<Sensitivity> ParseSensitivity(std::string_view name);

struct DomainSettings {
  // Indexed by Category; nullopt = inherited.
  std::array<std::optional<bool>, kCategoryCount> categories{};
  std::optional<Sensitivity> sensitivity;
  bool operator==(const DomainSettings&) const = default;
};

struct Settings {
  std::map<std::string, DomainSettings> domains;  // normalised scope → settings
  bool operator==(const Settings&) const = default;
};

// What applies to one site once scopes are merged.
struct EffectiveSettings {
  CategorySet categories = CategorySet::All();
  Sensitivity sensitivity = Sensitivity::kHigh;
  // The lowest severity reported under `sensitivity`.
  Severity min_severity() const;
};

// Merges "*", then each enclosing site of `domain` from the least to the
// most specific ("com", "linkedin.com"). `domain` may be empty ("*" only)
// or a host such as "www.linkedin.com".
EffectiveSettings Resolve(const Settings& settings, std::string_view domain);

// `path` names the value in errors ("domains.linkedin.com").
Result<DomainSettings> DomainSettingsFromJson(const boost::json::value& v,
                                              std::string_view path);
boost::json::object DomainSettingsToJson(const DomainSettings& s);

// The "domains" object of settings.json / settings.get.
Result<Settings> SettingsFromJson(const boost::json::value& domains, std::string_view path);
boost::json::object SettingsToJson(const Settings& s);

}  // namespace draftguard::store

#endif  // DRAFTGUARD_STORE_SETTINGS_H_
