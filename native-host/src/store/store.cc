#include "store/store.h"

#include "store/file_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace draftguard::store {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string Errno(const char* what, const fs::path& p) {
  return std::string(what) + " " + p.string() + ": " + std::strerror(errno);
}

// Holds the exclusive flock for a scope.
class LockGuard {
 public:
  explicit LockGuard(int fd) : fd_(fd) {
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~LockGuard() { flock(fd_, LOCK_UN); }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;

 private:
  int fd_;
};

int OpenLockFile(const fs::path& dir) {
  return ::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
}

Status ReadWholeFile(const fs::path& p, std::string* out, struct stat* st, bool* exists) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      *exists = false;
      return Status::Ok();
    }
    *exists = true;
    return Status(ErrorCode::kIo, Errno("cannot open", p), p.filename().string());
  }
  *exists = true;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
    ::close(fd);
    return Status(ErrorCode::kIo, "not a regular file: " + p.string(), p.filename().string());
  }
  if (static_cast<uintmax_t>(st->st_size) > kMaxStoreFileBytes) {
    ::close(fd);
    return Status(ErrorCode::kTooLarge, "file too large: " + p.string(), p.filename().string());
  }
  out->resize(static_cast<size_t>(st->st_size));
  size_t got = 0;
  for (;;) {
    if (got == out->size()) out->resize(out->size() + 4096);  // file grew? read to EOF
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Status(ErrorCode::kIo, Errno("cannot read", p), p.filename().string());
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > kMaxStoreFileBytes) {
      ::close(fd);
      return Status(ErrorCode::kTooLarge, "file too large: " + p.string(), p.filename().string());
    }
  }
  out->resize(got);
  ::close(fd);
  return Status::Ok();
}

// Reads the schema and revision every store file carries.
Status ReadHeader(const json::value& v, int* schema, uint64_t* revision, bool need_revision) {
  if (!v.is_object()) return Status(ErrorCode::kCorrupt, "not a JSON object");
  const json::object& o = v.get_object();
  const json::value* s = o.if_contains("schema");
  if (!s || !s->is_int64() || s->get_int64() < 1) {
    return Status(ErrorCode::kCorrupt, "\"schema\" missing or not a positive integer", "schema");
  }
  *schema = static_cast<int>(s->get_int64());
  if (!need_revision) return Status::Ok();
  const json::value* r = o.if_contains("revision");
  if (r && r->is_uint64()) {
    *revision = r->get_uint64();
  } else if (r && r->is_int64() && r->get_int64() >= 0) {
    *revision = static_cast<uint64_t>(r->get_int64());
  } else {
    return Status(ErrorCode::kCorrupt, "\"revision\" missing or not a non-negative integer", "revision");
  }
  return Status::Ok();
}

}  // namespace

struct Store::FileState {
  std::string name;
  fs::path path;
  bool known = false;  // a read happened
  bool exists = false;
  dev_t dev = 0;
  ino_t ino = 0;
  int64_t mtime_ns = 0;
  off_t size = 0;

  bool SameAs(const struct stat& st) const {
    return known && exists && st.st_dev == dev && st.st_ino == ino &&
           static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec == mtime_ns &&
           st.st_size == size;
  }
  void Remember(const struct stat& st) {
    known = true;
    exists = true;
    dev = st.st_dev;
    ino = st.st_ino;
    mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    size = st.st_size;
  }
  void RememberAbsent() {
    known = true;
    exists = false;
  }
};

Result<fs::path> DefaultStoreDir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return fs::path(xdg) / "draftguard";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".config" / "draftguard";
  return Status(ErrorCode::kNotFound, "neither XDG_CONFIG_HOME nor HOME is set", "HOME");
}

Store::Store(fs::path dir, int lock_fd) : dir_(std::move(dir)), lock_fd_(lock_fd) {
  lists_file_ = std::make_unique<FileState>();
  lists_file_->name = "lists.json";
  lists_file_->path = dir_ / "lists.json";
  settings_file_ = std::make_unique<FileState>();
  settings_file_->name = "settings.json";
  settings_file_->path = dir_ / "settings.json";
}

