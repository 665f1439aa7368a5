#include "cli/text_report.h"

#include "formats/utf16_offsets.h"

#include <algorithm>

namespace draftguard::cli {
namespace {

constexpr size_t kContextChars = 40;  // characters of excerpt on each side

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves a byte offset back/forward by up to n characters, stopping at line ends.
size_t BackChars(std::string_view t, size_t at, size_t n) {
  while (at > 0 && n > 0 && t[at - 1] != '\n') {
    --at;
    while (at > 0 && IsContinuation(t[at])) --at;
    --n;
  }
  return at;
}
size_t ForwardChars(std::string_view t, size_t at, size_t n) {
  while (at < t.size() && n > 0 && t[at] != '\n' && t[at] != '\r') {
    ++at;
    while (at < t.size() && IsContinuation(t[at])) ++at;
    --n;
  }
  return at;
}

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kHigh: return "\x1b[1;31m";
    case Severity::kMedium: return "\x1b[1;33m";
    case Severity::kLow: return "\x1b[36m";
  }
  return "";
}

// The excerpt on one line, newlines inside the span shown as spaces.
std::string Flatten(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

}  // namespace

LineColumn LineColumnOf(std::string_view text, uint32_t utf16_offset) {
  size_t end = Utf16ToUtf8(text).ByteOffset(utf16_offset);
  LineColumn lc;
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if (!IsContinuation(text[i]) && text[i] != '\r') {
      ++lc.column;
    }
  }
  return lc;
}

void WriteTextReport(std::FILE* out, std::string_view text, std::span<const Finding> findings,
                     const TextReportOptions& options) {
  const char* reset = options.color ? "\x1b[0m" : "";
  const char* dim = options.color ? "\x1b[2m" : "";
  int counts[3] = {0, 0, 0};
  for (const Finding& f : findings) {
    ++counts[static_cast<int>(f.severity)];
    LineColumn lc = LineColumnOf(text, f.start);
    Utf16ToUtf8 bytes(text);
    size_t b = bytes.ByteOffset(f.start), e = bytes.ByteOffset(f.end);
    size_t from = BackChars(text, b, kContextChars), to = ForwardChars(text, e, kContextChars);
    const char* color = options.color ? SeverityColor(f.severity) : "";
    std::string_view sev = SeverityName(f.severity);
    std::string_view cat = CategoryName(f.category);
    std::fprintf(out, "%.*s:%zu:%zu: %s%.*s%s %.*s (%s)\n", static_cast<int>(options.source_name.size()),
                 options.source_name.data(), lc.line, lc.column, color, static_cast<int>(sev.size()),
                 sev.data(), reset, static_cast<int>(cat.size()), cat.data(), f.rule.c_str());
    std::string before = Flatten(text.substr(from, b - from));
    std::string span = Flatten(text.substr(b, e - b));
    std::string after = Flatten(text.substr(e, to - e));
    // Without colour the span is bracketed so it still stands out in a log.
    std::fprintf(out, "  %s%s%s%s%s%s%s%s%s\n", from > 0 ? "…" : "", before.c_str(), color,
                 options.color ? "" : "[[", span.c_str(), options.color ? "" : "]]", reset, after.c_str(),
                 to < text.size() && text[to] != '\n' ? "…" : "");
    if (!f.message.empty()) std::fprintf(out, "  %swhy:%s %s\n", dim, reset, f.message.c_str());
    if (!f.suggestion.empty()) std::fprintf(out, "  %ssafer:%s %s\n", dim, reset, f.suggestion.c_str());
  }
  if (findings.empty()) {
    std::fprintf(out, "%.*s: no leaks found\n", static_cast<int>(options.source_name.size()),
                 options.source_name.data());
  } else {
    std::fprintf(out, "%.*s: %zu finding%s: %d high, %d medium, %d low\n",
                 static_cast<int>(options.source_name.size()), options.source_name.data(), findings.size(),
                 findings.size() == 1 ? "" : "s", counts[2], counts[1], counts[0]);
  }
}

}  // namespace draftguard::cli
