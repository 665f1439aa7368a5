#include "install/install.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "host/host.h"
#include "org/org_engine.h"
#include "org/pack_loader.h"
#include "org/system_paths.h"
#include "store/store.h"

#ifdef _WIN32
#include <windows.h>
#endif

namespace draftguard::install {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr int kOk = 0, kProblems = 1, kUsage = 2;

struct Browser {
  std::string_view id;    // --browser value
  std::string_view name;  // for people
  Family family;
  // Folders: per user (relative to $HOME) and system-wide, for this OS.
  std::string_view user_dir;
  std::string_view system_dir;
  // Windows: HKCU/HKLM subkey holding one key per host.
  std::string_view registry_key;
  // Sandboxed packages that cannot start native hosts without portals.
  std::string_view snap;     // /snap/<name>
  std::string_view flatpak;  // app id
};

#ifdef __APPLE__
constexpr Browser kBrowsers[] = {
    {"chrome", "Google Chrome", Family::kChromium, "Library/Application Support/Google/Chrome/NativeMessagingHosts",
     "/Library/Google/Chrome/NativeMessagingHosts", "", "", ""},
    {"chromium", "Chromium", Family::kChromium, "Library/Application Support/Chromium/NativeMessagingHosts",
     "/Library/Application Support/Chromium/NativeMessagingHosts", "", "", ""},
    {"edge", "Microsoft Edge", Family::kChromium, "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
     "/Library/Microsoft/Edge/NativeMessagingHosts", "", "", ""},
    {"brave", "Brave", Family::kChromium,
     "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
     "/Library/Google/Chrome/NativeMessagingHosts", "", "", ""},
    {"vivaldi", "Vivaldi", Family::kChromium, "Library/Application Support/Vivaldi/NativeMessagingHosts",
     "/Library/Google/Chrome/NativeMessagingHosts", "", "", ""},
    {"firefox", "Firefox", Family::kFirefox, "Library/Application Support/Mozilla/NativeMessagingHosts",
     "/Library/Application Support/Mozilla/NativeMessagingHosts", "", "", ""},
};
#else
// Linux. Chromium and Firefox locations are verified here
// (tests/host/chromium_test.mjs and the E2E suites start real browsers); Brave's and Vivaldi's
// system folders follow their vendors' documentation, unverified.
constexpr Browser kBrowsers[] = {
    {"chrome", "Google Chrome", Family::kChromium, ".config/google-chrome/NativeMessagingHosts",
     "/etc/opt/chrome/native-messaging-hosts", "Software\\Google\\Chrome\\NativeMessagingHosts", "",
     "com.google.Chrome"},
    {"chromium", "Chromium", Family::kChromium, ".config/chromium/NativeMessagingHosts",
     "/etc/chromium/native-messaging-hosts", "Software\\Chromium\\NativeMessagingHosts", "chromium",
     "org.chromium.Chromium"},
    {"edge", "Microsoft Edge", Family::kChromium, ".config/microsoft-edge/NativeMessagingHosts",
     "/etc/opt/edge/native-messaging-hosts", "Software\\Microsoft\\Edge\\NativeMessagingHosts", "",
     "com.microsoft.Edge"},
    {"brave", "Brave", Family::kChromium, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
     "/etc/opt/chrome/native-messaging-hosts", "Software\\Google\\Chrome\\NativeMessagingHosts", "brave",
     "com.brave.Browser"},
    {"vivaldi", "Vivaldi", Family::kChromium, ".config/vivaldi/NativeMessagingHosts",
     "/etc/opt/vivaldi/native-messaging-hosts", "Software\\Google\\Chrome\\NativeMessagingHosts", "",
     "com.vivaldi.Vivaldi"},
    {"firefox", "Firefox", Family::kFirefox, ".mozilla/native-messaging-hosts",
     "/usr/lib/mozilla/native-messaging-hosts", "Software\\Mozilla\\NativeMessagingHosts", "firefox",
     "org.mozilla.firefox"},
};
#endif

std::string ManifestFileName() { return std::string(host::kHostName) + ".json"; }

std::optional<fs::path> Home() {
  const char* h = std::getenv("HOME");
  if (!h || !*h) return std::nullopt;
  return fs::path(h);
}

fs::path ManifestDir(const Browser& b, bool system, const fs::path& home) {
  return system ? fs::path(b.system_dir) : home / fs::path(b.user_dir);
}

fs::path SelfPath() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) return p;
  return fs::absolute("draftguard", ec);
}

