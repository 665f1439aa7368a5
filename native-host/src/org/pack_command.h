// `draftguard pack keygen | sign | verify`: the organisation's side of
// signed packs.
//
//   draftguard pack keygen --out KEYFILE
//       writes KEYFILE (secret, 0600) and KEYFILE.pub (key_files.h);
//       never overwrites.
//   draftguard pack sign --key KEYFILE PACK > PACK.signed
//       seals the lists marked "seal": true, checks the pack (org_pack.h)
//       and prints the signed envelope (signed_pack.h).
//   draftguard pack verify --trust PUBKEY [--trust …] [--at TIME] PACK.signed
//       checks signature, pack and dates as a host would (TIME: when to
//       judge expiry, default now); PUBKEY is a .pub file or a trust.json.
//
// Exit status: 0 done / valid, 1 refused (verify), 2 usage or input error.
#ifndef DRAFTGUARD_ORG_PACK_COMMAND_H_
#define DRAFTGUARD_ORG_PACK_COMMAND_H_

#include <span>
#include <string_view>

namespace draftguard::org {

int RunPackCommand(std::span<const std::string_view> args);

}  // namespace draftguard::org

#endif  // DRAFTGUARD_ORG_PACK_COMMAND_H_
