// What the engine is configured with: rule packs (regex rules and literal
// term lists) and keyword lists. Plain data, filled in by whoever reads the
// files (see formats/rule_pack_json.h); the engine validates it when it
// compiles it.
//
// Every pattern is an RE2 regex matched against the *normalised view* of a
// draft: NFKC, case-folded, accents stripped, typographic quotes and dashes
// folded to ASCII ' " -, and every run of white space collapsed to one space.
// So patterns are written in lowercase without accents ("chiffre d'affaires",
// not "Chiffre d’Affaires") and a single space matches any white space.
//
// A pattern may name a lexicon as {{name}}: it is replaced by the lexicon's
// alternatives as a non-capturing group "(?:a|b|c)". Lexicons are shared by
// all packs an engine loads, so a figures lexicon is written once.
#ifndef DRAFTGUARD_RULES_H_
#define DRAFTGUARD_RULES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/finding.h"

namespace draftguard {

// A text in the languages DraftGuard speaks; English is the fallback.
struct LocalizedText {
  std::string en;
  std::string fr;
  // The text for `language` ("en", "fr", or a tag such as "fr-CA"), falling
  // back to English when there is no translation.
  const std::string& In(std::string_view language) const;
};

// What a context pattern found near a hit does to it.
enum class ContextEffect {
  kRequire,  // the hit counts only if one of the rule's "require" contexts
             // is near (several are alternatives, checked first)
  kRaise,    // one severity step up (low→medium→high)
  kLower,    // one severity step down; a low hit that is lowered is dropped
};

struct ContextSpec {
  std::string pattern;
  ContextEffect effect = ContextEffect::kRequire;
  // How far to look, in bytes of the normalised view, before the hit's start
  // and after its end.
  int window = 80;
  // Instead of a pattern: a term of a keyword list of this category within
  // the window (the user's or the organisation's competitors, clients…), so
  // a rule can ask for "a rival nearby" and be answered by the names the
  // user listed. Exactly one of `pattern` and `list` is set.
  std::optional<Category> list = std::nullopt;
};

// One regex rule of a pack.
struct RuleSpec {
  std::string id;  // unique within its pack; reported as "<pack>.<id>"
  Category category = Category::kConfidential;
  Severity severity = Severity::kMedium;
  std::string pattern;
  std::vector<ContextSpec> context;
  // Patterns that make a hit benign ("as published in our annual report",
  // "launched today"): a hit with one of them within exclusion_window bytes
  // (and in the same paragraph) is dropped.
  std::vector<std::string> exclusions;
  int exclusion_window = 160;
  LocalizedText message;
  LocalizedText suggestion;
};

// A list of literal terms: the user's codenames, clients, competitors, or a
// pack's vocabulary of explicit markers.
//
// A term is a word or a phrase, matched as whole words on the normalised
// view, across any white space, hyphen or line break between its words, and
// through possessives and elisions ("Falcon's", "l'Acme"). A term written
// between slashes, "/proj-[0-9]{3}/", is an RE2 pattern instead.
struct TermList {
  std::string name;
  Category category = Category::kKeyword;
  Severity severity = Severity::kHigh;
  std::vector<std::string> terms;
  // Optional: when empty the engine says "'X' is on your <name> list". In
  // both, "{term}" stands for the term found and "{list}" for the list name.
  LocalizedText message;
  LocalizedText suggestion;
  // As for RuleSpec: nearby patterns that make a hit benign.
  std::vector<std::string> exclusions;
};

// A list whose terms are shipped as keyed hashes, so the pack does not show
// them (unannounced codenames). Each hash is a digest of one of the term's
// canonical forms (CanonicalTermForm and CanonicalTermAliases in engine.h)
// under `key`; the engine finds them by hashing every run of 1..max_words
// consecutive words of the draft with the hasher it is given, so a sealed
// term matches exactly where the plain term would (case, accents, line
// breaks, hashtags), without obfuscation tolerance.
struct SealedTermList {
  std::string name;
  Category category = Category::kKeyword;
  Severity severity = Severity::kHigh;
  std::string key;                  // hashing key, bytes
  std::vector<std::string> hashes;  // digests, bytes
  int max_words = 4;                // longest term, in words (capped at 8)
  LocalizedText message;            // optional, as for TermList ({term} unknown)
  LocalizedText suggestion;
};

// A rule pack: one JSON file of native-host/packs/, or an organisation pack.
struct RulePack {
  std::string name;    // the prefix of its rule ids, e.g. "case_study"
  std::string source;  // where it came from, for error messages
  int version = 1;
  // name → alternatives, usable in any pack's patterns as {{name}}.
  std::map<std::string, std::vector<std::string>> lexicons;
  std::vector<RuleSpec> rules;
  std::vector<TermList> lists;
};

// Something wrong in a pack or list, reported while the rest still loads.
struct LoadProblem {
  std::string source;  // file or pack name
  std::string item;    // rule id, list name or term
  std::string message; // RE2's error with the offending part, or ours
  std::string ToString() const;
};

}  // namespace draftguard

#endif  // DRAFTGUARD_RULES_H_
