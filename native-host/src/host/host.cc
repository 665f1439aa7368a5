#include "host/host.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <map>
#include <memory>
#include <vector>

#include <sodium.h>

#include <boost/json/serialize.hpp>

#include "draftguard/engine.h"
#include "draftguard/packs.h"
#include "host/request_reader.h"
#include "org/ignore_hasher.h"
#include "org/org_engine.h"
#include "protocol/dispatcher.h"
#include "protocol/framing.h"
#include "secure/hardening.h"
#include "store/store.h"

namespace draftguard::host {
namespace json = boost::json;

bool IsChromiumExtensionId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (c < 'a' || c > 'p') return false;
  }
  return true;
}

bool IsFirefoxExtensionId(std::string_view id) {
  if (id.size() < 3 || id.size() > 255) return false;
  if (id.front() == '{' && id.back() == '}') return id.size() == 38;
  size_t at = id.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == id.size()) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_' || c == '@' || c == '+';
    if (!ok) return false;
  }
  return true;
}

std::optional<Caller> DetectCaller(std::span<const std::string_view> args) {
  if (args.empty()) return std::nullopt;
  constexpr std::string_view kScheme = "chrome-extension://";
  if (args[0].starts_with(kScheme)) {
    std::string_view id = args[0].substr(kScheme.size());
    if (id.ends_with('/')) id.remove_suffix(1);
    return Caller{Caller::Browser::kChromium, std::string(id)};
  }
  // Firefox: the manifest's path, then the add-on id.
  if (args.size() >= 2 && args[0].ends_with(".json") && IsFirefoxExtensionId(args[1])) {
    return Caller{Caller::Browser::kFirefox, std::string(args[1])};
  }
  return std::nullopt;
}

