// The DraftGuard detection engine: finds what a draft post gives away.
//
// Design decision: the engine is a library with no I/O. It is given rule
// packs and keyword lists as data and a draft as a string, and returns
// findings; reading files, JSON, stdio and the browser are other layers'
// business, so the CLI, the native host and the tests all run the very same
// code.
//
// Matching runs on a normalised view of the draft (see rules.h) that maps
// every byte back to the original, so findings are reported in UTF-16 code
// units of the text the caller passed in. A prefilter (the literals each
// rule needs, found by one RE2::Set) tells which regex rules can fire, then
// each of those runs its own RE2 for positions; literal terms (any number
// of them: 100 000 per scope is normal) go through one token-level
// Aho–Corasick automaton per scope.
//
// Example:
//
//   std::vector<LoadProblem> problems;
//   auto engine = Engine::Create(Options(), BuiltinPacks(), &problems);  // packs.h
//   engine->SetLists("linkedin.com", {{.name = "codenames",
//                                       .terms = {"Falcon"}}});
//   Result<std::vector<Finding>> r =
//       engine->Analyze("Project Falcon ships in May", {.domain = "www.linkedin.com"});
//   if (!r.ok()) { /* r.status(): invalid UTF-8 at byte N, or too large */ }
//
// Privacy: the engine keeps nothing of a draft after Analyze() returns; its
// normalised copy is zeroed before the memory is released.
//
// Thread safety: Analyze() is const and may run concurrently; SetLists()
// must not run concurrently with anything else.
#ifndef DRAFTGUARD_ENGINE_H_
#define DRAFTGUARD_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/finding.h"
#include "draftguard/rules.h"
#include "draftguard/status.h"

namespace draftguard {

struct Options {
  // Language of messages and suggestions: "en" or "fr" (others: English).
  std::string language = "en";
  // Memory budget of each RE2::Set of the rules' prefilter (the literals
  // the rules need; the rules that have none), in bytes. When the sets do
  // not fit, or a draft exhausts them, every rule runs on the draft instead
  // (slower, same findings): RE2::Set's out-of-memory is never taken for
  // "no match".
  int64_t rule_set_max_mem = 128 << 20;
  // Memory budget of each single rule's RE2 (context and exclusion patterns
  // included), in bytes.
  int64_t rule_max_mem = 8 << 20;
  // Largest RE2 program a rule's main pattern may compile to. A rule may
  // scan every draft in full at every keystroke, and a few sprawling
  // patterns (long alternations separated by {0,40} gaps) multiply DFA
  // states until they crawl at 1 MB/s; such a rule is refused at load with a
  // hint to move the surrounding words into "context" patterns, which only
  // ever look at a small window.
  int max_rule_program_size = 2000;
  // Longest draft Analyze() accepts, in bytes; longer ones get kTooLarge.
  size_t max_text_bytes = 32 << 20;
};

struct AnalyzeOptions {
  // The site the draft is written on ("www.linkedin.com"). Lists of scope
  // "*" always apply; a scope "linkedin.com" applies to it and its
  // subdomains. Empty: only the "*" lists.
  std::string_view domain;
  // Findings of other categories are not reported.
  CategorySet categories = CategorySet::All();
};

class Engine {
 public:
  // Compiles the packs. A rule, list or term that fails validation is
  // skipped and described in *problems (may be null); everything else loads.
  // Cost: compiles every pattern; a few ms for the built-in packs.
  static std::unique_ptr<Engine> Create(const Options& options,
                                        std::span<const RulePack> packs,
                                        std::vector<LoadProblem>* problems);

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Replaces every keyword list of `scope` ("*" or a site such as
  // "linkedin.com"). All or nothing: if any term is invalid (a bad /regex/,
  // a term with no letters or digits) the scope keeps its old lists and the
  // Status names the list and the term.
  // Cost: linear in the total size of the terms; about 0.3 s for 100 000
  // terms on the reference 2-core machine (engine_benchmark).
  Status SetLists(std::string_view scope, std::span<const TermList> lists);

  // Keyed hash of a canonical term form, e.g. libsodium's crypto_generichash
  // (BLAKE2b). The engine has no cryptography of its own.
  using TermHasher = std::function<std::string(std::string_view key, std::string_view canonical_words)>;

  // Replaces the sealed lists of `scope` (see SealedTermList). All or
  // nothing, like SetLists.
  // Cost per analysis: one hash per word × max_words of the longest list.
  Status SetSealedLists(std::string_view scope, std::span<const SealedTermList> lists, TermHasher hasher);

  // Removes the lists of `scope` (plain and sealed); no-op if it has none.
  void ClearLists(std::string_view scope);

  // Analyses one draft. Fails only for invalid UTF-8 (kInvalidArgument, the
  // item is the byte offset) or a text over Options::max_text_bytes
  // (kTooLarge).
  // Findings are sorted by start, then end; overlapping findings of one
  // category are merged into one carrying the highest severity.
  // Cost: linear in the text; dominated by the rule set's RE2 passes, about
  // 0.5 ms for a 3 000-character post with the built-in packs on the
  // reference machine (engine_benchmark prints the current figures).
  Result<std::vector<Finding>> Analyze(std::string_view utf8,
                                       const AnalyzeOptions& options) const;

  // Number of regex rules and of literal terms (built-in and lists) loaded.
  size_t rule_count() const;
  size_t term_count() const;

 private:
  struct Rep;
  explicit Engine(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The canonical form of a term, as sealed-term hashes are computed over it:
// its normalised words joined by single spaces ("Maison-Oriel’s" →
// "maison oriel s"). Empty if the term has no letter or digit.
std::string CanonicalTermForm(std::string_view term);

// The other canonical forms under which a term is found, which a sealed
// list must hash too, since the engine never sees its words: the words
// joined, as in a hashtag ("project falcon" → "projectfalcon"), and a
// codename without its generic first word ("falcon"). `canonical` is a
// CanonicalTermForm; empty for a one-word term. (Plain lists find hashtags
// by splitting them into known words instead.)
std::vector<std::string> CanonicalTermAliases(std::string_view canonical);

}  // namespace draftguard

#endif  // DRAFTGUARD_ENGINE_H_
