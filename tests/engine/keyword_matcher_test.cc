// The token-level Aho–Corasick automaton and the tokenizer feeding it.
#include "engine/keyword_matcher.h"

#include <doctest/doctest.h>

#include <random>
#include <set>

#include "engine/normalizer.h"
#include "engine/tokenizer.h"

using draftguard::internal::KeywordMatcher;
using draftguard::internal::Normalize;
using draftguard::internal::NormalizeString;
using draftguard::internal::TermWords;
using draftguard::internal::Token;
using draftguard::internal::Tokenize;

namespace {

// The normalised text of each match of `terms` in `text`.
std::vector<std::string> Find(const std::vector<std::string>& terms, std::string_view text) {
  KeywordMatcher::Builder b;
  for (uint32_t i = 0; i < terms.size(); ++i) b.Add(TermWords(NormalizeString(terms[i])), {0, i});
  auto m = b.Build();
  auto v = Normalize(text);
  std::vector<Token> tokens;
  Tokenize(v.text, &tokens);
  std::vector<KeywordMatcher::Hit> hits;
  m->Match(v.text, tokens, &hits);
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(v.text.substr(h.begin, h.end - h.begin));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("terms match whole words only") {
  CHECK(Find({"Falcon"}, "Project Falcon ships") == Strings{"falcon"});
  CHECK(Find({"Falcon"}, "Falconry and Falcons and aFalcon").empty());
  CHECK(Find({"Acme"}, "ACME, acme; Acme!").size() == 3);
}

TEST_CASE("possessives and elisions still match") {
  CHECK(Find({"Falcon"}, "Falcon's roadmap") == Strings{"falcon"});
  CHECK(Find({"Falcon"}, "Falcon’s roadmap") == Strings{"falcon"});
  CHECK(Find({"Acme"}, "le contrat d'Acme et l’Acme") == Strings{"acme", "acme"});
}

TEST_CASE("phrases match across spaces, hyphens and line breaks, not across sentences") {
  Strings terms = {"Maison Oriel"};
  CHECK(Find(terms, "with Maison   Oriel today") == Strings{"maison oriel"});
  CHECK(Find(terms, "with Maison-Oriel today") == Strings{"maison-oriel"});
  CHECK(Find(terms, "with Maison\r\nOriel today") == Strings{"maison oriel"});
  CHECK(Find(terms, "we met at the Maison. Oriel was there").empty());
  CHECK(Find(terms, "Maison, Oriel").empty());
}

TEST_CASE("accents and case do not matter") {
  CHECK(Find({"Épicerie Bellerive"}, "EPICERIE BELLERIVE") == Strings{"epicerie bellerive"});
  CHECK(Find({"Epicerie"}, "l'épicerie") == Strings{"epicerie"});
}

TEST_CASE("obfuscated spellings are recognised") {
  CHECK(Find({"confidential"}, "this is c0nfidential") == Strings{"c0nfidential"});
  CHECK(Find({"NDA"}, "under N.D.A. until May") == Strings{"n.d.a"});
  CHECK(Find({"confidential"}, "c o n f i d e n t i a l stuff") == Strings{"c o n f i d e n t i a l"});
  // A run spelling out several words is split into the known ones.
  CHECK(Find({"strictly confidential"}, "S T R I C T L Y C O N F I D E N T I A L!") ==
        Strings{"s t r i c t l y c o n f i d e n t i a l"});
  CHECK(Find({"confidential"}, "x y c o n f i d e n t i a l") == Strings{"c o n f i d e n t i a l"});
  // Its first letter being a word of some term ("y", Spanish "and") does not
  // hide the run.
  CHECK(Find({"confidential", "fusiones y adquisiciones"}, "y c o n f i d e n t i a l") ==
        Strings{"c o n f i d e n t i a l"});
  // Nor does a known word across the seam of two others: the split leaving
  // the fewest letters out wins (the longest word first, "strictlyc", would
  // leave "onfidential").
  CHECK(Find({"strictly confidential", "strictlyc"}, "s t r i c t l y c o n f i d e n t i a l") ==
        Strings{"s t r i c t l y c o n f i d e n t i a l"});
  // A spelled-out run that is not a term leaves the letters matchable.
  CHECK(Find({"b"}, "a b c") == Strings{"b"});
  // Digits alone are not letters in disguise.
  CHECK(Find({"ios"}, "version 105 of 1os").size() == 1);
  CHECK(Find({"ios"}, "105").empty());
}

TEST_CASE("a hashtag made wholly of known words is those words") {
  CHECK(Find({"Casa Velluto"}, "Dinner with the #CasaVelluto team") == Strings{"casavelluto"});
  CHECK(Find({"Falcon"}, "#TeamFalcon") == Strings{});  // "team" is no known word
  CHECK(Find({"team", "Falcon"}, "#TeamFalcon") == Strings{"team", "falcon"});
  CHECK(Find({"confidential"}, "Why #confidentiality matters") == Strings{});
  CHECK(Find({"Casa Velluto"}, "casavelluto without a hash") == Strings{});
  CHECK(Find({"Casa Velluto"}, "#CasaVellutoo") == Strings{});
}

TEST_CASE("overlapping and nested terms are all reported") {
  Strings found = Find({"New York", "York", "New York Times"}, "the New York Times");
  std::multiset<std::string> got(found.begin(), found.end());
  CHECK(got == std::multiset<std::string>{"new york", "york", "new york times"});
}

TEST_CASE("failure links: a partial phrase restarts correctly") {
  // "a a b": after "a a" fails to continue as "a a a", "a b" must still match.
  CHECK(Find({"a b", "a a a"}, "x a a b") == Strings{"a b"});
  CHECK(Find({"big red dog", "red cat"}, "big red cat") == Strings{"red cat"});
}

TEST_CASE("many terms: every inserted term is found, nothing else") {
  std::mt19937 rng(42);
  const char* syllables[] = {"ka", "lo", "mi", "ra", "ve", "zu", "to", "na"};
  std::set<std::string> terms;
  while (terms.size() < 20000) {
    std::string w;
    for (int i = 0, n = 2 + rng() % 3; i < n; ++i) w += syllables[rng() % 8];
    if (rng() % 2) {
      w += " ";
      for (int i = 0, n = 2 + rng() % 2; i < n; ++i) w += syllables[rng() % 8];
    }
    terms.insert(w);
  }
  Strings list(terms.begin(), terms.end());
  KeywordMatcher::Builder b;
  for (uint32_t i = 0; i < list.size(); ++i) b.Add(TermWords(list[i]), {0, i});
  auto m = b.Build();
  CHECK(m->term_count() == list.size());
  std::string text;
  for (size_t i = 0; i < list.size(); i += 97) text += "and " + list[i] + ". ";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<KeywordMatcher::Hit> hits;
  m->Match(text, tokens, &hits);
  std::set<uint32_t> found;
  for (const auto& h : hits) {
    // Each hit's text is exactly its term.
    CHECK(text.substr(h.begin, h.end - h.begin) == list[h.entry.term]);
    found.insert(h.entry.term);
  }
  for (size_t i = 0; i < list.size(); i += 97) CHECK(found.count(static_cast<uint32_t>(i)) == 1);
}
