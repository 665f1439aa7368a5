// Other ways people write a listed term, matched as the term itself.
#ifndef DRAFTGUARD_ENGINE_TERM_ALIASES_H_
#define DRAFTGUARD_ENGINE_TERM_ALIASES_H_

#include <span>
#include <string_view>

namespace draftguard::internal {

// A codename behind a generic first word ("project", "projet",
// "operation", …) is written alone as often as not: for the normalised
// words of "Project Falcon", the words of "Falcon". Empty when the first
// word is no such lead or the term has one word.
std::span<const std::string_view> CodenameAlone(std::span<const std::string_view> words);

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_TERM_ALIASES_H_
