// draftguard: the CLI, and the native-messaging host when a browser starts it.
#include <cstdio>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/scan_command.h"

namespace {

using draftguard::cli::Command;

constexpr Command kCommands[] = {
    {"scan", "scan a draft for leaks (text, JSON or JSON lines)", draftguard::cli::RunScan},
};

void PrintUsage(std::FILE* out) {
  std::fprintf(out,
               "DraftGuard %s: warns before a post gives away confidential business information.\n\n"
               "usage: draftguard <command> [options]\n\ncommands:\n",
               DG_VERSION);
  for (const Command& c : kCommands)
    std::fprintf(out, "  %-10.*s %.*s\n", static_cast<int>(c.name.size()), c.name.data(),
                 static_cast<int>(c.summary.size()), c.summary.data());
  std::fprintf(out, "\nRun 'draftguard <command> --help' for a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(args.empty() ? stderr : stdout);
    return args.empty() ? draftguard::cli::kExitUsage : 0;
  }
  if (args[0] == "--version") {
    std::printf("draftguard %s\n", DG_VERSION);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (c.name == args[0]) return c.run(std::span(args).subspan(1));
  }
  std::fprintf(stderr, "draftguard: unknown command '%.*s'; run 'draftguard --help' for the list\n",
               static_cast<int>(args[0].size()), args[0].data());
  return draftguard::cli::kExitUsage;
}
