// The JSON files of native-host/packs/, embedded at build time by
// embed_packs.cmake. Parsing them is rule_pack_json.cc's business.
#ifndef DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_
#define DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_

#include <cstddef>
#include <span>
#include <string_view>

namespace draftguard::internal {

struct EmbeddedFile {
  std::string_view name;      // file name, e.g. "case_study.json"
  std::string_view contents;
};

std::span<const EmbeddedFile> BuiltinPackFiles();

// A string literal as a string_view, its length taken from its type: the
// packs are too large (strategy.json is over 100 KB) for clang to count
// their characters within its budget for constant evaluation.
template <std::size_t N>
constexpr std::string_view Literal(const char (&s)[N]) {
  return {s, N - 1};
}

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_
