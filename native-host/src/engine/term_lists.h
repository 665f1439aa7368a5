// A group of term lists compiled for matching: one keyword automaton for
// all their literal terms, plus the few /regex/ terms.
//
// The engine keeps one TermLists for the packs' lists and one per scope of
// keyword lists ("*", "linkedin.com", …).
#ifndef DRAFTGUARD_ENGINE_TERM_LISTS_H_
#define DRAFTGUARD_ENGINE_TERM_LISTS_H_

#include <re2/re2.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "draftguard/rules.h"
#include "draftguard/status.h"
#include "engine/keyword_matcher.h"
#include "engine/pattern.h"

namespace draftguard::internal {

class TermLists {
 public:
  struct Hit {
    size_t begin;  // byte span in the normalised text
    size_t end;
    uint32_t list;
    uint32_t term;
  };

  // Compiles `lists`; each list's findings carry rule id `id_prefix` + name.
  // With `problems` null the compilation is all or nothing: the first bad
  // term or pattern fails it, naming the list and the term. Otherwise bad
  // items are skipped and described in *problems.
  static Result<std::unique_ptr<TermLists>> Compile(std::span<const TermList> lists,
                                                    std::string id_prefix, const Lexicons& lexicons,
                                                    int64_t max_mem, std::string_view source,
                                                    std::vector<LoadProblem>* problems);

  // Appends the hits not excluded by their list's exclusions.
  void Match(std::string_view normalized, const std::vector<Token>& tokens,
             std::vector<Hit>* hits) const;

  const TermList& list(uint32_t i) const { return lists_[i]; }
  const std::string& rule_id(uint32_t i) const { return rule_ids_[i]; }
  size_t term_count() const { return term_count_; }

 private:
  struct RegexTerm {
    uint32_t list;
    uint32_t term;
    std::unique_ptr<RE2> pattern;
  };
  TermLists() = default;

  std::vector<TermList> lists_;
  std::vector<std::string> rule_ids_;
  std::vector<NearbyPatterns> exclusions_;
  std::unique_ptr<KeywordMatcher> matcher_;
  std::vector<RegexTerm> regexes_;
  size_t term_count_ = 0;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_TERM_LISTS_H_