struct Options {
  std::vector<const Browser*> browsers;
  bool all = true;
  bool system = false;
  std::vector<std::string> ids;
  std::optional<fs::path> binary;
  std::optional<fs::path> dir;
};

// Parses the shared options; returns false (after a message) on misuse.
bool ParseOptions(std::string_view cmd, std::span<const std::string_view> args, bool allow_ids, Options* o) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    auto next = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--user") {
      o->system = false;
    } else if (a == "--system") {
      o->system = true;
    } else if (a == "--browser") {
      auto v = next();
      if (!v) return std::fprintf(stderr, "draftguard %.*s: --browser needs a value\n", (int)cmd.size(), cmd.data()), false;
      if (*v == "all") {
        o->all = true;
        o->browsers.clear();
        continue;
      }
      const Browser* found = nullptr;
      for (const Browser& b : kBrowsers) {
        if (b.id == *v) found = &b;
      }
      if (!found) {
        std::fprintf(stderr,
                     "draftguard %.*s: unknown browser '%.*s' (chrome, chromium, edge, brave, vivaldi, firefox, all)\n",
                     (int)cmd.size(), cmd.data(), (int)v->size(), v->data());
        return false;
      }
      o->all = false;
      o->browsers.push_back(found);
    } else if (a == "--extension-id" && allow_ids) {
      auto v = next();
      if (!v || !(host::IsChromiumExtensionId(*v) || host::IsFirefoxExtensionId(*v))) {
        std::fprintf(stderr,
                     "draftguard %.*s: --extension-id needs a Chromium id (32 letters a-p) or a Firefox add-on "
                     "id (name@domain or {uuid})\n",
                     (int)cmd.size(), cmd.data());
        return false;
      }
      o->ids.emplace_back(*v);
    } else if (a == "--binary" && allow_ids) {
      auto v = next();
      if (!v) return std::fprintf(stderr, "draftguard %.*s: --binary needs a path\n", (int)cmd.size(), cmd.data()), false;
      std::error_code ec;
      o->binary = fs::absolute(fs::path(*v), ec);
    } else if (a == "--dir") {
      auto v = next();
      if (!v) return std::fprintf(stderr, "draftguard %.*s: --dir needs a folder\n", (int)cmd.size(), cmd.data()), false;
      o->dir = fs::path(*v);
    } else {
      std::fprintf(stderr, "draftguard %.*s: unknown option '%.*s'\n", (int)cmd.size(), cmd.data(), (int)a.size(),
                   a.data());
      return false;
    }
  }
  if (o->all) {
    for (const Browser& b : kBrowsers) o->browsers.push_back(&b);
  }
  return true;
}

std::vector<std::string> IdsFor(Family f, const std::vector<std::string>& extra) {
  std::vector<std::string> ids;
  ids.emplace_back(f == Family::kChromium ? host::kChromiumExtensionId : host::kFirefoxExtensionId);
  for (const std::string& id : extra) {
    bool chromium = host::IsChromiumExtensionId(id);
    if ((f == Family::kChromium) == chromium && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

// A browser counts as present when its profile folder (the parent of the
// NativeMessagingHosts folder, e.g. ~/.config/chromium) exists.
bool Present(const Browser& b, const fs::path& home) {
  std::error_code ec;
  return fs::exists(ManifestDir(b, false, home).parent_path(), ec);
}

bool WriteFileAtomically(const fs::path& path, const std::string& text, std::string* err) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    *err = "cannot create " + path.parent_path().string() + ": " + ec.message();
    return false;
  }
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f.flush()) {
      *err = "cannot write " + tmp.string();
      return false;
    }
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                  ec);
  fs::rename(tmp, path, ec);
  if (ec) {
    *err = "cannot write " + path.string() + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

#ifdef _WIN32
bool SetRegistryDefault(bool system, std::string_view key, const fs::path& manifest, std::string* err) {
  std::wstring sub = fs::path(std::string(key) + "\\" + std::string(host::kHostName)).wstring();
  std::wstring value = manifest.wstring();
  LSTATUS s = RegSetKeyValueW(system ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER, sub.c_str(), nullptr, REG_SZ,
                              value.c_str(), static_cast<DWORD>((value.size() + 1) * sizeof(wchar_t)));
  if (s != ERROR_SUCCESS) *err = "cannot set registry key (error " + std::to_string(s) + ")";
  return s == ERROR_SUCCESS;
}
bool DeleteRegistryKey(bool system, std::string_view key) {
  std::wstring sub = fs::path(std::string(key) + "\\" + std::string(host::kHostName)).wstring();
  return RegDeleteKeyW(system ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER, sub.c_str()) == ERROR_SUCCESS;
}
#endif

}  // namespace

