// `draftguard lists`: the store's keyword lists from the command line.
//
//   draftguard lists get [--domain D]
//   draftguard lists export [--format json|csv] [--domain D] [FILE|-]
//   draftguard lists import [--format json|csv] [--replace] FILE|-
//   draftguard lists delete --domain D [--name LIST]
//
// Design decision: each subcommand is one protocol request handed to the
// same Dispatcher the host runs, so the CLI validates, merges and writes
// exactly as the browser's requests do (and conflicts with a running host
// are impossible: the store serialises writers).
#ifndef DRAFTGUARD_HOST_LISTS_COMMAND_H_
#define DRAFTGUARD_HOST_LISTS_COMMAND_H_

#include <span>
#include <string_view>

namespace draftguard::host {

int RunListsCommand(std::span<const std::string_view> args);

}  // namespace draftguard::host

#endif  // DRAFTGUARD_HOST_LISTS_COMMAND_H_
