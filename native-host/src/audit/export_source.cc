#include "audit/export_source.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace draftguard::audit {
namespace {

namespace fs = std::filesystem;

std::string TooLargeMessage(std::string_view file, size_t max_bytes) {
  return std::string(file) + " is larger than " + std::to_string(max_bytes >> 20) + " MiB";
}

class ZipSource final : public ExportSource {
 public:
  explicit ZipSource(zip_t* zip) : zip_(zip) {
    zip_int64_t n = zip_get_num_entries(zip_, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
      const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
      if (name == nullptr) continue;
      std::string_view s(name);
      if (s.empty() || s.back() == '/') continue;  // a directory entry
      files_.emplace_back(s);
      index_.emplace_back(static_cast<zip_uint64_t>(i));
    }
  }
  ~ZipSource() override { zip_discard(zip_); }

  const std::vector<std::string>& files() const override { return files_; }
  std::string_view kind() const override { return "zip"; }

  Result<std::string> Read(std::string_view file, size_t max_bytes) const override {
    auto it = std::find(files_.begin(), files_.end(), file);
    if (it == files_.end())
      return Status(ErrorCode::kNotFound, "no such file in the archive", std::string(file));
    zip_uint64_t index = index_[static_cast<size_t>(it - files_.begin())];
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > max_bytes)
      return Status(ErrorCode::kTooLarge, TooLargeMessage(file, max_bytes), std::string(file));
    zip_file_t* f = zip_fopen_index(zip_, index, 0);
    if (f == nullptr)
      return Status(ErrorCode::kCorrupt,
                    std::string("cannot open the entry: ") + zip_strerror(zip_), std::string(file));
    std::string data;
    if (st.valid & ZIP_STAT_SIZE) data.reserve(static_cast<size_t>(st.size));
    char buf[1 << 16];
    while (true) {
      zip_int64_t got = zip_fread(f, buf, sizeof buf);
      if (got < 0) {
        std::string why = zip_error_strerror(zip_file_get_error(f));
        zip_fclose(f);
        return Status(ErrorCode::kCorrupt, "cannot decompress the entry: " + why,
                      std::string(file));
      }
      if (got == 0) break;
      // The declared size can lie; the cap holds on what is actually read.
      if (data.size() + static_cast<size_t>(got) > max_bytes) {
        zip_fclose(f);
        return Status(ErrorCode::kTooLarge, TooLargeMessage(file, max_bytes), std::string(file));
      }
      data.append(buf, static_cast<size_t>(got));
    }
    zip_fclose(f);
    return data;
  }

 private:
  zip_t* zip_;
  std::vector<std::string> files_;
  std::vector<zip_uint64_t> index_;
};

class FolderSource final : public ExportSource {
 public:
  FolderSource(fs::path root, std::vector<std::string> files)
      : root_(std::move(root)), files_(std::move(files)) {}

  const std::vector<std::string>& files() const override { return files_; }
  std::string_view kind() const override { return "folder"; }

  Result<std::string> Read(std::string_view file, size_t max_bytes) const override {
    if (std::find(files_.begin(), files_.end(), file) == files_.end())
      return Status(ErrorCode::kNotFound, "no such file in the folder", std::string(file));
    fs::path p = root_ / fs::path(std::string(file));
    std::error_code ec;
    uintmax_t size = fs::file_size(p, ec);
    if (ec) return Status(ErrorCode::kIo, ec.message(), std::string(file));
    if (size > max_bytes)
      return Status(ErrorCode::kTooLarge, TooLargeMessage(file, max_bytes), std::string(file));
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status(ErrorCode::kIo, std::strerror(errno), std::string(file));
    std::string data(static_cast<size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    data.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return Status(ErrorCode::kIo, "read error", std::string(file));
    return data;
  }

 private:
  fs::path root_;
  std::vector<std::string> files_;
};

Result<std::unique_ptr<ExportSource>> OpenFolder(const fs::path& root) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot read the folder: " + ec.message(), root.string());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it.depth() >= 8) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    files.push_back(it->path().lexically_relative(root).generic_string());
  }
  if (ec) return Status(ErrorCode::kIo, "cannot read the folder: " + ec.message(), root.string());
  std::sort(files.begin(), files.end());
  return std::unique_ptr<ExportSource>(new FolderSource(root, std::move(files)));
}

Result<std::unique_ptr<ExportSource>> OpenZip(const fs::path& path) {
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (zip == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, err);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (err == ZIP_ER_NOZIP)
      return Status(ErrorCode::kInvalidArgument,
                    "not a zip archive nor a folder (expected LinkedIn's data export)",
                    path.string());
    if (err == ZIP_ER_OPEN || err == ZIP_ER_READ)
      return Status(ErrorCode::kIo, "cannot read the archive: " + why, path.string());
    return Status(ErrorCode::kInvalidArgument, "not a readable zip archive: " + why, path.string());
  }
  return std::unique_ptr<ExportSource>(new ZipSource(zip));
}

}  // namespace

Result<std::unique_ptr<ExportSource>> ExportSource::Open(const fs::path& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    return Status(ErrorCode::kNotFound, "no such file or folder", path.string());
  if (fs::is_directory(st)) return OpenFolder(path);
  if (!fs::is_regular_file(st))
    return Status(ErrorCode::kInvalidArgument, "not a zip archive nor a folder", path.string());
  return OpenZip(path);
}

}  // namespace draftguard::audit