std::string ManifestJson(Family family, const fs::path& binary, std::span<const std::string> extension_ids) {
  json::object o;
  o["name"] = host::kHostName;
  o["description"] = "DraftGuard: warns before a post gives away confidential business information";
  o["path"] = binary.string();
  o["type"] = "stdio";
  json::array ids;
  for (const std::string& id : extension_ids) {
    ids.emplace_back(family == Family::kChromium ? "chrome-extension://" + id + "/" : id);
  }
  o[family == Family::kChromium ? "allowed_origins" : "allowed_extensions"] = std::move(ids);
  return json::serialize(o) + "\n";
}

int RunInstall(std::span<const std::string_view> args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::printf(
        "usage: draftguard install [--browser chrome|chromium|edge|brave|vivaldi|firefox|all] [--user|--system]\n"
        "                          [--extension-id ID]... [--binary PATH] [--dir DIR]\n");
    return kOk;
  }
  Options o;
  if (!ParseOptions("install", args, true, &o)) return kUsage;
  std::optional<fs::path> home = Home();
  if (!home && !o.system && !o.dir) {
    std::fprintf(stderr, "draftguard install: HOME is not set; use --system or --dir\n");
    return kUsage;
  }
  fs::path binary = o.binary.value_or(SelfPath());
  std::error_code ec;
  if (::access(binary.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "draftguard install: %s is not an executable file\n", binary.c_str());
    return kUsage;
  }
  std::vector<const Browser*> targets = o.browsers;
  if (o.all && !o.dir && !o.system) {
    std::vector<const Browser*> present;
    for (const Browser* b : targets) {
      if (Present(*b, *home)) present.push_back(b);
    }
    if (!present.empty()) targets = present;
  }
  int status = kOk;
  bool dir_family_done[2] = {false, false};
  for (const Browser* b : targets) {
    std::vector<std::string> ids = IdsFor(b->family, o.ids);
    std::string text = ManifestJson(b->family, binary, ids);
    fs::path dir = o.dir ? *o.dir : ManifestDir(*b, o.system, home.value_or(fs::path()));
#ifdef _WIN32
    if (!o.dir) dir = binary.parent_path() / (b->family == Family::kChromium ? "chromium" : "firefox");
#endif
    if (o.dir) {
      // One manifest per family fits in one folder.
      bool& done = dir_family_done[b->family == Family::kChromium ? 0 : 1];
      if (done) continue;
      done = true;
    }
    fs::path path = dir / ManifestFileName();
    std::string err;
    if (!WriteFileAtomically(path, text, &err)) {
      std::fprintf(stderr, "draftguard install: %s: %s\n", std::string(b->name).c_str(), err.c_str());
      status = kProblems;
      continue;
    }
#ifdef _WIN32
    if (!o.dir && !SetRegistryDefault(o.system, b->registry_key, path, &err)) {
      std::fprintf(stderr, "draftguard install: %s: %s\n", std::string(b->name).c_str(), err.c_str());
      status = kProblems;
      continue;
    }
#endif
    std::printf("installed for %s: %s\n", o.dir ? (b->family == Family::kChromium ? "Chromium family" : "Firefox")
                                                : std::string(b->name).c_str(),
                path.c_str());
  }
  if (!o.ids.empty()) {
    Result<fs::path> sd = store::DefaultStoreDir();
    for (const std::string& id : o.ids) {
      Status s = sd.ok() ? store::AddAllowedExtension(sd.value(), id) : sd.status();
      if (!s.ok()) {
        std::fprintf(stderr, "draftguard install: cannot allow %s: %s\n", id.c_str(), s.ToString().c_str());
        status = kProblems;
      } else {
        std::printf("allowed extension %s (in %s)\n", id.c_str(), (sd.value() / "config.json").c_str());
      }
    }
  }
  if (status == kOk) std::printf("done; 'draftguard doctor' checks the installation\n");
  return status;
}

