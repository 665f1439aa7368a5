// The CLI's subcommands. Each lives in its own file and registers here, in
// the table of main.cc; `draftguard help` lists them.
#ifndef DRAFTGUARD_CLI_COMMAND_H_
#define DRAFTGUARD_CLI_COMMAND_H_

#include <span>
#include <string_view>

namespace draftguard::cli {

// Exit statuses of the CLI contract.
inline constexpr int kExitClean = 0;     // no finding of medium or above
inline constexpr int kExitFindings = 1;  // such findings
inline constexpr int kExitUsage = 2;     // usage or input error

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `draftguard --help`
  // args excludes the program and command names.
  int (*run)(std::span<const std::string_view> args);
};

}  // namespace draftguard::cli

#endif  // DRAFTGUARD_CLI_COMMAND_H_
