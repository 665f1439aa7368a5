#include "engine/sealed_lists.h"

#include <algorithm>

namespace draftguard::internal {
namespace {
constexpr int kMaxSealedWords = 8;
}  // namespace

Result<std::unique_ptr<SealedLists>> SealedLists::Compile(std::span<const SealedTermList> lists,
                                                          Engine::TermHasher hasher) {
  if (!hasher) return Status(ErrorCode::kInvalidArgument, "sealed lists need a hasher");
  std::unique_ptr<SealedLists> out(new SealedLists());
  out->hasher_ = std::move(hasher);
  for (uint32_t li = 0; li < lists.size(); ++li) {
    const SealedTermList& l = lists[li];
    if (l.key.empty())
      return Status(ErrorCode::kInvalidArgument, "sealed list '" + l.name + "' has no key", l.name);
    auto group = std::find_if(out->groups_.begin(), out->groups_.end(),
                              [&](const KeyGroup& g) { return g.key == l.key; });
    if (group == out->groups_.end()) {
      out->groups_.push_back({l.key, 1, {}});
      group = out->groups_.end() - 1;
    }
    group->max_words = std::max(group->max_words, std::clamp(l.max_words, 1, kMaxSealedWords));
    for (const std::string& h : l.hashes) group->digests.emplace(h, li);
    out->terms_ += l.hashes.size();
    out->lists_.push_back(l);
  }
  return out;
}

void SealedLists::Match(std::string_view text, const std::vector<Token>& tokens,
                        std::vector<Hit>* hits) const {
  std::string canonical;
  for (const KeyGroup& g : groups_) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      canonical.clear();
      for (size_t n = 0; n < static_cast<size_t>(g.max_words) && i + n < tokens.size(); ++n) {
        const Token& t = tokens[i + n];
        if (n > 0) {
          if (t.hard_break_before) break;
          canonical.push_back(' ');
        }
        canonical.append(text.substr(t.begin, t.end - t.begin));
        std::string digest = hasher_(g.key, canonical);
        auto [from, to] = g.digests.equal_range(digest);
        for (auto it = from; it != to; ++it) hits->push_back({tokens[i].begin, t.end, it->second});
      }
    }
  }
}

}  // namespace draftguard::internal
