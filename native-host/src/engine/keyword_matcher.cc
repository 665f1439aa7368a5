#include "engine/keyword_matcher.h"

#include <cstring>
#include <deque>
#include <unordered_map>

namespace draftguard::internal {
namespace {

// How to split a string into words from byte p on: `cost` is bytes left
// out × (length + 1) + words, so fewer bytes out always wins.
struct Split {
  size_t cost = 0;
  size_t next = 0;  // where the rest starts
  uint32_t word = UINT32_MAX;  // the known word from p to next, if any
};

// Longest word looked for inside a spelled-out run or a hashtag: bounds the
// work of a run of hundreds of single letters.
constexpr size_t kMaxSpelledWord = 40;

// Longest hashtag split into words; longer ones are taken as they are.
constexpr size_t kMaxHashtag = 64;

// How to split `s` into words that `find` knows (2 bytes or more each):
// best[p] for the rest from p. The split leaves the fewest bytes out, then
// has the fewest words, and is the whole of `s` when `s` is one word.
// Taking the longest word at each byte greedily let a short one ("yc") eat
// the start of the next.
template <typename FindWord>
std::vector<Split> BestSplit(std::string_view s, FindWord&& find) {
  const size_t n = s.size();
  std::vector<Split> best(n + 1);
  for (size_t p = n; p-- > 0;) {
    best[p] = {best[p + 1].cost + n + 1, p + 1, UINT32_MAX};  // a byte left out
    for (size_t q = p + 2; q <= n && q - p <= kMaxSpelledWord; ++q) {
      uint32_t id = find(s.substr(p, q - p));
      if (id != UINT32_MAX && best[q].cost + 1 < best[p].cost) best[p] = {best[q].cost + 1, q, id};
    }
  }
  return best;
}

uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

uint64_t HashKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDULL;
  return k ^ (k >> 33);
}

size_t TableSizeFor(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;  // load factor <= 0.5 keeps probes short
  return size;
}

}  // namespace

// Word → id, open addressing. Slots are 8 bytes (hash and id); the words
// themselves sit in a pool, compared only when the hashes agree.
//
// Design decision: nearly every draft word is in no term, and with 100 000
// terms the slots span a megabyte, so each lookup would be a cache miss. A
// Bloom filter of two bits per word in one 64-bit block, a sixteenth of the
// slots' size, stays in cache and answers "no" for ~98 % of those words.
class KeywordMatcher::WordTable {
 public:
  uint32_t Find(std::string_view w) const {
    if (slots_.empty()) return kNoWord;
    uint64_t h = HashBytes(w);
    if ((bloom_[BloomBlock(h)] & BloomBits(h)) != BloomBits(h)) return kNoWord;
    uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kNoWord) return kNoWord;
      if (s.tag == tag && Equals(s.id, w)) return s.id;
    }
  }
  uint32_t Intern(std::string_view w) {
    if (uint32_t id = Find(w); id != kNoWord) return id;
    if ((offsets_.size() + 1) * 2 > slots_.size()) Grow();
    uint32_t id = static_cast<uint32_t>(offsets_.size());
    offsets_.push_back(static_cast<uint32_t>(pool_.size()));
    pool_.append(w);
    Insert(HashBytes(w), id);
    return id;
  }
  size_t size() const { return offsets_.size(); }
  size_t memory_bytes() const {
    return pool_.capacity() + slots_.capacity() * sizeof(Slot) + offsets_.capacity() * sizeof(uint32_t) +
           bloom_.capacity() * sizeof(uint64_t);
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high half of the hash
    uint32_t id = kNoWord;
  };
  std::string_view Word(uint32_t id) const {
    uint32_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : static_cast<uint32_t>(pool_.size());
    return std::string_view(pool_).substr(offsets_[id], end - offsets_[id]);
  }
  bool Equals(uint32_t id, std::string_view w) const { return Word(id) == w; }
  // The slot index takes the hash's low bits; the filter takes other ones.
  size_t BloomBlock(uint64_t h) const { return (h >> 44) & bloom_mask_; }
  static uint64_t BloomBits(uint64_t h) {
    return (uint64_t{1} << ((h >> 32) & 63)) | (uint64_t{1} << ((h >> 38) & 63));
  }
  void Insert(uint64_t h, uint32_t id) {
    size_t i = h & mask_;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask_;
    slots_[i] = {static_cast<uint32_t>(h >> 32), id};
    bloom_[BloomBlock(h)] |= BloomBits(h);
  }
  void Grow() {
    slots_.assign(TableSizeFor(offsets_.size() + 1), Slot{});
    mask_ = slots_.size() - 1;
    bloom_.assign(std::max<size_t>(1, slots_.size() / 16), 0);  // 8 bits a slot, 16-32 a word
    bloom_mask_ = bloom_.size() - 1;
    for (uint32_t id = 0; id < offsets_.size(); ++id) Insert(HashBytes(Word(id)), id);
  }
  std::string pool_;
  std::vector<uint32_t> offsets_;  // id → start in pool_
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<uint64_t> bloom_;
  size_t bloom_mask_ = 0;
};

