// The regex rules of every loaded pack, compiled.
//
// Design decision: one RE2::Set holds every rule's pattern, so a draft is
// scanned once to learn which rules fire at all; only those rules then run
// their own RE2 for positions, and context and exclusion patterns only look
// at the few bytes around each hit. RE2::Set reports "out of memory" as "no
// match" unless asked, so Match() asks and falls back to the rules one by
// one rather than miss anything.
#ifndef DRAFTGUARD_ENGINE_RULE_SET_H_
#define DRAFTGUARD_ENGINE_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
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
  std::unique_ptr<RE2> pattern;
  struct Context {
    std::unique_ptr<RE2> pattern;
    ContextEffect effect;
    int window;
  };
  std::vector<Context> context;
  bool requires_context = false;
  NearbyPatterns exclusions;
  LocalizedText message;
  LocalizedText suggestion;
};

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
  // exclusions. If the set's DFA runs out of memory, every rule runs on its
  // own: slower, the same hits.
  void Match(std::string_view normalized, std::vector<Hit>* hits) const;

  size_t size() const { return rules_.size(); }

 private:
  RuleSet() = default;
  void MatchRule(std::string_view text, const CompiledRule& rule, std::vector<Hit>* hits) const;

  std::vector<CompiledRule> rules_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_RULE_SET_H_
