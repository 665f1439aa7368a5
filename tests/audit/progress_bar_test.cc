#include "audit/progress_bar.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

namespace draftguard::audit {
namespace {

TEST_CASE("progress: the line") {
  CHECK(ProgressBar::Render("Auditing", 120000, 250000, 10) ==
        "Auditing  [####------]   48%  120 000/250 000");
  CHECK(ProgressBar::Render("Auditing", 5, 5, 4) == "Auditing  [####]  100%  5/5");
  CHECK(ProgressBar::Render("A", 0, 0, 2) == "A  [##]  100%  0/0");
}

TEST_CASE("progress: silent when disabled, cleared when finished") {
  char buf[512] = {};
  std::FILE* f = fmemopen(buf, sizeof buf - 1, "w");
  REQUIRE(f != nullptr);
  {
    ProgressBar off(f, false, "Auditing");
    off.Update(1, 2);
  }
  std::fflush(f);
  CHECK(std::string(buf).empty());
  {
    ProgressBar on(f, true, "Auditing");
    on.Update(1, 2);
    on.Update(2, 2);
  }
  std::fclose(f);
  std::string out(buf);
  CHECK(out.find("\rAuditing  [") == 0);
  CHECK(out.find("100%  2/2") != std::string::npos);
  CHECK(out.size() >= 4);
  CHECK(out.substr(out.size() - 4) == "\r\x1b[K");
}

}  // namespace
}  // namespace draftguard::audit
