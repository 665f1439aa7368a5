// The human-readable output of `draftguard scan`: one block per finding with
// its line:column, the excerpt with the span marked, why it matters and a
// safer wording; then a one-line summary.
#ifndef DRAFTGUARD_CLI_TEXT_REPORT_H_
#define DRAFTGUARD_CLI_TEXT_REPORT_H_

#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "draftguard/finding.h"

namespace draftguard::cli {

struct TextReportOptions {
  std::string_view source_name = "-";  // shown before line:column
  bool color = false;                   // ANSI colours (terminals only)
};

// Line and column (1-based, in characters) of a UTF-16 offset of `text`.
struct LineColumn {
  size_t line = 1;
  size_t column = 1;
};
LineColumn LineColumnOf(std::string_view text, uint32_t utf16_offset);

void WriteTextReport(std::FILE* out, std::string_view text, std::span<const Finding> findings,
                     const TextReportOptions& options);

}  // namespace draftguard::cli

#endif  // DRAFTGUARD_CLI_TEXT_REPORT_H_