namespace {

bool WriteAll(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool WriteFrame(int fd, std::string_view payload) {
  return WriteAll(fd, protocol::EncodeFrame(payload));
}

struct LoadedEngine {
  std::unique_ptr<Engine> engine;
  std::map<std::string, size_t> applied;  // scope → Dispatcher::ListsFingerprint
};

LoadedEngine LoadEngine(ListsDocument doc, const org::OrgPolicy* org_policy) {
  LoadedEngine l;
  l.engine = org::CreateEngine(*org_policy, nullptr);  // built-in + organisation packs and lists
  for (const auto& [scope, lists] : doc.domains) {
    Status s = l.engine->SetLists(scope, lists);
    if (!s.ok()) {
      std::fprintf(stderr, "draftguard: lists of \"%s\" not loaded: %s\n", scope.c_str(), s.ToString().c_str());
      continue;
    }
    l.applied[scope] = protocol::Dispatcher::ListsFingerprint(lists);
  }
  return l;
}

bool IsAllowed(const Caller& caller, const std::vector<std::string>& extra) {
  if (caller.browser == Caller::Browser::kChromium && caller.extension_id == kChromiumExtensionId) return true;
  if (caller.browser == Caller::Browser::kFirefox && caller.extension_id == kFirefoxExtensionId) return true;
  for (const std::string& id : extra) {
    if (id == caller.extension_id) return true;
  }
  return false;
}

}  // namespace

int RunHost(const Caller& caller, HostOptions options) {
  // Frames go to a private copy of stdout; fd 1 becomes stderr, so nothing
  // else can write into the frame stream.
  int out = options.out_fd;
  if (options.out_fd == STDOUT_FILENO) {
    out = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (out < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
      std::fprintf(stderr, "draftguard: cannot set up stdout: %s\n", std::strerror(errno));
      return 1;
    }
  }
  ::signal(SIGPIPE, SIG_IGN);  // a closed browser end is a write error, not a crash
  if (sodium_init() < 0) {
    std::fprintf(stderr, "draftguard: libsodium failed to initialise\n");
    return 1;
  }
  // Drafts pass through this process: no core dumps, no ptrace by peers.
  for (const std::string& p : secure::HardenProcess().problems) std::fprintf(stderr, "draftguard: %s\n", p.c_str());

  std::unique_ptr<store::Store> store;
  Result<std::filesystem::path> dir =
      options.store_dir ? Result<std::filesystem::path>(*options.store_dir) : store::DefaultStoreDir();
  if (dir.ok()) {
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(dir.value());
    if (opened.ok()) {
      store = std::move(opened).value();
    } else {
      std::fprintf(stderr, "draftguard: store unavailable: %s\n", opened.status().ToString().c_str());
    }
  } else {
    std::fprintf(stderr, "draftguard: store unavailable: %s\n", dir.status().ToString().c_str());
  }

  std::vector<std::string> extra = store ? store->extra_extension_ids() : std::vector<std::string>();
  if (!IsAllowed(caller, extra)) {
    std::string who = caller.browser == Caller::Browser::kChromium
                          ? "chrome-extension://" + caller.extension_id + "/"
                          : caller.extension_id;
    std::fprintf(stderr, "draftguard: refusing caller %s (not an allowed extension)\n", who.c_str());
    json::object e = protocol::Dispatcher::Error(
        nullptr, "forbidden_origin",
        "the caller " + who + " is not an allowed DraftGuard extension; add it with "
        "'draftguard install --extension-id ID'");
    WriteFrame(out, json::serialize(e));
    return 1;
  }

  if (store && store->max_frame_bytes()) {
    options.max_frame_bytes = static_cast<uint32_t>(std::min<uint64_t>(*store->max_frame_bytes(), UINT32_MAX));
  }
  if (const char* cap = std::getenv("DRAFTGUARD_MAX_FRAME_BYTES")) {
    char* end = nullptr;
    unsigned long long v = std::strtoull(cap, &end, 10);
    if (end && *end == '\0' && v > 0 && v <= UINT32_MAX) options.max_frame_bytes = static_cast<uint32_t>(v);
  }

  // Organisation packs (signed, /etc/draftguard and enterprise policy).
  const org::OrgPolicy org_policy =
      org::LoadOrgPolicy(org::DefaultLoaderOptions(store ? store->dir() : std::filesystem::path()));
  for (const std::string& line : org::OrgDoctorLines(org_policy)) {
    if (!line.starts_with("ok")) std::fprintf(stderr, "draftguard: %s\n", line.c_str());
  }

  RequestReader reader(options.in_fd, options.max_frame_bytes);

  // Stored lists (100 000 terms take a while to compile) are loaded on a
  // second engine in the background; hello is answered meanwhile, and the
  // first request that needs the lists waits for them. The loader starts
  // once the first engine is built, so the two do not compete for the CPU
  // before the first reply.
  std::vector<LoadProblem> problems;
  std::unique_ptr<Engine> engine = org::CreateEngine(org_policy, &problems);
  for (const LoadProblem& p : problems) std::fprintf(stderr, "draftguard: %s\n", p.ToString().c_str());
  std::future<LoadedEngine> loader;
  if (store && !store->lists().value.domains.empty()) {
    loader = std::async(std::launch::async, LoadEngine, store->lists().value, &org_policy);
  }
  protocol::DispatcherOptions dopts;
  dopts.org = org::OrgStatusJson(org_policy);
  dopts.locked_lists = org::LockedLists(org_policy);
  dopts.forced_categories = org::ForcedCategories(org_policy);
  if (store) {
    Result<org::IgnoreHasher> hasher = org::IgnoreHasher::Open(store->dir());
    if (hasher.ok()) {
      dopts.ignore_key = [h = std::make_shared<org::IgnoreHasher>(std::move(hasher).value())](
                             std::string_view rule, std::string_view matched) { return h->Digest(rule, matched); };
    } else {
      std::fprintf(stderr, "draftguard: no ignore key: %s\n", hasher.status().ToString().c_str());
    }
  }
  dopts.version = options.version;
  dopts.max_frame_bytes = options.max_frame_bytes;
  dopts.load_lists = false;
  protocol::Dispatcher dispatcher(engine.get(), store.get(), dopts);
  dispatcher.SetListsLoading(loader.valid());
  auto adopt = [&] {
    LoadedEngine loaded = loader.get();
    dispatcher.AdoptEngine(loaded.engine.get(), std::move(loaded.applied));
    engine = std::move(loaded.engine);
  };

  std::string editor;
  // Returns rather than assigns the reply: a reply built in its own arena
  // (an analysis result) would be copied by an assignment.
  auto answer = [&](Incoming& item) -> json::object {
    if (item.too_large > 0) {
      dispatcher.NoteError();
      return protocol::Dispatcher::Error(
          nullptr, "too_large",
          "a frame of " + std::to_string(item.too_large) + " bytes is over the host's limit of " +
              std::to_string(options.max_frame_bytes) + " bytes; it was skipped");
    }
    if (!item.parsed.ok()) {
      dispatcher.NoteError();
      return std::move(item.parsed.error);
    }
    if (protocol::Dispatcher::IsAnalyze(item.parsed.request, &editor) && reader.HasAnalyzeFor(editor)) {
      return dispatcher.Superseded(item.parsed.request);
    }
    if (loader.valid() && protocol::Dispatcher::NeedsLists(item.parsed.request)) adopt();
    return dispatcher.Handle(item.parsed.request);
  };
  for (bool open = true;;) {
    // Everything the browser has sent so far, waiting only when there is
    // nothing to answer: a newer analyze request must be seen before the
    // older one is analysed.
    if (open) open = reader.Take(reader.empty() ? RequestReader::Wait::kUntilSomething
                                                : RequestReader::Wait::kNoWait);
    if (reader.empty()) {
      if (!open) break;
      continue;
    }
    std::optional<Incoming> item(reader.Pop());
    json::object reply = answer(*item);
    item.reset();  // frees (and wipes) the request
    std::string bytes = dispatcher.Serialize(reply);
    if (!WriteFrame(out, bytes)) {
      // The browser is gone; the loader may still be compiling: leave now.
      std::fprintf(stderr, "draftguard: the browser closed the pipe: %s\n", std::strerror(errno));
      std::fflush(stderr);
      ::_exit(0);
    }
  }
  if (loader.valid()) loader.wait();
  return 0;
}

int RunBrowserHost(const Caller& caller, std::string_view version) {
  HostOptions options;
  options.version = std::string(version);
  return RunHost(caller, std::move(options));
}

}  // namespace draftguard::host
