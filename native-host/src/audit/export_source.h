// Where an export's files come from: the zip LinkedIn sends, or the folder
// it was unpacked into.
//
// Design decision: nothing is extracted to disk. A zip's entries are read
// straight into memory through libzip, one file at a time, so a crafted
// archive cannot write outside anything (no "../" extraction) and the
// audit leaves no copy of the export behind. Each read is capped, so a zip
// bomb fails that one file instead of the machine.
//
// Example:
//
//   Result<std::unique_ptr<ExportSource>> src = ExportSource::Open(path);
//   if (!src.ok()) return Fail(src.status());     // not a zip nor a folder
//   for (const std::string& f : src.value()->files()) ...
//   Result<std::string> csv = src.value()->Read("Shares.csv", 256 << 20);
#ifndef DRAFTGUARD_AUDIT_EXPORT_SOURCE_H_
#define DRAFTGUARD_AUDIT_EXPORT_SOURCE_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/status.h"

namespace draftguard::audit {

class ExportSource {
 public:
  // Opens a zip archive or a directory. Fails with kNotFound if `path` does
  // not exist, kInvalidArgument if it is neither a directory nor a zip
  // archive (the message says which), kIo if it cannot be read.
  // Cost: reads the zip's central directory, or walks the folder (at most
  // 8 levels deep, symbolic links not followed).
  static Result<std::unique_ptr<ExportSource>> Open(const std::filesystem::path& path);

  virtual ~ExportSource() = default;

  // Every regular file, as a '/'-separated path relative to the root, in
  // the archive's (or a sorted) order.
  virtual const std::vector<std::string>& files() const = 0;

  // Reads one file of files(). kTooLarge if it holds more than `max_bytes`
  // (nothing is read beyond that), kNotFound / kIo / kCorrupt otherwise.
  virtual Result<std::string> Read(std::string_view file, size_t max_bytes) const = 0;

  // "zip" or "folder".
  virtual std::string_view kind() const = 0;
};

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_EXPORT_SOURCE_H_
