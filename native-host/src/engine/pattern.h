// Compiling the RE2 patterns of packs and lists, finding their matches, and
// checking the patterns that sit near a hit (contexts, exclusions).
//
// Every RE2 here is built through CompilePattern, so every one has an
// explicit memory budget, never logs, never captures (positions of the whole
// match are all we need, and captures would force the slower engines), and a
// bad pattern is an error value naming RE2's complaint and the offending part.
#ifndef DRAFTGUARD_ENGINE_PATTERN_H_
#define DRAFTGUARD_ENGINE_PATTERN_H_

#include <re2/re2.h>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/status.h"

namespace draftguard::internal {

// Lexicon name → its alternatives joined as one non-capturing group.
using Lexicons = std::map<std::string, std::string, std::less<>>;

// Adds a pack's lexicons (name → alternatives) to *lexicons.
void AddLexicons(const std::map<std::string, std::vector<std::string>>& source, Lexicons* lexicons);

// Replaces every {{name}} by its lexicon, recursively (lexicons may use
// lexicons). kBadPattern for an unknown name or a cycle.
Result<std::string> ExpandLexicons(std::string_view pattern, const Lexicons& lexicons);

RE2::Options PatternOptions(int64_t max_mem);

// Expands and compiles. kBadPattern carries RE2's error and the offending
// fragment in its message.
Result<std::unique_ptr<RE2>> CompilePattern(std::string_view pattern, const Lexicons& lexicons,
                                           int64_t max_mem);

// What CompilePattern checks of a compiled RE2: RE2's complaint with the
// offending part, and a pattern that matches the empty string.
Status CheckPattern(const RE2& re);

// Compiles each distinct pattern once and shares it. Packs repeat context
// and exclusion patterns across rules ({{future_time}} in a dozen), and
// compiling is most of the host's start; a shared RE2 also warms one DFA
// instead of a dozen. The RE2s outlive the cache.
class PatternCache {
 public:
  PatternCache(const Lexicons& lexicons, int64_t max_mem) : lexicons_(lexicons), max_mem_(max_mem) {}

  // CompilePattern, once per distinct pattern.
  Result<std::shared_ptr<const RE2>> Compile(std::string_view pattern);

  // One alternation of compiled patterns, once per distinct list; null when
  // it does not fit in max_mem.
  std::shared_ptr<const RE2> Alternation(std::span<const std::shared_ptr<const RE2>> patterns);

 private:
  const Lexicons& lexicons_;
  int64_t max_mem_;
  std::map<std::string, std::shared_ptr<const RE2>, std::less<>> compiled_;
  std::map<std::string, std::shared_ptr<const RE2>, std::less<>> alternations_;
};

// Calls fn(begin, end) for each non-overlapping match of `re` in `text`, left
// to right. Matching from a start position keeps the text before it as
// context, so \b and ^ behave as in one pass over the whole text.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, Fn&& fn) {
  re2::StringPiece match;  // this RE2 predates its std::string_view API
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t begin = match.data() - text.data();
    size_t end = begin + match.size();
    // Continue after the match: at least one byte on, at a character start.
    pos = end > begin ? end : begin + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    if (end > begin) fn(begin, end);
  }
}

// A byte range of the normalised text: a hit, or the neighbourhood around one.
struct Span {
  size_t begin;
  size_t end;
};

// The neighbourhood of a hit: `window` bytes before its start and after its
// end, cut at the nearest paragraph break ('\n') inside that.
Span Neighbourhood(std::string_view text, Span hit, int window);

// Sets (*near)[i] when `re` matches inside the neighbourhood of hits[i]
// (and leaves the other entries alone). The text around a neighbourhood
// stays context for \b: a neighbourhood cut mid-word is no word boundary.
//
// Design decision: a rule can fire every other sentence (a launch verb, a
// figure), and their neighbourhoods overlap. Overlapping neighbourhoods are
// searched as one stretch first; only when the pattern occurs in the stretch
// is each neighbourhood asked on its own. Patterns that are usually absent
// (exclusions, most contexts) then cost about one pass over the text
// however many hits there are.
void MarkNear(const RE2& re, std::string_view text, std::span<const Span> hits, int window,
              std::vector<char>* near);

// Patterns looked for around a hit, any one of which will do.
struct NearbyPatterns {
  std::vector<std::shared_ptr<const RE2>> patterns;
  int window = 0;

  // Joins the patterns into one alternation, so a hit costs one RE2 search
  // however many patterns there are (rules carry up to two dozen
  // exclusions). Call once all are added; if the alternation does not fit
  // in the cache's max_mem the patterns keep running one by one.
  void Combine(PatternCache* cache);

  // MarkNear for any of the patterns.
  void MarkNear(std::string_view text, std::span<const Span> hits, std::vector<char>* near) const;

 private:
  std::shared_ptr<const RE2> combined_;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_PATTERN_H_
