#include "store/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace draftguard::store {
namespace fs = std::filesystem;

Result<std::string> ReadSmallFile(const fs::path& path, uintmax_t limit) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status(ErrorCode::kNotFound, path.string() + " does not exist", path.string());
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot read " + path.string() + ": " + ec.message(), path.string());
  if (size > limit)
    return Status(ErrorCode::kTooLarge, path.string() + " is over " + std::to_string(limit) + " bytes", path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot read " + path.string(), path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

namespace {

Status Errno(const std::string& what, const fs::path& path) {
  return Status(ErrorCode::kIo, what + " " + path.string() + ": " + std::strerror(errno), path.string());
}

}  // namespace

Status WriteFileAtomically(const fs::path& path, std::string_view bytes, mode_t mode, bool exclusive) {
  if (exclusive && ::access(path.c_str(), F_OK) == 0)
    return Status(ErrorCode::kConflict, path.string() + " already exists; not overwriting it", path.string());
  fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::path tmp = path;
  tmp += kTempInfix + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return Errno("cannot create", tmp);
  ::fchmod(fd, mode);  // the umask must not widen or narrow what was asked
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status s = Errno("cannot write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Status s = Errno("cannot flush", tmp);
    ::unlink(tmp.c_str());
    return s;
  }
  if (exclusive) {
    // link(2) fails if the target exists: no window for a race.
    if (::link(tmp.c_str(), path.c_str()) != 0) {
      Status s = errno == EEXIST ? Status(ErrorCode::kConflict, path.string() + " already exists; not overwriting it",
                                          path.string())
                                 : Errno("cannot create", path);
      ::unlink(tmp.c_str());
      return s;
    }
    ::unlink(tmp.c_str());
  } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Errno("cannot replace", path);
    ::unlink(tmp.c_str());
    return s;
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

}  // namespace draftguard::store