Store::~Store() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Result<std::unique_ptr<Store>> Store::Open(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message(), dir.string());
  ::chmod(dir.c_str(), 0700);
  int fd = OpenLockFile(dir);
  if (fd < 0) return Status(ErrorCode::kIo, Errno("cannot open lock file in", dir), dir.string());
  std::unique_ptr<Store> store(new Store(dir, fd));
  {
    // Temp files of writers that were killed mid-save: their pid is gone.
    LockGuard lock(fd);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      size_t t = name.find(kTempInfix);
      if (t == std::string::npos) continue;
      long pid = std::strtol(name.c_str() + t + sizeof kTempInfix - 1, nullptr, 10);
      if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
      fs::remove(entry.path(), ec);
    }
  }
  store->ReadLists(false);
  store->ReadSettings(false);
  // config.json: read once, never written by the host.
  std::string bytes;
  struct stat st {};
  bool exists = false;
  fs::path config = dir / "config.json";
  if (ReadWholeFile(config, &bytes, &st, &exists).ok() && exists) {
    boost::system::error_code jec;
    json::value v = json::parse(bytes, jec);
    const json::value* ids = (!jec && v.is_object()) ? v.get_object().if_contains("allowed_extensions") : nullptr;
    const json::value* cap = (!jec && v.is_object()) ? v.get_object().if_contains("max_frame_bytes") : nullptr;
    if (cap && cap->is_int64() && cap->get_int64() > 0) store->max_frame_bytes_ = cap->get_int64();
    if (ids && ids->is_array()) {
      for (const json::value& id : ids->get_array()) {
        if (id.is_string()) store->extra_ids_.emplace_back(id.get_string());
      }
    } else if (ids || !cap) {
      store->problems_.push_back({"config.json", "ignored: not {\"allowed_extensions\":[…]}", ""});
    }
  }
  return store;
}

bool Store::RefreshLists() {
  uint64_t before = lists_.revision;
  bool changed = false;
  struct stat st {};
  bool same = ::stat(lists_file_->path.c_str(), &st) == 0 ? lists_file_->SameAs(st)
                                                           : (lists_file_->known && !lists_file_->exists);
  if (same) return false;
  ReadLists(false);
  changed = true;
  (void)before;
  return changed;
}

bool Store::RefreshSettings() {
  struct stat st {};
  bool same = ::stat(settings_file_->path.c_str(), &st) == 0 ? settings_file_->SameAs(st)
                                                              : (settings_file_->known && !settings_file_->exists);
  if (same) return false;
  ReadSettings(false);
  return true;
}

Status Store::ReadIfChanged(FileState& f, bool locked, bool* changed, json::value* out) {
  *changed = false;
  std::string bytes;
  struct stat st {};
  bool exists = false;
  Status s = ReadWholeFile(f.path, &bytes, &st, &exists);
  if (!exists) {
    *changed = !f.known || f.exists;
    f.RememberAbsent();
    *out = nullptr;
    return Status::Ok();
  }
  if (!s.ok()) {
    MoveAside(f, s.message(), locked);
    *changed = true;
    *out = nullptr;
    return s;
  }
  if (f.SameAs(st)) {
    std::fill(bytes.begin(), bytes.end(), '\0');
    return Status::Ok();
  }
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 64;
  json::value v = json::parse(bytes, ec, {}, opts);
  if (ec) {
    MoveAside(f, "not valid JSON: " + ec.message(), locked);
    *changed = true;
    *out = nullptr;
    return Status(ErrorCode::kCorrupt, f.name + " is not valid JSON", f.name);
  }
  f.Remember(st);
  *changed = true;
  *out = std::move(v);
  return Status::Ok();
}

void Store::MoveAside(FileState& f, const std::string& why, bool locked) {
  std::unique_ptr<LockGuard> lock;
  if (!locked) lock = std::make_unique<LockGuard>(lock_fd_);
  char stamp[32];
  std::time_t now = std::time(nullptr);
  struct tm tm {};
  gmtime_r(&now, &tm);
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
  fs::path aside = f.path;
  aside += std::string(".corrupt-") + stamp + "-" + std::to_string(::getpid());
  StoreProblem p{f.name, why, ""};
  if (::rename(f.path.c_str(), aside.c_str()) == 0) {
    p.moved_to = aside.string();
    std::fprintf(stderr, "draftguard: %s: %s; moved to %s, starting on defaults\n", f.path.c_str(),
                 why.c_str(), aside.c_str());
  } else {
    std::fprintf(stderr, "draftguard: %s: %s; could not move it aside (%s)\n", f.path.c_str(), why.c_str(),
                 std::strerror(errno));
  }
  problems_.push_back(std::move(p));
  f.RememberAbsent();
}