int RunUninstall(std::span<const std::string_view> args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::printf("usage: draftguard uninstall [--browser …|all] [--user|--system] [--dir DIR]\n");
    return kOk;
  }
  Options o;
  if (!ParseOptions("uninstall", args, false, &o)) return kUsage;
  std::optional<fs::path> home = Home();
  if (!home && !o.system && !o.dir) {
    std::fprintf(stderr, "draftguard uninstall: HOME is not set; use --system or --dir\n");
    return kUsage;
  }
  int removed = 0;
  int status = kOk;
  for (const Browser* b : o.browsers) {
    fs::path dir = o.dir ? *o.dir : ManifestDir(*b, o.system, home.value_or(fs::path()));
    fs::path path = dir / ManifestFileName();
    std::error_code ec;
    if (fs::remove(path, ec)) {
      std::printf("removed %s\n", path.c_str());
      ++removed;
    } else if (ec) {
      std::fprintf(stderr, "draftguard uninstall: cannot remove %s: %s\n", path.c_str(), ec.message().c_str());
      status = kProblems;
    }
#ifdef _WIN32
    if (!o.dir) DeleteRegistryKey(o.system, b->registry_key);
#endif
  }
  if (removed == 0 && status == kOk) std::printf("nothing to remove\n");
  return status;
}

