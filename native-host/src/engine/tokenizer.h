// Word tokens of the normalised view, as the keyword automaton sees them.
//
// A token is a maximal run of letters and digits. Everything else separates
// tokens, which is what makes terms whole-word and lets "Falcon" match
// "Falcon's", "l'Acme" and "Maison-Oriel"/"Maison Oriel" alike. A phrase
// must not run across a "hard" break (. , ; : ! ? brackets or a paragraph),
// so "Maison. Oriel" is not the phrase "Maison Oriel".
//
// Obfuscation the tokenizer undoes, because people do it to slip past
// filters and it costs no precision on real text:
//  - letters spelled out one by one, "N.D.A." or "c o n f i d e n t i a l":
//    the run is offered joined ("nda") as an alternative;
//  - digits standing for letters inside a word, "c0nfidential": offered
//    with 0→o 1→i 3→e 4→a 5→s 7→t as an alternative.
// The automaton takes an alternative only when it is a known term word.
#ifndef DRAFTGUARD_ENGINE_TOKENIZER_H_
#define DRAFTGUARD_ENGINE_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace draftguard::internal {

struct Token {
  uint32_t begin = 0;  // byte span in the normalised text
  uint32_t end = 0;
  bool hard_break_before = false;
  bool hashtag = false;  // right after a '#': may join words, "#ProjectFalcon"
  // Alternative spelling (joined letters or de-leeted); empty if none. For a
  // joined run, `alt_end` is where the run ends.
  std::string alt;
  uint32_t alt_end = 0;
  // For a joined run: how many plain tokens it spans (>= 2), else 0.
  uint32_t alt_tokens = 0;
};

// Splits normalised text into tokens. Cost: linear; allocation only for
// alternatives, which real text rarely has.
void Tokenize(std::string_view normalized, std::vector<Token>* tokens);

// The tokens of a term, as strings (normalised; empty if the term has no
// letter or digit).
std::vector<std::string> TermWords(std::string_view normalized_term);

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_TOKENIZER_H_
