// Building an engine the way every command needs it: the built-in packs,
// optional extra packs, optional keyword lists.
#ifndef DRAFTGUARD_CLI_ENGINE_SETUP_H_
#define DRAFTGUARD_CLI_ENGINE_SETUP_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "draftguard/engine.h"
#include "draftguard/status.h"

namespace draftguard::cli {

struct EngineSetup {
  std::string language = "en";
  // Extra pack files or folders, loaded after the built-in packs.
  std::vector<std::filesystem::path> packs;
  // A keyword-lists document (see draftguard/lists.h).
  std::optional<std::filesystem::path> lists;
};

// Pack problems are warnings: they are appended to *warnings and the rest
// loads. A lists file that cannot be read, parsed or compiled is an error.
Result<std::unique_ptr<Engine>> BuildEngine(const EngineSetup& setup, std::vector<LoadProblem>* warnings);

// The lists the host stores (lists.json in the store folder, see
// store/store.h) when there are some: what `scan` and `audit` use without
// --lists. The store writes the lists-document shape plus a schema and a
// revision, which the parser ignores; readers need no lock.
std::optional<std::filesystem::path> StoredListsFile();

// Reads a whole file, or standard input for "-". Errors name the path.
Result<std::string> ReadInput(const std::string& path);

}  // namespace draftguard::cli

#endif  // DRAFTGUARD_CLI_ENGINE_SETUP_H_