int RunDoctor(std::span<const std::string_view> args) {
  if (!args.empty()) {
    std::printf("usage: draftguard doctor\nChecks every installed host manifest and the store; prints a fix for each problem.\n");
    return args[0] == "--help" || args[0] == "-h" ? kOk : kUsage;
  }
  int problems = 0, manifests = 0;
  auto problem = [&](const std::string& what, const std::string& fix) {
    ++problems;
    std::printf("problem: %s\n    fix: %s\n", what.c_str(), fix.c_str());
  };
  std::optional<fs::path> home = Home();
  fs::path self = SelfPath();
  for (const Browser& b : kBrowsers) {
    for (bool system : {false, true}) {
      if (!system && !home) continue;
      fs::path path = ManifestDir(b, system, home.value_or(fs::path())) / ManifestFileName();
      std::error_code ec;
      if (!fs::exists(path, ec)) continue;
      ++manifests;
      std::string where = std::string(b.name) + " (" + (system ? "system" : "user") + ") " + path.string();
      std::string reinstall = std::string("draftguard install --browser ") + std::string(b.id) +
                              (system ? " --system" : " --user");
      std::ifstream f(path, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(f)), {});
      boost::system::error_code jec;
      json::value v = json::parse(text, jec);
      if (jec || !v.is_object()) {
        problem(where + ": not valid JSON", reinstall);
        continue;
      }
      const json::object& m = v.get_object();
      int before = problems;
      auto is = [&](const char* key, std::string_view want) {
        const json::value* v = m.if_contains(key);
        return v && v->is_string() && std::string_view(v->get_string()) == want;
      };
      if (!is("name", host::kHostName)) {
        problem(where + ": \"name\" is not " + std::string(host::kHostName), reinstall);
      }
      if (!is("type", "stdio")) problem(where + ": \"type\" is not \"stdio\"", reinstall);
      const json::value* p = m.if_contains("path");
      if (!p || !p->is_string()) {
        problem(where + ": no \"path\"", reinstall);
      } else {
        fs::path bin(std::string(p->get_string()));
        if (!bin.is_absolute()) {
          problem(where + ": \"path\" " + bin.string() + " is relative (browsers need an absolute path)", reinstall);
        } else if (!fs::exists(bin, ec)) {
          problem(where + ": the host binary " + bin.string() + " does not exist", reinstall);
        } else if (::access(bin.c_str(), X_OK) != 0) {
          problem(where + ": " + bin.string() + " is not executable", "chmod +x " + bin.string());
        } else if (fs::equivalent(bin, self, ec) == false && !ec) {
          std::printf("note: %s points to %s, not to this binary (%s)\n", where.c_str(), bin.c_str(), self.c_str());
        }
      }
      const char* key = b.family == Family::kChromium ? "allowed_origins" : "allowed_extensions";
      std::string expected = b.family == Family::kChromium
                                 ? "chrome-extension://" + std::string(host::kChromiumExtensionId) + "/"
                                 : std::string(host::kFirefoxExtensionId);
      const json::value* ids = m.if_contains(key);
      bool has = false, well_formed = ids && ids->is_array();
      if (well_formed) {
        for (const json::value& id : ids->get_array()) {
          if (!id.is_string()) {
            well_formed = false;
            continue;
          }
          std::string s(id.get_string());
          has |= s == expected;
          if (b.family == Family::kChromium) {
            well_formed &= s.starts_with("chrome-extension://") && s.ends_with("/") &&
                           host::IsChromiumExtensionId(s.substr(19, s.size() - 20));
          } else {
            well_formed &= host::IsFirefoxExtensionId(s);
          }
        }
      }
      if (!well_formed) {
        problem(where + ": \"" + key + "\" is missing or holds a malformed id", reinstall);
      } else if (!has) {
        problem(where + ": \"" + key + "\" does not name the DraftGuard extension (" + expected + ")", reinstall);
      }
      if (problems == before) std::printf("ok: %s\n", where.c_str());
    }
    // Sandboxed packages cannot start native hosts without portals.
    std::error_code ec;
    if (!b.snap.empty() && fs::exists(fs::path("/snap") / b.snap, ec)) {
      problem(std::string(b.name) + " is installed as a snap, which cannot start native messaging hosts",
              "install " + std::string(b.name) + " from your distribution's packages (deb/rpm) or the vendor's, then "
              "run 'draftguard install --browser " + std::string(b.id) + "'");
    }
    if (!b.flatpak.empty()) {
      bool flat = fs::exists(fs::path("/var/lib/flatpak/app") / b.flatpak, ec) ||
                  (home && fs::exists(*home / ".local/share/flatpak/app" / b.flatpak, ec));
      if (flat) {
        problem(std::string(b.name) + " is installed as a Flatpak, which cannot start native messaging hosts",
                "install " + std::string(b.name) + " from your distribution's packages or the vendor's, then run "
                "'draftguard install --browser " + std::string(b.id) + "'");
      }
    }
  }
  if (manifests == 0) {
    problem("no DraftGuard host manifest is installed for any browser", "draftguard install");
  }
  // The store the host will use.
  Result<fs::path> dir = store::DefaultStoreDir();
  if (!dir.ok()) {
    problem("no store folder: " + dir.status().ToString(), "set HOME (or XDG_CONFIG_HOME)");
  } else {
    Result<std::unique_ptr<store::Store>> st = store::Store::Open(dir.value());
    if (!st.ok()) {
      problem("the store cannot be opened: " + st.status().ToString(), "check the permissions of " + dir.value().string());
    } else {
      for (const store::StoreProblem& p : st.value()->problems()) {
        problem("store file " + p.file + ": " + p.message + (p.moved_to.empty() ? "" : " (moved to " + p.moved_to + ")"),
                p.moved_to.empty() ? "upgrade DraftGuard, or move the file away" : "re-import your lists if they are missing");
      }
      if (st.value()->problems().empty()) {
        std::printf("ok: store %s (lists revision %llu)\n", dir.value().c_str(),
                    static_cast<unsigned long long>(st.value()->lists().revision));
      }
    }
  }
  // Organisation packs (src/org/): a refused pack is a problem; nothing is recorded.
  org::LoaderOptions org_options = org::DefaultLoaderOptions(dir.ok() ? dir.value() : fs::path());
  org_options.remember = false;
  for (const std::string& line : org::OrgDoctorLines(org::LoadOrgPolicy(org_options))) {
    if (line.starts_with("refused") || line.starts_with("problem")) {
      problem(line, "ask whoever manages DraftGuard for a valid signed pack, or remove it from " +
                        (org::SystemDir() / "packs").string());
    } else {
      std::printf("%s\n", line.c_str());
    }
  }
  if (problems == 0) {
    std::printf("no problems found\n");
  } else {
    std::printf("%d problem(s) found\n", problems);
  }
  return problems == 0 ? kOk : kProblems;
}

}  // namespace draftguard::install
