#include "org/system_paths.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

namespace draftguard::org {
namespace fs = std::filesystem;

fs::path SystemDir() {
#if DG_SYSTEM_DIR_OVERRIDES
  const char* env = std::getenv(kSystemDirEnv);
  if (env && env[0] == '/') return fs::path(env);
#endif
  return fs::path("/etc/draftguard");
}

std::vector<fs::path> PolicyPaths() {
  std::vector<fs::path> roots;
  const char* env = nullptr;
#if DG_SYSTEM_DIR_OVERRIDES
  env = std::getenv(kPolicyPathsEnv);
#endif
  if (env) {
    std::string_view s(env);
    while (!s.empty()) {
      size_t colon = s.find(':');
      std::string_view part = s.substr(0, colon);
      if (!part.empty()) roots.emplace_back(part);
      if (colon == std::string_view::npos) break;
      s.remove_prefix(colon + 1);
    }
  } else {
    roots = {"/etc/chromium/policies/managed",
             "/etc/opt/chrome/policies/managed",
             "/etc/opt/edge/policies/managed",
             "/etc/brave/policies/managed",
             "/etc/firefox/policies/policies.json",
             "/usr/lib/firefox-esr/distribution/policies.json",
             "/usr/lib/firefox/distribution/policies.json"};
  }
  std::vector<fs::path> files;
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      std::vector<fs::path> in;
      for (const auto& e : fs::directory_iterator(root, ec)) {
        if (e.path().extension() == ".json") in.push_back(e.path());
      }
      std::sort(in.begin(), in.end());
      files.insert(files.end(), in.begin(), in.end());
    } else if (fs::is_regular_file(root, ec)) {
      files.push_back(root);
    }
  }
  return files;
}

}  // namespace draftguard::org
