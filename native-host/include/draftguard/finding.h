// Categories, severities and the Finding the engine reports.
//
// The ids and names here are fixed: they cross the native-messaging protocol,
// the CLI's JSON output and the rule packs, so renaming one is a protocol
// change.
#ifndef DRAFTGUARD_FINDING_H_
#define DRAFTGUARD_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace draftguard {

enum class Category : uint8_t {
  kConfidential,  // explicit markers: "confidential", "NDA", "ne pas diffuser"
  kCaseStudy,     // campaign or client results with figures
  kStrategy,      // non-public plans: fundraising, M&A, restructuring, targets
  kPrelaunch,     // product news before launch, codenames, betas
  kCompetitor,    // internal intelligence on competitors
  kKeyword,       // a hit on a user's or organisation's own list
  kPii,           // third parties' personal data
};
inline constexpr int kCategoryCount = 7;

enum class Severity : uint8_t {
  kLow,     // a hint, shown quietly
  kMedium,  // a warning
  kHigh,    // blocks Post until the user confirms
};

// "confidential", "case_study", ... ; ParseCategory is the inverse.
std::string_view CategoryName(Category c);
std::optional<Category> ParseCategory(std::string_view name);
// "low", "medium", "high"; ParseSeverity is the inverse.
std::string_view SeverityName(Severity s);
std::optional<Severity> ParseSeverity(std::string_view name);

// A set of categories, e.g. the ones a user switched on for a site.
class CategorySet {
 public:
  static CategorySet All() { return CategorySet((1u << kCategoryCount) - 1); }
  static CategorySet None() { return CategorySet(0); }
  bool contains(Category c) const { return bits_ & Bit(c); }
  void insert(Category c) { bits_ |= Bit(c); }
  void erase(Category c) { bits_ &= ~Bit(c); }
  bool operator==(const CategorySet&) const = default;

 private:
  explicit CategorySet(uint32_t bits) : bits_(bits) {}
  static uint32_t Bit(Category c) { return 1u << static_cast<int>(c); }
  uint32_t bits_;
};

// One thing in a draft that leaks something.
struct Finding {
  Category category = Category::kConfidential;
  Severity severity = Severity::kLow;
  // Which rule fired: "<pack>.<rule>" for pack rules, "list.<list name>" for
  // keyword lists.
  std::string rule;
  // Span in UTF-16 code units of the original text (what JavaScript indexes),
  // start inclusive, end exclusive.
  uint32_t start = 0;
  uint32_t end = 0;
  // Why it matters, and a safer way to say it (may be empty), in the
  // language the engine was created with.
  std::string message;
  std::string suggestion;

  bool operator==(const Finding&) const = default;
};

}  // namespace draftguard

#endif  // DRAFTGUARD_FINDING_H_
