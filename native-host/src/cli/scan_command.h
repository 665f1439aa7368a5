// `draftguard scan`: the CLI contract of DESIGN.md.
//
//   draftguard scan [--domain D] [--lists FILE] [--packs PATH] [--lang en|fr]
//                   [--format text|json] [--jsonl] [--color auto|always|never] [FILE|-]
//
// Exit status: 0 no finding of medium or above, 1 such findings, 2 usage or
// input error (with a message on stderr naming what is wrong).
#ifndef DRAFTGUARD_CLI_SCAN_COMMAND_H_
#define DRAFTGUARD_CLI_SCAN_COMMAND_H_

#include <span>
#include <string_view>

namespace draftguard::cli {

int RunScan(std::span<const std::string_view> args);

}  // namespace draftguard::cli

#endif  // DRAFTGUARD_CLI_SCAN_COMMAND_H_
