// The normalised view of a draft, and the map back to the original.
//
// Design decision: every matcher (RE2 rules, the keyword automaton) runs on
// one normalised copy of the text in which case, accents, compatibility
// forms and spacing no longer matter, and each normalised byte remembers the
// original byte it came from. Patterns and terms therefore stay simple
// ("chiffre d'affaires" matches "Chiffre d’Affaires"), and every finding maps
// back exactly, whatever emoji, combining marks or CRLF surround it.
//
// The view: NFKC compatibility decomposition with case folding and marks
// stripped (é→e, ß→ss, ＡＢＣ→abc, 𝗯𝗼𝗹𝗱→bold, ４２→42), default-ignorable and
// format characters dropped (zero-width space, soft hyphen, joiners), ’‘ʼ′
// folded to ', “”„«»″ to ", the dashes ‐‑‒–—―− to -, × to x; a run of white
// space becomes one space, or one '\n' when it holds a blank line (a
// paragraph break).
#ifndef DRAFTGUARD_ENGINE_NORMALIZER_H_
#define DRAFTGUARD_ENGINE_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace draftguard::internal {

struct NormalizedText {
  std::string text;
  // source[i]: offset in the original of the first byte of the character
  // that produced text[i].
  std::vector<uint32_t> source;

  // The original byte span [begin, end) behind text[a, b): from the start of
  // the character behind text[a] to the end of the one behind text[b-1],
  // including combining marks that follow it. Requires a < b.
  std::pair<size_t, size_t> ToOriginal(std::string_view original, size_t a, size_t b) const;
};

// Normalises valid UTF-8 (see utf8.h). Cost: one pass; ASCII takes a table
// lookup per byte, other characters a table lookup per code point (astral
// ones call utf8proc).
NormalizedText Normalize(std::string_view original);

// Normalises a term or a short string without keeping the offset map.
std::string NormalizeString(std::string_view s);

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_NORMALIZER_H_
