// Sealed terms: list terms shipped as keyed BLAKE2b hashes of their
// canonical forms, so an organisation pack does not show them.
//
//   digest = crypto_generichash(out = 32 bytes, in = form, key)
//
// for the form CanonicalTermForm(term) and each of its CanonicalTermAliases
// (engine.h). The canonical form is the normalised words of the term joined
// by single spaces: "Projet  Hélios-2" → "projet helios 2"; the aliases are
// the words joined ("projethelios2", a hashtag) and a codename without its
// generic first word ("helios 2"). The engine hashes every run of
// 1..max_words words of a draft the same way (SealedTermList), so a sealed
// term is found across case, accents, line breaks and hashtags exactly like
// a plain term.
//
// What sealing hides, honestly: the terms from someone who reads the pack,
// a backup or a support ticket. It does not hide them from someone who
// guesses: the key ships in the pack, so anyone holding the pack can hash
// candidate words ("falcon", "phoenix", every product name in a dictionary)
// and see which digests match. Short, guessable codenames are the weakest.
#ifndef DRAFTGUARD_ORG_SEALED_TERMS_H_
#define DRAFTGUARD_ORG_SEALED_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "draftguard/engine.h"
#include "draftguard/status.h"

namespace draftguard::org {

inline constexpr size_t kSealedDigestBytes = 32;
inline constexpr size_t kSealingKeyBytes = 32;    // what `pack sign` generates
inline constexpr size_t kMinSealingKeyBytes = 16; // crypto_generichash_KEYBYTES_MIN
inline constexpr size_t kMaxSealingKeyBytes = 64; // crypto_generichash_KEYBYTES_MAX
inline constexpr int kMaxSealedWords = 8;         // the engine's cap

// The digest of an already canonical form (bytes). Requires a key of
// kMinSealingKeyBytes..kMaxSealingKeyBytes; returns "" otherwise.
std::string SealedDigest(std::string_view key, std::string_view canonical_words);

// The digests a sealed term is found by: of its canonical form (as
// CanonicalTermForm gives it) and of each of its CanonicalTermAliases.
std::vector<std::string> SealedDigests(std::string_view key, std::string_view canonical);

// The engine's TermHasher, backed by SealedDigest.
Engine::TermHasher SodiumTermHasher();

// Number of words of a canonical form ("a b c" → 3; "" → 0).
int CanonicalWordCount(std::string_view canonical);

// Signing-time sealing. Every list of the pack's "domains" marked
// "seal": true is replaced by a "sealed" entry with a fresh random key
// (kSealingKeyBytes), the sorted hex digests of its terms and "max_words";
// its other fields (name, category, severity, message, suggestion, locked)
// are kept. kInvalidArgument for a /regex/ term, a term with no letter or
// digit, or one over kMaxSealedWords words (item: the term).
Result<boost::json::value> SealMarkedLists(const boost::json::value& pack);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_SEALED_TERMS_H_
