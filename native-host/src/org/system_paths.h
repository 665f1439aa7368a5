// Where the organisation layer looks for system-wide configuration.
//
//   SystemDir()    /etc/draftguard, or $DRAFTGUARD_SYSTEM_DIR if set and
//                  absolute (tests and staged installs; never needed in
//                  production). Holds trust.json and packs/*.json.
//   PolicyPaths()  the enterprise-policy files the host reads on Linux:
//                  every *.json of /etc/chromium/policies/managed,
//                  /etc/opt/chrome/policies/managed, /etc/opt/edge/policies/managed,
//                  /etc/brave/policies/managed, and Firefox's
//                  /etc/firefox/policies/policies.json,
//                  /usr/lib/firefox-esr/distribution/policies.json,
//                  /usr/lib/firefox/distribution/policies.json.
//                  $DRAFTGUARD_POLICY_PATHS (colon-separated files or
//                  folders) replaces the list; set it empty to read none.
//
// The two variables exist for tests. Whoever controls a browser's
// environment can use them to hide the organisation's packs from the host,
// so a build for managed fleets turns them off: cmake
// -DDG_SYSTEM_DIR_OVERRIDES=OFF (the defaults are then fixed). Managed
// fleets should also set Chromium's NativeMessagingUserLevelHosts policy to
// false, so a per-user manifest cannot point the browser at another host.
#ifndef DRAFTGUARD_ORG_SYSTEM_PATHS_H_
#define DRAFTGUARD_ORG_SYSTEM_PATHS_H_

#include <filesystem>
#include <vector>

namespace draftguard::org {

inline constexpr char kSystemDirEnv[] = "DRAFTGUARD_SYSTEM_DIR";
inline constexpr char kPolicyPathsEnv[] = "DRAFTGUARD_POLICY_PATHS";

std::filesystem::path SystemDir();
// Existing files only, folders expanded to their *.json (in name order).
std::vector<std::filesystem::path> PolicyPaths();

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_SYSTEM_PATHS_H_
