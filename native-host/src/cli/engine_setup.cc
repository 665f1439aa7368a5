#include "cli/engine_setup.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "draftguard/lists.h"
#include "draftguard/packs.h"
#include "store/store.h"

namespace draftguard::cli {

std::optional<std::filesystem::path> StoredListsFile() {
  Result<std::filesystem::path> dir = store::DefaultStoreDir();
  if (!dir.ok()) return std::nullopt;
  std::filesystem::path file = dir.value() / "lists.json";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

Result<std::string> ReadInput(const std::string& path) {
  std::ostringstream buf;
  if (path == "-") {
    buf << std::cin.rdbuf();
    if (std::cin.bad()) return Status(ErrorCode::kIo, "cannot read standard input");
    return buf.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot read '" + path + "': " + std::strerror(errno), path);
  buf << in.rdbuf();
  return buf.str();
}

Result<std::unique_ptr<Engine>> BuildEngine(const EngineSetup& setup, std::vector<LoadProblem>* warnings) {
  std::vector<RulePack> packs(BuiltinPacks().begin(), BuiltinPacks().end());
  for (const LoadProblem& p : BuiltinPackProblems()) warnings->push_back(p);
  for (const auto& path : setup.packs) {
    std::vector<RulePack> more = LoadRulePacks(path, warnings);
    packs.insert(packs.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  Options options;
  options.language = setup.language;
  std::unique_ptr<Engine> engine = Engine::Create(options, packs, warnings);
  if (setup.lists) {
    Result<std::string> text = ReadInput(setup.lists->string());
    if (!text.ok()) return text.status();
    Result<ListsDocument> doc = ParseListsDocument(text.value());
    if (!doc.ok())
      return Status(doc.status().code(), setup.lists->string() + ": " + doc.status().message(),
                    doc.status().item());
    if (Status s = ApplyLists(doc.value(), engine.get()); !s.ok())
      return Status(s.code(), setup.lists->string() + ": " + s.message(), s.item());
  }
  return engine;
}

}  // namespace draftguard::cli
