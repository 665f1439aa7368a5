// The host's store: keyword lists, settings and host configuration in the
// user's config directory ($XDG_CONFIG_HOME/draftguard/, else
// ~/.config/draftguard/).
//
//   lists.json     {"schema":1,"revision":7,"version":1,"domains":{…}}
//                  (the lists document of lists.h plus schema and revision,
//                  so `draftguard scan --lists` reads it as is)
//   settings.json  {"schema":1,"revision":2,"domains":{…}}  (settings.h)
//   config.json    {"schema":1,"allowed_extensions":["…"],"max_frame_bytes":N}
//                  written by `draftguard install --extension-id` (or by
//                  hand), read-only for the host
//   .lock          flock(2) target serialising writers
//
// Design decision: every write is a read-modify-write under an exclusive
// flock, against the file as committed on disk, never against what this
// process last saw. The caller names the revision its edit was based on;
// if another process (a second browser or profile) committed in between,
// the update fails with kConflict and nothing is written, so no update is
// ever lost. Writes are atomic: temp file, fsync, rename, fsync of the
// directory; a reader (which takes no lock) sees the old file or the new
// one, never a mix, even if the writer is killed half-way.
//
// A file that does not parse (or cannot be read) is renamed to
// "<name>.corrupt-<time>-<pid>" (kept, never deleted) and the store starts
// on defaults, reporting it in problems(). A file with a newer schema is
// left alone and the store becomes read-only.
//
// Thread safety: none; one Store per thread (the host has one).
#ifndef DRAFTGUARD_STORE_STORE_H_
#define DRAFTGUARD_STORE_STORE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/lists.h"
#include "draftguard/status.h"
#include "store/settings.h"

namespace draftguard::store {

inline constexpr int kSchema = 1;

// Files larger than this are treated as unreadable (moved aside).
inline constexpr uintmax_t kMaxStoreFileBytes = 256u << 20;

struct StoreProblem {
  std::string file;      // "lists.json"
  std::string message;   // what was wrong
  std::string moved_to;  // where the file was moved, empty if it was not
};

template <typename T>
struct Versioned {
  uint64_t revision = 0;  // 0: nothing stored yet
  T value;
};

// $XDG_CONFIG_HOME/draftguard if XDG_CONFIG_HOME is set and absolute, else
// $HOME/.config/draftguard; kNotFound if neither variable helps.
Result<std::filesystem::path> DefaultStoreDir();

class Store {
 public:
  // Creates `dir` (mode 0700) if needed and reads what is there. Fails only
  // if the directory cannot be created or locked; bad files become
  // problems().
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& dir);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Re-reads lists.json if another process replaced it since it was last
  // read; returns true if the lists changed. Cost: one stat(2) when nothing
  // changed.
  bool RefreshLists();
  bool RefreshSettings();

  const Versioned<ListsDocument>& lists() const { return lists_; }
  const Versioned<Settings>& settings() const { return settings_; }

  // Under the exclusive lock: re-reads the committed lists; if
  // `base_revision` is given and differs from theirs, fails with kConflict
  // (lists() then holds the committed ones). Otherwise `edit` changes a copy;
  // if it returns OK the copy is written with revision + 1 and becomes
  // lists(), else nothing is written and its Status is returned.
  Status UpdateLists(std::optional<uint64_t> base_revision,
                     const std::function<Status(ListsDocument&)>& edit);
  Status UpdateSettings(std::optional<uint64_t> base_revision,
                        const std::function<Status(Settings&)>& edit);

  // Extension ids from config.json (Chromium ids and Firefox add-on ids).
  const std::vector<std::string>& extra_extension_ids() const { return extra_ids_; }
  // config.json "max_frame_bytes", if set: the host's frame cap.
  std::optional<uint64_t> max_frame_bytes() const { return max_frame_bytes_; }

  // Files that were moved aside or could not be used, since Open().
  const std::vector<StoreProblem>& problems() const { return problems_; }
  // True when a file was written by a newer schema: updates then fail.
  bool read_only() const { return read_only_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct FileState;
  Store(std::filesystem::path dir, int lock_fd);
  Status ReadLists(bool locked);
  Status ReadSettings(bool locked);
  // Re-reads `f` into *out if it changed since last read: absent → empty;
  // newer schema → empty and the store read-only; unparsable by `parse` →
  // moved aside and empty.
  template <typename T, typename Parse>
  Status ReadVersioned(FileState& f, bool locked, Versioned<T>* out, const Parse& parse);
  // Reads `name` if its identity changed; *changed tells whether it did;
  // *json receives the parsed object (null when the file is absent).
  Status ReadIfChanged(FileState& f, bool locked, bool* changed, boost::json::value* json);
  void MoveAside(FileState& f, const std::string& why, bool locked);
  Status WriteAtomically(FileState& f, const std::string& bytes);
  // The update both files share, under the lock and on a fresh read: checks
  // the base revision, applies `edit` to a copy, writes schema, revision
  // and the object fields that `fields` adds, then keeps the copy. `what`
  // names the file in a conflict ("the lists changed since…").
  template <typename T, typename Fields>
  Status UpdateVersioned(FileState& f, Versioned<T>* current, std::string_view what,
                         std::optional<uint64_t> base_revision, const std::function<Status(T&)>& edit,
                         const Fields& fields);

  std::filesystem::path dir_;
  int lock_fd_;
  std::unique_ptr<FileState> lists_file_, settings_file_;
  Versioned<ListsDocument> lists_;
  Versioned<Settings> settings_;
  std::vector<std::string> extra_ids_;
  std::optional<uint64_t> max_frame_bytes_;
  std::vector<StoreProblem> problems_;
  bool read_only_ = false;
};

// Adds `id` to config.json's allowed_extensions (creating the file), under
// the store lock. Used by `draftguard install --extension-id`.
Status AddAllowedExtension(const std::filesystem::path& dir, const std::string& id);

}  // namespace draftguard::store

#endif  // DRAFTGUARD_STORE_STORE_H_
