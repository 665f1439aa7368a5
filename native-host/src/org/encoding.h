// Binary ↔ text for keys, signatures and digests: standard base64 (RFC 4648
// §4, with padding) for keys and signatures, lowercase hex for digests and
// key ids. Thin wrappers over libsodium's constant-time codecs.
#ifndef DRAFTGUARD_ORG_ENCODING_H_
#define DRAFTGUARD_ORG_ENCODING_H_

#include <optional>
#include <string>
#include <string_view>

namespace draftguard::org {

std::string Base64Encode(std::string_view bytes);
// nullopt for anything that is not canonical padded base64 (no white space).
std::optional<std::string> Base64Decode(std::string_view text);

std::string HexEncode(std::string_view bytes);
// nullopt for odd length or a non-hex digit.
std::optional<std::string> HexDecode(std::string_view text);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_ENCODING_H_
