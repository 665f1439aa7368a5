#include "audit/findings_chart.h"

#include <doctest/doctest.h>

namespace draftguard::audit {
namespace {

size_t Count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("chart: months run across years") {
  CHECK(MonthRange("2024-11", "2025-02") ==
        std::vector<std::string>{"2024-11", "2024-12", "2025-01", "2025-02"});
  CHECK(MonthRange("2024-03", "2024-03") == std::vector<std::string>{"2024-03"});
  CHECK(MonthRange("2025-01", "2024-01").empty());
  CHECK(MonthRange("bad", "2024-01").empty());
}

TEST_CASE("chart: one stacked bar per month with findings, gaps left empty") {
  std::map<std::string, SeverityCounts> by_month = {
      {"2023-11", {0, 0, 1}},
      {"2024-03", {1, 2, 3}},
  };
  std::string svg = FindingsChartSvg(by_month);
  REQUIRE(!svg.empty());
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("</svg>") == svg.size() - 6);
  // Two months with data → two tooltips; 1 + 3 severity segments, plus the
  // three legend swatches.
  CHECK(Count(svg, "<title>") == 2);
  CHECK(svg.find("<title>2024-03: 3 high, 2 medium, 1 low</title>") != std::string::npos);
  CHECK(Count(svg, "<rect") == 3 + 1 + 3);
  // Every month from 2023-11 to 2024-03 is on the axis (5 months, all labelled).
  for (const char* m : {"2023-11", "2023-12", "2024-01", "2024-02", "2024-03"})
    CHECK(svg.find(std::string(">") + m + "</text>") != std::string::npos);
  // Nothing external: no href, no script, no image.
  CHECK(svg.find("href") == std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<image") == std::string::npos);
}

TEST_CASE("chart: nothing to draw") { CHECK(FindingsChartSvg({}).empty()); }

TEST_CASE("chart: ten years still gets at most 12 labels") {
  std::map<std::string, SeverityCounts> by_month = {{"2015-01", {1, 0, 0}}, {"2024-12", {0, 1, 0}}};
  std::string svg = FindingsChartSvg(by_month);
  CHECK(Count(svg, "text-anchor=\"middle\"") <= 12);
}

}  // namespace
}  // namespace draftguard::audit
