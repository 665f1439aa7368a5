// The file operations every writer of DraftGuard's files shares: bounded
// reads and atomic, permission-controlled writes (temp file, fsync, rename,
// fsync of the folder), so a crash never leaves half a list, key or state
// file. The store and the organisation layer both write through here.
#ifndef DRAFTGUARD_STORE_FILE_IO_H_
#define DRAFTGUARD_STORE_FILE_IO_H_

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "draftguard/status.h"

namespace draftguard::store {

// Packs, keys and trust lists are small; larger files are refused.
inline constexpr uintmax_t kMaxSmallFileBytes = 16u << 20;

// kNotFound if absent, kTooLarge over `limit`, kIo otherwise.
Result<std::string> ReadSmallFile(const std::filesystem::path& path, uintmax_t limit = kMaxSmallFileBytes);

// A write goes through "<path>.tmp.<pid>"; a file so named whose pid is
// gone was left by a writer killed mid-save (Store::Open removes them).
inline constexpr char kTempInfix[] = ".tmp.";

// Writes `bytes` to `path` atomically with permissions `mode`.
// If `exclusive`, fails with kConflict when `path` already exists.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                           bool exclusive = false);

}  // namespace draftguard::store

#endif  // DRAFTGUARD_STORE_FILE_IO_H_