// (state, word) → state, open addressing.
class KeywordMatcher::EdgeTable {
 public:
  explicit EdgeTable(size_t edges) : slots_(TableSizeFor(edges)), mask_(slots_.size() - 1) {}
  void Insert(uint32_t from, uint32_t word, uint32_t to) {
    uint64_t key = Key(from, word);
    size_t i = HashKey(key) & mask_;
    while (slots_[i].to != 0) i = (i + 1) & mask_;
    slots_[i] = {key, to};
  }
  // 0 when there is no such edge (the root is never a target).
  uint32_t Find(uint32_t from, uint32_t word) const {
    uint64_t key = Key(from, word);
    for (size_t i = HashKey(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].to == 0) return 0;
      if (slots_[i].key == key) return slots_[i].to;
    }
  }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t to = 0;
  };
  static uint64_t Key(uint32_t from, uint32_t word) { return (uint64_t{from} << 32) | word; }
  std::vector<Slot> slots_;
  size_t mask_;
};

KeywordMatcher::KeywordMatcher() : words_(std::make_unique<WordTable>()) {}
KeywordMatcher::~KeywordMatcher() = default;

KeywordMatcher::Builder::Builder() : m_(new KeywordMatcher()), children_(1), outputs_(1) {
  m_->nodes_.emplace_back();
}
KeywordMatcher::Builder::~Builder() = default;

void KeywordMatcher::Builder::Add(const std::vector<std::string>& words, Entry entry) {
  std::vector<std::string_view> views(words.begin(), words.end());
  Add(views, entry);
}

void KeywordMatcher::Builder::Add(std::span<const std::string_view> words, Entry entry) {
  uint32_t node = 0;
  for (std::string_view w : words) {
    uint32_t id = m_->words_->Intern(w);
    auto [it, inserted] = edges_.try_emplace((uint64_t{node} << 32) | id, 0);
    uint32_t next = it->second;
    if (inserted) {
      next = static_cast<uint32_t>(m_->nodes_.size());
      m_->nodes_.emplace_back();
      m_->nodes_.back().depth = m_->nodes_[node].depth + 1;
      children_.emplace_back();
      outputs_.emplace_back();
      children_[node].emplace_back(id, next);
      it->second = next;
    }
    node = next;
  }
  outputs_[node].push_back(entry);
  m_->max_depth_ = std::max(m_->max_depth_, m_->nodes_[node].depth);
  ++m_->terms_;
}

std::unique_ptr<KeywordMatcher> KeywordMatcher::Builder::Build() {
  KeywordMatcher& m = *m_;
  edges_.clear();
  // The root's edges, taken by nearly every word, get a direct array; the
  // others go in the hash table.
  m.root_next_.assign(m.words_->size(), 0);
  for (auto [word, to] : children_[0]) m.root_next_[word] = to;
  m.edges_ = std::make_unique<EdgeTable>(m.nodes_.size());
  for (uint32_t from = 1; from < children_.size(); ++from)
    for (auto [word, to] : children_[from]) m.edges_->Insert(from, word, to);
  // Breadth-first: a node's failure link is the longest proper suffix of its
  // word path that is also a path from the root.
  std::deque<uint32_t> queue;
  for (auto [word, child] : children_[0]) {
    m.nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    uint32_t node = queue.front();
    queue.pop_front();
    for (auto [word, child] : children_[node]) {
      uint32_t f = m.nodes_[node].fail;
      uint32_t target;
      while ((target = m.Edge(f, word)) == 0 && f != 0) f = m.nodes_[f].fail;
      m.nodes_[child].fail = target;
      queue.push_back(child);
    }
  }
  // Flatten outputs and chain each node to its nearest fail ancestor that
  // has some; BFS order guarantees ancestors are done first.
  for (uint32_t node = 0; node < m.nodes_.size(); ++node) {
    Node& n = m.nodes_[node];
    n.out_begin = static_cast<uint32_t>(m.outputs_.size());
    m.outputs_.insert(m.outputs_.end(), outputs_[node].begin(), outputs_[node].end());
    n.out_end = static_cast<uint32_t>(m.outputs_.size());
  }
  std::vector<uint32_t> order;
  order.reserve(m.nodes_.size());
  order.push_back(0);
  for (size_t k = 0; k < order.size(); ++k)
    for (auto [word, child] : children_[order[k]]) order.push_back(child);
  for (uint32_t node : order) {
    if (node == 0) continue;
    uint32_t f = m.nodes_[node].fail;
    m.nodes_[node].next_output =
        m.nodes_[f].out_begin != m.nodes_[f].out_end ? f : m.nodes_[f].next_output;
  }
  children_.clear();
  outputs_.clear();
  return std::move(m_);
}

