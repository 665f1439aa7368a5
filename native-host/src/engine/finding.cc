#include "draftguard/finding.h"

#include <array>

namespace draftguard {
namespace {
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "confidential", "case_study", "strategy", "prelaunch", "competitor", "keyword", "pii"};
constexpr std::array<std::string_view, 3> kSeverityNames = {"low", "medium", "high"};
}  // namespace

std::string_view CategoryName(Category c) { return kCategoryNames[static_cast<int>(c)]; }

std::optional<Category> ParseCategory(std::string_view name) {
  for (int i = 0; i < kCategoryCount; ++i)
    if (kCategoryNames[i] == name) return static_cast<Category>(i);
  return std::nullopt;
}

std::string_view SeverityName(Severity s) { return kSeverityNames[static_cast<int>(s)]; }

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (int i = 0; i < 3; ++i)
    if (kSeverityNames[i] == name) return static_cast<Severity>(i);
  return std::nullopt;
}

}  // namespace draftguard
