// The few file operations the organisation layer needs: bounded reads and
// atomic, permission-controlled writes (temp file, fsync, rename, fsync of
// the folder), so a crash never leaves half a key or half a state file.
#ifndef DRAFTGUARD_ORG_FILE_IO_H_
#define DRAFTGUARD_ORG_FILE_IO_H_

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "draftguard/status.h"

namespace draftguard::org {

// Packs, keys and trust lists are small; larger files are refused.
inline constexpr uintmax_t kMaxOrgFileBytes = 16u << 20;

// kNotFound if absent, kTooLarge over `limit`, kIo otherwise.
Result<std::string> ReadSmallFile(const std::filesystem::path& path, uintmax_t limit = kMaxOrgFileBytes);

// Writes `bytes` to `path` atomically with permissions `mode`.
// If `exclusive`, fails with kConflict when `path` already exists.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                           bool exclusive = false);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_FILE_IO_H_
