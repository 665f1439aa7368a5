#include "engine/term_aliases.h"

namespace draftguard::internal {
namespace {

bool IsGenericLead(std::string_view word) {
  static constexpr std::string_view kLeads[] = {"project", "projet",    "projekt",  "proyecto", "projeto",
                                                "progetto", "programme", "program",  "programm", "programa",
                                                "operation", "operacion", "codename", "initiative"};
  for (std::string_view lead : kLeads)
    if (word == lead) return true;
  return false;
}

}  // namespace

std::span<const std::string_view> CodenameAlone(std::span<const std::string_view> words) {
  if (words.size() < 2 || !IsGenericLead(words[0])) return {};
  return words.subspan(1);
}

}  // namespace draftguard::internal
