// The literal-term matcher: one Aho–Corasick automaton over word tokens.
//
// Design decision: terms are word sequences matched as whole words, so the
// automaton's alphabet is *words*, not bytes. A term vocabulary maps each
// distinct term word to an id; a draft token that is not in the vocabulary
// (nearly all of them) sends the automaton back to its root after one hash
// lookup. 100 000 terms make a few hundred thousand states and a few MB,
// where a byte-level DFA needs tens of MB and is cache-bound.
#ifndef DRAFTGUARD_ENGINE_KEYWORD_MATCHER_H_
#define DRAFTGUARD_ENGINE_KEYWORD_MATCHER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/tokenizer.h"

namespace draftguard::internal {

class KeywordMatcher {
 public:
  // What a term stands for: its list and its index in that list.
  struct Entry {
    uint32_t list = 0;
    uint32_t term = 0;
  };
  struct Hit {
    uint32_t begin = 0;  // byte span in the normalised text
    uint32_t end = 0;
    Entry entry;
  };

  class Builder {
   public:
    Builder();
    ~Builder();
    // Adds a term given as its normalised words (see TermWords); requires at
    // least one word. Duplicate terms each report their own Entry.
    void Add(std::span<const std::string_view> words, Entry entry);
    void Add(const std::vector<std::string>& words, Entry entry);
    std::unique_ptr<KeywordMatcher> Build();

   private:
    std::unique_ptr<KeywordMatcher> m_;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> children_;  // (word, node)
    std::vector<std::vector<Entry>> outputs_;
    std::unordered_map<uint64_t, uint32_t> edges_;  // (node, word) → child while building
  };

  ~KeywordMatcher();

  // Appends every term occurrence in the tokens of `normalized` to *hits, in
  // order of their end.
  void Match(std::string_view normalized, const std::vector<Token>& tokens,
             std::vector<Hit>* hits) const;

  size_t term_count() const { return terms_; }
  size_t state_count() const { return nodes_.size(); }
  // Approximate heap bytes held, for benchmarks.
  size_t memory_bytes() const;

 private:
  KeywordMatcher();
  class WordTable;
  class EdgeTable;
  struct Node {
    uint32_t fail = 0;
    uint32_t depth = 0;
    uint32_t out_begin = 0;  // range in outputs_
    uint32_t out_end = 0;
    uint32_t next_output = 0;  // nearest fail ancestor with outputs, 0 = none
  };
  static constexpr uint32_t kNoWord = UINT32_MAX;

  uint32_t Edge(uint32_t state, uint32_t word) const;  // 0 if none
  uint32_t Step(uint32_t state, uint32_t word) const;

  std::unique_ptr<WordTable> words_;
  std::vector<uint32_t> root_next_;  // word → child of the root, 0 if none
  std::unique_ptr<EdgeTable> edges_;
  std::vector<Node> nodes_;
  std::vector<Entry> outputs_;
  uint32_t max_depth_ = 0;
  size_t terms_ = 0;
};

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_KEYWORD_MATCHER_H_
