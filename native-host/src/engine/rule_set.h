// The regex rules of every loaded pack, compiled.
//
// Design decision: RE2's FilteredRE2 reduces every rule to the literal
// strings ("atoms") that any match must contain, in an AND/OR tree. One
// RE2::Set of those literals scans a draft once; the rules that this would
// not filter (no atoms, or only short ones found in any text; or atoms that
// everyday prose is full of) go into two smaller RE2::Sets that say which of
// them match. Only the rules that pass then run their own RE2 for
// positions, and context and exclusion patterns (or, for a context naming a
// list category, the user's list terms) only look at the few bytes around
// each hit.
//
// Why not one RE2::Set of all the rules: its DFA tracks every rule at once
// (word boundaries, digits, gaps), so its states multiply. A draft unlike
// the ones seen before spent milliseconds building states (p99 3 ms), and a
// warm one still missed the cache on most bytes. A set of literals is an
// Aho-Corasick automaton in DFA form, with few states.
// RE2::Set reports "out of memory" as "no match" unless asked, so Match()
// asks and falls back to every rule rather than miss anything. FilteredRE2
// lowercases its atoms and expects lowercased text: the normalised text is
// case-folded already, so the atoms are matched on it as it is.
#ifndef DRAFTGUARD_ENGINE_RULE_SET_H_
#define DRAFTGUARD_ENGINE_RULE_SET_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "draftguard/rules.h"
#include "draftguard/status.h"
#include "engine/pattern.h"

namespace draftguard::internal {

struct CompiledRule {
  std::string id;  // "<pack>.<rule id>"
  Category category;
  Severity severity;
  const RE2* pattern;  // owned by the RuleSet's filter
  struct Context {
    std::shared_ptr<const RE2> pattern;  // null for a list context
    std::optional<Category> list;
    ContextEffect effect;
    int window;
  };
  std::vector<Context> context;
  bool requires_context = false;
  NearbyPatterns exclusions;
  LocalizedText message;
  LocalizedText suggestion;
};

// Where the keyword lists' terms were found in the normalised text, by
// category, each sorted by start: what a context naming a list category
// (ContextSpec::list) looks for.
using ListSpans = std::array<std::vector<Span>, kCategoryCount>;

class RuleSet {
 public:
  struct Hit {
    size_t begin;  // byte span in the normalised text
    size_t end;
    const CompiledRule* rule;
    Severity severity;  // after context effects
  };

  // Compiles the rules of `packs` with `lexicons`; a rule that fails is
  // skipped and described in *problems.
  struct Limits {
    int64_t set_max_mem;
    int64_t rule_max_mem;
    int max_program_size;
  };
  static std::unique_ptr<RuleSet> Compile(std::span<const RulePack> packs, const Lexicons& lexicons,
                                          const Limits& limits, std::vector<LoadProblem>* problems);

  // Appends the hits in the normalised text that survive their contexts and
  // exclusions; `lists` answers the contexts that name a list category. If
  // the prefilter's sets run out of memory, every rule runs: slower, the
  // same hits.
  void Match(std::string_view normalized, const ListSpans& lists, std::vector<Hit>* hits) const;

  size_t size() const { return rules_.size(); }

 private:
  RuleSet() = default;

  // Rules the filter would pass on nearly every draft, each verified
  // instead by an RE2::Set that says which of them match.
  struct VerifyingSet {
    std::vector<int> ids;  // filter ids, sorted
    std::unique_ptr<RE2::Set> set;
    // Replaces, in the sorted *candidates, this set's rules by those that match
    // `text`; false when the set ran out of memory.
    bool Verify(std::string_view text, std::vector<int>* candidates) const;
  };

  // Compiles a rule's pattern into the filter, which keeps it: the rule
  // then matches with the filter's RE2 (a second copy of every pattern cost
  // a tenth of the packs' compile time). Returns its filter id, or the error
  // CompilePattern words. A pattern RE2 compiles but CheckPattern refuses
  // stays in the filter, belonging to no rule.
  Result<int> AddToFilter(std::string_view pattern, const Lexicons& lexicons, int64_t max_mem);

  // Fills *out with the rules of `filter_ids` not in `taken` (sorted) and
  // their set; false when it does not fit in max_mem.
  bool Verified(std::vector<int> filter_ids, const std::vector<int>& taken, int64_t max_mem,
                VerifyingSet* out) const;

  // Compiles `patterns` into *set (left null when there are none); false
  // when they do not fit in max_mem.
  static bool CompileSet(const std::vector<std::string>& patterns, int64_t max_mem,
                         std::unique_ptr<RE2::Set>* set);

  // Appends to *rules, in order, the indices of the rules that may match
  // `text`; false when a set ran out of memory.
  bool Candidates(std::string_view text, std::vector<int>* rules) const;

  void MatchRule(std::string_view text, const CompiledRule& rule, const ListSpans& lists,
                 std::vector<Hit>* hits) const;

  std::vector<CompiledRule> rules_;
  // Atoms shorter than 3 bytes ("ga", a digit) would be found in nearly
  // every draft and filter nothing: the filter drops them, and a rule that
  // only had those has no atoms.
  re2::FilteredRE2 filter_{3};
  std::vector<int> rule_of_filter_id_;  // index in rules_, or -1 for a refused pattern
  std::unique_ptr<RE2::Set> atoms_;  // the filter's atoms, as literals
  // Rules without atoms (phone numbers, figures) or with only 3-byte ones
  // ("the", "our"): a third of the rules, so a DFA with far fewer states
  // than one of all of them.
  VerifyingSet short_atoms_;
  // Rules whose atoms ordinary prose is full of ("launch", "customers",
  // "new", "date"): each would otherwise scan nearly every draft in full to
  // find nothing. A separate set, so neither DFA grows the other's states.
  VerifyingSet ordinary_words_;
  bool run_all_ = false;  // a set did not fit in memory
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_RULE_SET_H_
