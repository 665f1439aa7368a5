// `draftguard install | uninstall | doctor`: the native-messaging host
// manifests that let each browser start the host.
//
//   draftguard install [--browser chrome|chromium|edge|brave|vivaldi|firefox|all]
//                      [--user|--system] [--extension-id ID]... [--binary PATH]
//                      [--dir DIR]
//   draftguard uninstall [--browser …] [--user|--system] [--dir DIR]
//   draftguard doctor
//
// Design decision: one table of browsers (family, per-user and system
// folders on Linux and macOS, registry key on Windows) drives all three
// commands, so what install writes is exactly what doctor checks and
// uninstall removes. The Chromium family gets "allowed_origins"
// (chrome-extension://ID/), Firefox "allowed_extensions" (add-on ids).
// On Windows the manifest is written next to the binary and its path is
// set as the default value of HKCU (or HKLM with --system)
// \Software\<vendor>\NativeMessagingHosts\com.draftguard.host; that code
// path is compiled only there.
//
// --browser all (the default) installs for the browsers whose profile
// folder exists (all of them if none does). --dir DIR writes the manifests
// into DIR instead: for a Chromium --user-data-dir, pass
// DIR=<user-data-dir>/NativeMessagingHosts. --extension-id adds an id (a
// Chromium id goes to the Chromium family, an add-on id to Firefox) and
// records it in the store's config.json so the host accepts it.
#ifndef DRAFTGUARD_INSTALL_INSTALL_H_
#define DRAFTGUARD_INSTALL_INSTALL_H_

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace draftguard::install {

enum class Family { kChromium, kFirefox };

// The manifest text for one family.
std::string ManifestJson(Family family, const std::filesystem::path& binary,
                         std::span<const std::string> extension_ids);

int RunInstall(std::span<const std::string_view> args);
int RunUninstall(std::span<const std::string_view> args);
int RunDoctor(std::span<const std::string_view> args);

}  // namespace draftguard::install

#endif  // DRAFTGUARD_INSTALL_INSTALL_H_
