#include "engine/term_lists.h"

#include "engine/normalizer.h"
#include "engine/term_aliases.h"
#include "engine/tokenizer.h"

namespace draftguard::internal {
namespace {

bool IsRegexTerm(std::string_view term) {
  return term.size() >= 3 && term.front() == '/' && term.back() == '/';
}

}  // namespace

Result<std::unique_ptr<TermLists>> TermLists::Compile(std::span<const TermList> lists,
                                                      std::string id_prefix, const Lexicons& lexicons,
                                                      int64_t max_mem, std::string_view source,
                                                      std::vector<LoadProblem>* problems) {
  std::unique_ptr<TermLists> out(new TermLists());
  KeywordMatcher::Builder builder;
  PatternCache cache(lexicons, max_mem);
  // Returns false when compilation must stop (strict mode).
  auto fail = [&](const std::string& item, const Status& s) {
    if (problems) problems->push_back({std::string(source), item, s.ToString()});
    return problems != nullptr;
  };
  std::optional<Status> error;
  std::string normalized;
  std::vector<Token> tokens;
  std::vector<std::string_view> words;
  for (uint32_t li = 0; li < lists.size() && !error; ++li) {
    const TermList& list = lists[li];
    std::string where = "list '" + list.name + "'";
    NearbyPatterns exclusions;
    exclusions.window = 160;
    for (size_t k = 0; k < list.exclusions.size(); ++k) {
      auto re = cache.Compile(list.exclusions[k]);
      if (re.ok()) {
        exclusions.patterns.push_back(std::move(re).value());
      } else if (!fail(where + " exclusions[" + std::to_string(k) + "]", re.status())) {
        error = Status(re.status().code(), where + ": exclusion: " + re.status().message(), list.exclusions[k]);
      }
    }
    exclusions.Combine(&cache);
    for (uint32_t ti = 0; ti < list.terms.size() && !error; ++ti) {
      const std::string& term = list.terms[ti];
      if (IsRegexTerm(term)) {
        auto re = CompilePattern(std::string_view(term).substr(1, term.size() - 2), lexicons, max_mem);
        if (re.ok()) {
          out->regexes_.push_back({li, ti, std::move(re).value()});
          ++out->term_count_;
        } else if (!fail(where + " term " + term, re.status())) {
          error = Status(ErrorCode::kBadPattern, where + ": " + re.status().message(), term);
        }
        continue;
      }
      // Scratch buffers reused across terms: 100 000 terms are normal.
      normalized = NormalizeString(term);
      Tokenize(normalized, &tokens);
      words.clear();
      for (const Token& t : tokens) words.push_back(std::string_view(normalized).substr(t.begin, t.end - t.begin));
      if (words.empty()) {
        Status s(ErrorCode::kBadTerm, where + ": a term needs at least one letter or digit", term);
        if (!fail(where + " term '" + term + "'", s)) error = s;
        continue;
      }
      builder.Add(words, {li, ti});
      if (auto alone = CodenameAlone(words); !alone.empty()) builder.Add(alone, {li, ti});
      ++out->term_count_;
    }
    out->lists_.push_back(list);
    out->rule_ids_.push_back(id_prefix + list.name);
    out->exclusions_.push_back(std::move(exclusions));
  }
  if (error) return *error;
  out->matcher_ = builder.Build();
  return out;
}

void TermLists::Match(std::string_view text, const std::vector<Token>& tokens,
                      std::vector<Hit>* hits) const {
  std::vector<KeywordMatcher::Hit> raw;
  matcher_->Match(text, tokens, &raw);
  std::vector<Hit> found;
  found.reserve(raw.size());
  for (const auto& h : raw) found.push_back({h.begin, h.end, h.entry.list, h.entry.term});
  for (const RegexTerm& r : regexes_)
    ForEachMatch(*r.pattern, text, [&](size_t begin, size_t end) { found.push_back({begin, end, r.list, r.term}); });
  // Each list's exclusions look at that list's hits together.
  std::vector<char> excluded(found.size(), 0);
  std::vector<Span> spans;
  std::vector<size_t> index;
  std::vector<char> near;
  for (uint32_t list = 0; list < exclusions_.size(); ++list) {
    if (exclusions_[list].patterns.empty()) continue;
    spans.clear();
    index.clear();
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].list != list) continue;
      spans.push_back({found[i].begin, found[i].end});
      index.push_back(i);
    }
    near.assign(spans.size(), 0);
    exclusions_[list].MarkNear(text, spans, &near);
    for (size_t k = 0; k < index.size(); ++k) excluded[index[k]] = near[k];
  }
  for (size_t i = 0; i < found.size(); ++i)
    if (!excluded[i]) hits->push_back(found[i]);
}

}  // namespace draftguard::internal
