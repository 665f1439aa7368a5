// draftguard: the CLI, and the native-messaging host when a browser starts it.
#include <cstdio>
#include <string_view>
#include <vector>

#include "audit/audit_command.h"
#include "cli/command.h"
#include "cli/scan_command.h"
#include "host/host.h"
#include "host/lists_command.h"
#include "install/install.h"
#include "org/pack_command.h"

namespace {

using draftguard::cli::Command;

constexpr Command kCommands[] = {
    {"scan", "scan a draft for leaks (text, JSON or JSON lines)", draftguard::cli::RunScan},
    {"install", "install the browser host manifests (run this first)", draftguard::install::RunInstall},
    {"uninstall", "remove the browser host manifests", draftguard::install::RunUninstall},
    {"doctor", "check the installation and print a fix for each problem", draftguard::install::RunDoctor},
    {"lists", "get, import, export or delete the stored keyword lists", draftguard::host::RunListsCommand},
    {"audit", "audit your LinkedIn data export for what you already made public", draftguard::audit::RunAuditCommand},
    {"pack", "make, sign and verify organisation packs (keygen, sign, verify)", draftguard::org::RunPackCommand},
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
  // Started by a browser (native messaging): serve the protocol on stdio.
  if (auto caller = draftguard::host::DetectCaller(args)) {
    return draftguard::host::RunBrowserHost(*caller, DG_VERSION);
  }
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
