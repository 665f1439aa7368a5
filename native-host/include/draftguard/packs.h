// Rule packs as JSON files: the built-in ones compiled into the binary and
// any loaded from a path.
//
// The file format (one pack per file):
//
//   {"pack": "case_study", "version": 1, "description": "…",
//    "lexicons": {"metric": ["revenue", "arr", "chiffre d'affaires"]},
//    "rules": [{"id": "metric_figure", "category": "case_study",
//               "severity": "medium", "pattern": "{{metric}} (?:of|:) …",
//               "context": [{"pattern": "…", "effect": "require", "window": 80},
//                           {"list": "competitor", "effect": "require"}],
//               "exclusions": ["annual report"], "exclusion_window": 160,
//               "message": {"en": "…", "fr": "…"},
//               "suggestion": {"en": "…", "fr": "…"}}],
//    "lists": [{"name": "markers", "category": "confidential",
//               "severity": "high", "terms": ["internal only", "nda"],
//               "message": {…}, "suggestion": {…}, "exclusions": […]}]}
//
// A context gives either a "pattern" or a "list" category: a term of the
// user's or the organisation's keyword lists of that category nearby (a
// rival named on the competitor list answers "a rival nearby").
//
// "pack", "rules" entries' "id", "category" and "pattern", and lists'
// "name", "category" and "terms" are required; the rest have the defaults of
// rules.h. Unknown fields are errors, so a typo ("exclusion" for
// "exclusions") does not silently disable a safeguard.
#ifndef DRAFTGUARD_PACKS_H_
#define DRAFTGUARD_PACKS_H_

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/rules.h"
#include "draftguard/status.h"

namespace draftguard {

// Parses one pack. `source` names it in errors (a file path). Errors name
// the JSON path of the offending field, e.g. "rules[3].severity".
Result<RulePack> ParseRulePack(std::string_view json, std::string source);

// Reads and parses a pack file; kIo if it cannot be read.
Result<RulePack> LoadRulePackFile(const std::filesystem::path& path);

// Loads a pack file, or every *.json pack of a folder (in name order). A
// pack that cannot be read or parsed is described in *problems and skipped.
std::vector<RulePack> LoadRulePacks(const std::filesystem::path& file_or_dir,
                                    std::vector<LoadProblem>* problems);

// The packs of native-host/packs/, compiled in and parsed on first use.
std::span<const RulePack> BuiltinPacks();
// Built-in packs that failed to parse (a build defect the tests catch); the
// others still load.
std::span<const LoadProblem> BuiltinPackProblems();

}  // namespace draftguard

#endif  // DRAFTGUARD_PACKS_H_