template <typename T, typename Parse>
Status Store::ReadVersioned(FileState& f, bool locked, Versioned<T>* out, const Parse& parse) {
  bool changed = false;
  json::value v;
  Status s = ReadIfChanged(f, locked, &changed, &v);
  if (!changed) return Status::Ok();
  *out = {};
  if (v.is_null()) return s;
  int schema = 0;
  uint64_t revision = 0;
  Status h = ReadHeader(v, &schema, &revision, true);
  if (h.ok() && schema > kSchema) {
    read_only_ = true;
    problems_.push_back({f.name,
                         "written by a newer DraftGuard (schema " + std::to_string(schema) +
                             "); left as is, the store is read-only",
                         ""});
    return Status(ErrorCode::kCorrupt, "newer schema", f.name);
  }
  Result<T> parsed = h.ok() ? parse(v) : Result<T>(h);
  if (!parsed.ok()) {
    MoveAside(f, parsed.status().ToString(), locked);
    return parsed.status();
  }
  out->revision = revision;
  out->value = std::move(parsed).value();
  return Status::Ok();
}

Status Store::ReadLists(bool locked) {
  return ReadVersioned(*lists_file_, locked, &lists_, [](const json::value& v) { return ListsDocumentFromJson(v); });
}

Status Store::ReadSettings(bool locked) {
  return ReadVersioned(*settings_file_, locked, &settings_, [](const json::value& v) -> Result<Settings> {
    const json::value* domains = v.get_object().if_contains("domains");
    if (!domains) return Status(ErrorCode::kCorrupt, "\"domains\" missing", "domains");
    return SettingsFromJson(*domains, "domains");
  });
}

Status Store::WriteAtomically(FileState& f, const std::string& bytes) {
  Status s = WriteFileAtomically(f.path, bytes, 0600);
  if (!s.ok()) return Status(s.code(), s.message(), f.name);
  struct stat st {};
  if (::stat(f.path.c_str(), &st) == 0) f.Remember(st);
  return Status::Ok();
}

template <typename T, typename Fields>
Status Store::UpdateVersioned(FileState& f, Versioned<T>* current, std::string_view what,
                              std::optional<uint64_t> base_revision, const std::function<Status(T&)>& edit,
                              const Fields& fields) {
  if (read_only_) return Status(ErrorCode::kIo, "the store was written by a newer DraftGuard; not writing", "schema");
  if (base_revision && *base_revision != current->revision) {
    return Status(ErrorCode::kConflict,
                  "the " + std::string(what) + " changed since revision " + std::to_string(*base_revision) +
                      " (now " + std::to_string(current->revision) + ")",
                  std::to_string(current->revision));
  }
  T next = current->value;
  Status s = edit(next);
  if (!s.ok()) return s;
  json::object o;
  o["schema"] = kSchema;
  o["revision"] = current->revision + 1;
  fields(next, &o);
  s = WriteAtomically(f, json::serialize(o));
  if (!s.ok()) return s;
  current->revision += 1;
  current->value = std::move(next);
  return Status::Ok();
}

Status Store::UpdateLists(std::optional<uint64_t> base_revision,
                          const std::function<Status(ListsDocument&)>& edit) {
  LockGuard lock(lock_fd_);
  ReadLists(true);
  return UpdateVersioned(*lists_file_, &lists_, "lists", base_revision, edit,
                         [](const ListsDocument& doc, json::object* o) {
                           json::value v = ListsDocumentToJson(doc);
                           if (!v.is_object()) return;
                           for (auto& [k, val] : v.get_object()) (*o)[k] = std::move(val);
                         });
}

Status Store::UpdateSettings(std::optional<uint64_t> base_revision,
                             const std::function<Status(Settings&)>& edit) {
  LockGuard lock(lock_fd_);
  ReadSettings(true);
  return UpdateVersioned(*settings_file_, &settings_, "settings", base_revision, edit,
                         [](const Settings& next, json::object* o) { (*o)["domains"] = SettingsToJson(next); });
}

Status AddAllowedExtension(const fs::path& dir, const std::string& id) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message(), dir.string());
  int fd = OpenLockFile(dir);
  if (fd < 0) return Status(ErrorCode::kIo, Errno("cannot open lock file in", dir), dir.string());
  Status result;
  {
    LockGuard lock(fd);
    fs::path config = dir / "config.json";
    std::string bytes;
    struct stat st {};
    bool exists = false;
    json::object o;
    if (ReadWholeFile(config, &bytes, &st, &exists).ok() && exists) {
      boost::system::error_code jec;
      json::value v = json::parse(bytes, jec);
      if (!jec && v.is_object()) o = v.get_object();
    }
    o["schema"] = kSchema;
    json::value& ids = o["allowed_extensions"];
    if (!ids.is_array()) ids = json::array();
    bool present = false;
    for (const json::value& x : ids.get_array()) present |= x.is_string() && x.get_string() == id;
    if (!present) ids.get_array().emplace_back(id);
    result = WriteFileAtomically(config, json::serialize(o), 0600);
  }
  ::close(fd);
  return result;
}

}  // namespace draftguard::store
