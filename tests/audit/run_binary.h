// Test-only: runs the real draftguard binary and captures what it prints.
#ifndef DRAFTGUARD_TESTS_AUDIT_RUN_BINARY_H_
#define DRAFTGUARD_TESTS_AUDIT_RUN_BINARY_H_

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace draftguard::audit::testing {

struct RunResult {
  int status = -1;  // exit status, or -1 if it did not exit normally
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `command` (argv, quoted for sh) with stdout and stderr to files in
// `scratch`; stdin is /dev/null, so stderr is never a terminal.
inline RunResult Run(const std::vector<std::string>& argv, const std::filesystem::path& scratch) {
  std::string cmd;
  for (const std::string& a : argv) cmd += ShellQuote(a) + " ";
  std::filesystem::path out = scratch / "stdout.txt", err = scratch / "stderr.txt";
  cmd += "</dev/null >" + ShellQuote(out.string()) + " 2>" + ShellQuote(err.string());
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace draftguard::audit::testing

#endif  // DRAFTGUARD_TESTS_AUDIT_RUN_BINARY_H_
