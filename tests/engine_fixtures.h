// Small builders shared by the tests that drive the engine directly
// (tests/engine, tests/org). Test-only.
#ifndef DRAFTGUARD_TESTS_ENGINE_FIXTURES_H_
#define DRAFTGUARD_TESTS_ENGINE_FIXTURES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "draftguard/engine.h"

namespace draftguard::testing {

// A keyword list named `name` holding `terms`.
inline TermList MakeList(std::string name, std::vector<std::string> terms, Category c = Category::kKeyword,
                         Severity s = Severity::kHigh) {
  TermList l;
  l.name = std::move(name);
  l.category = c;
  l.severity = s;
  l.terms = std::move(terms);
  return l;
}

// An engine with no rule packs: only the lists a test gives it.
inline std::unique_ptr<Engine> EmptyEngine() { return Engine::Create(Options(), {}, nullptr); }

}  // namespace draftguard::testing

#endif  // DRAFTGUARD_TESTS_ENGINE_FIXTURES_H_
