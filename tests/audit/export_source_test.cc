#include "audit/export_source.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "export_fixture.h"

namespace draftguard::audit {
namespace {

using testing::TempDir;

const testing::ExportFiles kFiles = {
    {"Shares.csv", "Date,ShareLink,ShareCommentary\n"},
    {"Articles/Articles/a.html", "<p>hi</p>"},
};

bool Has(const std::vector<std::string>& files, const std::string& f) {
  return std::find(files.begin(), files.end(), f) != files.end();
}

TEST_CASE("export source: a zip is listed and read without extracting") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "export.zip", kFiles);
  auto src = ExportSource::Open(tmp.path() / "export.zip");
  REQUIRE(src.ok());
  const ExportSource& s = *src.value();
  CHECK(s.kind() == "zip");
  CHECK(s.files().size() == 2);
  CHECK(Has(s.files(), "Articles/Articles/a.html"));
  auto data = s.Read("Shares.csv", 1 << 20);
  REQUIRE(data.ok());
  CHECK(data.value() == "Date,ShareLink,ShareCommentary\n");
  CHECK(s.Read("nope.csv", 1 << 20).status().code() == ErrorCode::kNotFound);
  CHECK(s.Read("Shares.csv", 4).status().code() == ErrorCode::kTooLarge);
  // Only the two files exist: nothing was written next to the archive.
  CHECK(std::distance(std::filesystem::directory_iterator(tmp.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("export source: an unpacked folder") {
  TempDir tmp;
  testing::WriteFolder(tmp.path() / "export", kFiles);
  auto src = ExportSource::Open(tmp.path() / "export");
  REQUIRE(src.ok());
  CHECK(src.value()->kind() == "folder");
  CHECK(src.value()->files() == std::vector<std::string>{"Articles/Articles/a.html", "Shares.csv"});
  auto data = src.value()->Read("Articles/Articles/a.html", 1 << 20);
  REQUIRE(data.ok());
  CHECK(data.value() == "<p>hi</p>");
  CHECK(src.value()->Read("../etc/passwd", 1 << 20).status().code() == ErrorCode::kNotFound);
}

TEST_CASE("export source: clear errors for what is not an export") {
  TempDir tmp;
  CHECK(ExportSource::Open(tmp.path() / "missing.zip").status().code() == ErrorCode::kNotFound);
  testing::WriteFile(tmp.path() / "notes.txt", "just some text, not a zip\n");
  auto text = ExportSource::Open(tmp.path() / "notes.txt");
  CHECK(text.status().code() == ErrorCode::kInvalidArgument);
  CHECK(text.status().message().find("not a zip archive") != std::string::npos);
}

}  // namespace
}  // namespace draftguard::audit
