#include "audit/findings_chart.h"

#include <algorithm>
#include <cstdio>

#include "audit/html_escape.h"

namespace draftguard::audit {
namespace {

constexpr int kWidth = 760;
constexpr int kHeight = 240;
constexpr int kLeft = 44;
constexpr int kRight = 12;
constexpr int kTop = 28;
constexpr int kBottom = 36;

// Low, medium, high.
constexpr const char* kColors[kSeverityCount] = {"#9aa5b1", "#e8890c", "#c62828"};
constexpr const char* kNames[kSeverityCount] = {"low", "medium", "high"};

bool ParseMonth(const std::string& m, int* year, int* month) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (m[i] < '0' || m[i] > '9') return false;
  *year = std::stoi(m.substr(0, 4));
  *month = std::stoi(m.substr(5, 2));
  return *month >= 1 && *month <= 12;
}

// Smallest "nice" number (1, 2, 5 × 10^k) at or above x.
size_t NiceCeiling(size_t x) {
  size_t base = 1;
  while (true) {
    for (size_t m : {1, 2, 5})
      if (m * base >= x) return m * base;
    base *= 10;
  }
}

std::string Fmt(const char* format, double a, double b = 0, double c = 0, double d = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, format, a, b, c, d);
  return buf;
}

}  // namespace

std::vector<std::string> MonthRange(const std::string& first, const std::string& last) {
  std::vector<std::string> months;
  int y, m, ly, lm;
  if (!ParseMonth(first, &y, &m) || !ParseMonth(last, &ly, &lm)) return months;
  if (y * 12 + m > ly * 12 + lm) return months;
  while (y * 12 + m <= ly * 12 + lm) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    months.emplace_back(buf);
    if (++m == 13) {
      m = 1;
      ++y;
    }
  }
  return months;
}

std::string FindingsChartSvg(const std::map<std::string, SeverityCounts>& by_month) {
  std::vector<std::string> months;
  for (auto it = by_month.begin(); it != by_month.end() && months.empty(); ++it) {
    months = MonthRange(it->first, by_month.rbegin()->first);
  }
  if (months.empty()) return {};

  size_t max_total = 0;
  for (const auto& [month, counts] : by_month)
    max_total = std::max(max_total, counts[0] + counts[1] + counts[2]);
  const size_t y_max = NiceCeiling(std::max<size_t>(max_total, 1));

  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  const double slot = plot_w / static_cast<double>(months.size());
  const double bar = std::max(1.0, slot * 0.75);
  const size_t label_every = (months.size() + 11) / 12;

  std::string svg;
  svg += Fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %g %g\" ",
             kWidth, kHeight);
  svg += "role=\"img\" aria-label=\"Findings per month, by severity\">\n";
  // Legend.
  for (int s = kSeverityCount - 1, i = 0; s >= 0; --s, ++i) {
    double x = kLeft + i * 90;
    svg += Fmt("<rect x=\"%g\" y=\"8\" width=\"12\" height=\"12\" ", x);
    svg += std::string("fill=\"") + kColors[s] + "\"/>";
    svg += Fmt("<text x=\"%g\" y=\"18\" font-size=\"12\">", x + 16);
    svg += std::string(kNames[s]) + "</text>\n";
  }
  // Y axis: 0, half and the top.
  for (size_t tick : {size_t{0}, y_max / 2, y_max}) {
    if (tick == 0 && y_max == 1) continue;
    double y = kTop + plot_h - plot_h * static_cast<double>(tick) / static_cast<double>(y_max);
    svg += Fmt("<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#d0d7de\"/>", kLeft, y,
               kWidth - kRight, y);
    svg += Fmt("<text x=\"%g\" y=\"%g\" font-size=\"11\" text-anchor=\"end\">", kLeft - 6, y + 4);
    svg += std::to_string(tick) + "</text>\n";
  }
  // Bars.
  for (size_t i = 0; i < months.size(); ++i) {
    double x = kLeft + slot * static_cast<double>(i) + (slot - bar) / 2;
    auto it = by_month.find(months[i]);
    if (it != by_month.end()) {
      const SeverityCounts& c = it->second;
      svg += "<g><title>";
      AppendHtmlEscaped(months[i], &svg);
      svg += ": " + std::to_string(c[2]) + " high, " + std::to_string(c[1]) + " medium, " +
             std::to_string(c[0]) + " low</title>";
      double base = kTop + plot_h;
      for (int s = kSeverityCount - 1; s >= 0; --s) {
        if (c[static_cast<size_t>(s)] == 0) continue;
        double h =
            plot_h * static_cast<double>(c[static_cast<size_t>(s)]) / static_cast<double>(y_max);
        base -= h;
        svg += Fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ", x, base, bar, h);
        svg += std::string("fill=\"") + kColors[s] + "\"/>";
      }
      svg += "</g>\n";
    }
    if (i % label_every == 0) {
      svg += Fmt("<text x=\"%.1f\" y=\"%g\" font-size=\"11\" text-anchor=\"middle\">", x + bar / 2,
                 kHeight - kBottom + 16);
      AppendHtmlEscaped(months[i], &svg);
      svg += "</text>\n";
    }
  }
  svg += Fmt("<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#57606a\"/>\n", kLeft,
             kTop + plot_h, kWidth - kRight, kTop + plot_h);
  svg += "</svg>";
  return svg;
}

}  // namespace draftguard::audit