uint32_t KeywordMatcher::Edge(uint32_t state, uint32_t word) const {
  return state == 0 ? root_next_[word] : edges_->Find(state, word);
}

uint32_t KeywordMatcher::Step(uint32_t state, uint32_t word) const {
  if (word == kNoWord) return 0;
  for (;;) {
    if (uint32_t next = Edge(state, word)) return next;
    if (state == 0) return 0;
    state = nodes_[state].fail;
  }
}

void KeywordMatcher::Match(std::string_view text, const std::vector<Token>& tokens,
                           std::vector<Hit>* hits) const {
  if (terms_ == 0) return;
  // The last max_depth_ words the automaton consumed: where each began and
  // whether a hard break preceded it. A power of two, so indexing is a mask.
  uint32_t ring_size = 1;
  while (ring_size <= max_depth_) ring_size <<= 1;
  const uint64_t mask = ring_size - 1;
  std::vector<uint32_t> ring_begin(ring_size);
  std::vector<uint8_t> ring_hard(ring_size);
  uint64_t consumed = 0;
  uint32_t state = 0;
  auto feed = [&](uint32_t word, uint32_t begin, uint32_t end, bool hard) {
    state = Step(state, word);
    ring_begin[consumed & mask] = begin;
    ring_hard[consumed & mask] = hard;
    ++consumed;
    for (uint32_t s = state; s != 0;) {
      const Node& n = nodes_[s];
      if (n.out_begin != n.out_end) {
        // A phrase must not straddle a hard break between its words.
        bool straddles = false;
        for (uint32_t k = 1; k < n.depth; ++k) straddles |= ring_hard[(consumed - k) & mask] != 0;
        if (!straddles) {
          uint32_t first = ring_begin[(consumed - n.depth) & mask];
          for (uint32_t o = n.out_begin; o < n.out_end; ++o) hits->push_back({first, end, outputs_[o]});
        }
      }
      s = n.next_output;
    }
  };
  auto find = [&](std::string_view w) { return words_->Find(w); };
  auto lookup = [&](const Token& t) { return find(text.substr(t.begin, t.end - t.begin)); };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.alt_tokens < 2) {
      uint32_t word = lookup(t);
      if (word == kNoWord && !t.alt.empty()) {
        if (uint32_t alt = find(t.alt); alt != kNoWord) {
          feed(alt, t.begin, t.alt_end, t.hard_break_before);  // "c0nfidential"
          continue;
        }
      }
      if (word == kNoWord && t.hashtag && t.end - t.begin <= kMaxHashtag) {
        // "#ProjectFalcon": a hashtag made of known words, all of it, is
        // those words. One left out ("#confidentiality") and it is not.
        std::string_view tag = text.substr(t.begin, t.end - t.begin);
        std::vector<Split> best = BestSplit(tag, find);
        if (best[0].cost >= 2 && best[0].cost <= tag.size()) {
          for (size_t p = 0; p < tag.size(); p = best[p].next)
            feed(best[p].word, t.begin + p, t.begin + best[p].next, p == 0 && t.hard_break_before);
          continue;
        }
      }
      feed(word, t.begin, t.end, t.hard_break_before);
      continue;
    }
    // A spelled-out run ("n.d.a", "s t r i c t l y c o n f i …"), even
    // when its first letter is a word of its own ("y" is Spanish): its
    // letters joined, split into known words.
    const size_t n = t.alt_tokens;
    std::vector<Split> best = BestSplit(t.alt, find);
    for (size_t p = 0; p < n; p = best[p].next) {
      const Token& first = tokens[i + p];
      if (best[p].word != kNoWord) {
        feed(best[p].word, first.begin, tokens[i + best[p].next - 1].end, first.hard_break_before);
      } else {
        feed(lookup(first), first.begin, first.end, first.hard_break_before);
      }
    }
    i += n - 1;
  }
}

size_t KeywordMatcher::memory_bytes() const {
  return words_->memory_bytes() + (edges_ ? edges_->memory_bytes() : 0) +
         root_next_.capacity() * sizeof(uint32_t) +
         nodes_.capacity() * sizeof(Node) + outputs_.capacity() * sizeof(Entry);
}

}  // namespace draftguard::internal
