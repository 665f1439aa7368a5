// Test-only: a small LinkedIn data export written by the tests themselves,
// with LinkedIn's file and column names and the awkward cases the reader
// must survive (multi-line posts, doubled quotes, emoji, French, a
// malformed row, bytes that are not UTF-8, a hostile link and markup).
#ifndef DRAFTGUARD_TESTS_AUDIT_EXPORT_FIXTURE_H_
#define DRAFTGUARD_TESTS_AUDIT_EXPORT_FIXTURE_H_

#include <filesystem>
#include <map>
#include <string>

namespace draftguard::audit::testing {

// Path in the export → bytes.
using ExportFiles = std::map<std::string, std::string>;

// Shares.csv (BOM, CRLF, 9 rows of which 1 malformed), Comments.csv (LF, 3
// rows of which 1 malformed) and one article under Articles/Articles/.
ExportFiles SampleExport();

// The keyword lists the sample is meant to be audited with:
// codenames {Falcon} high, clients {Acme Corp, Initech} medium (scope "*"),
// competitors {Globex} medium (scope "linkedin.com").
std::string SampleListsJson();

// Writes `files` as a zip archive (deflated) at `zip_path`.
void WriteZip(const std::filesystem::path& zip_path, const ExportFiles& files);

// Writes `files` under `dir` (created).
void WriteFolder(const std::filesystem::path& dir, const ExportFiles& files);

// A fresh, empty directory for one test under the system temp dir, removed
// by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace draftguard::audit::testing

#endif  // DRAFTGUARD_TESTS_AUDIT_EXPORT_FIXTURE_H_
