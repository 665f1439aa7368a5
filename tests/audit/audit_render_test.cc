// The report opened in real Chromium (headless): it must render, with its
// highlights, chart and links, and load nothing from anywhere.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "export_fixture.h"
#include "run_binary.h"

namespace draftguard::audit {
namespace {

namespace fs = std::filesystem;
using testing::Run;
using testing::TempDir;

const std::string kBinary = DG_BINARY;
const std::string kChromium = DG_CHROMIUM;

bool Has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

std::vector<std::string> Chromium(const TempDir& tmp, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {"timeout",
                                   "90",
                                   kChromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-quic",
                                   "--hide-scrollbars",
                                   "--user-data-dir=" + (tmp.path() / "profile").string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

uint32_t BigEndian32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

TEST_CASE("audit report renders in Chromium") {
  TempDir tmp;
  testing::WriteZip(tmp.path() / "export.zip", testing::SampleExport());
  testing::WriteFile(tmp.path() / "lists.json", testing::SampleListsJson());
  setenv("XDG_CONFIG_HOME", (tmp.path() / "config").c_str(), 1);
  auto audit =
      Run({kBinary, "audit", (tmp.path() / "export.zip").string(), "--lists",
           (tmp.path() / "lists.json").string(), "--out", (tmp.path() / "report").string()},
          tmp.path());
  REQUIRE(audit.status == 1);
  const std::string url = "file://" + (tmp.path() / "report" / "report.html").string();

  // The DOM Chromium built: the page parsed as intended.
  auto dom = Run(Chromium(tmp, {"--dump-dom", url}), tmp.path());
  REQUIRE(dom.status == 0);
  CHECK(Has(dom.out, "<h1>What your LinkedIn activity already gives away</h1>"));
  CHECK(Has(dom.out, "<mark class=\"sev-high\""));
  CHECK(Has(dom.out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""));
  CHECK(Has(dom.out, "Open on LinkedIn to edit or delete</a>"));
  CHECK(Has(dom.out, "&lt;script&gt;alert('x')&lt;/script&gt;"));
  CHECK(!Has(dom.out, "<script"));

  // A screenshot of the rendered page: a real PNG of the window's size.
  fs::path png = tmp.path() / "report.png";
  auto shot = Run(Chromium(tmp, {"--window-size=1000,1400", "--screenshot=" + png.string(), url}),
                  tmp.path());
  REQUIRE(shot.status == 0);
  std::string bytes = testing::ReadFile(png);
  REQUIRE(bytes.size() > 24);
  CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(BigEndian32(bytes, 16) == 1000);  // IHDR width
  CHECK(BigEndian32(bytes, 20) == 1400);  // IHDR height
  CHECK(bytes.size() > 20000);            // not a blank page

  // Test-only hook: keep the screenshot, e.g. for the README:
  //   DG_AUDIT_SCREENSHOT_OUT=tests/audit/screenshots/audit-report.png
  //   build/tests/audit_render_test
  if (const char* keep = std::getenv("DG_AUDIT_SCREENSHOT_OUT")) testing::WriteFile(keep, bytes);
}

}  // namespace
}  // namespace draftguard::audit
