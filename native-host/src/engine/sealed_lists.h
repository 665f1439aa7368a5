// Sealed term lists: terms known only by their keyed hashes.
//
// Design decision: a hash cannot be put in an automaton, so the draft comes
// to the hashes instead: every run of 1..max_words consecutive words (not
// across a hard break) is put in canonical form and hashed, and the digest
// looked up. The cost is one hash per word per n, paid only by scopes that
// have sealed lists.
#ifndef DRAFTGUARD_ENGINE_SEALED_LISTS_H_
#define DRAFTGUARD_ENGINE_SEALED_LISTS_H_

#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "draftguard/engine.h"
#include "draftguard/rules.h"
#include "engine/tokenizer.h"

namespace draftguard::internal {

class SealedLists {
 public:
  struct Hit {
    size_t begin;  // byte span in the normalised text
    size_t end;
    uint32_t list;
  };

  // kInvalidArgument for a list without key or hashes, or a null hasher.
  static Result<std::unique_ptr<SealedLists>> Compile(std::span<const SealedTermList> lists,
                                                      Engine::TermHasher hasher);

  void Match(std::string_view normalized, const std::vector<Token>& tokens, std::vector<Hit>* hits) const;

  const SealedTermList& list(uint32_t i) const { return lists_[i]; }
  size_t term_count() const { return terms_; }

 private:
  // Lists sharing a key share the hashing work.
  struct KeyGroup {
    std::string key;
    int max_words = 1;
    std::unordered_multimap<std::string, uint32_t> digests;  // digest → list
  };
  SealedLists() = default;

  std::vector<SealedTermList> lists_;
  std::vector<KeyGroup> groups_;
  Engine::TermHasher hasher_;
  size_t terms_ = 0;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_SEALED_LISTS_H_
