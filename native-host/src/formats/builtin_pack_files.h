// The JSON files of native-host/packs/, embedded at build time by
// embed_packs.cmake. Parsing them is rule_pack_json.cc's business.
#ifndef DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_
#define DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_

#include <span>
#include <string_view>

namespace draftguard::internal {

struct EmbeddedFile {
  std::string_view name;      // file name, e.g. "case_study.json"
  std::string_view contents;
};

std::span<const EmbeddedFile> BuiltinPackFiles();

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_FORMATS_BUILTIN_PACK_FILES_H_
