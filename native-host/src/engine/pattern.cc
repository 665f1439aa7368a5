#include "engine/pattern.h"

#include <algorithm>
#include <cstring>

namespace draftguard::internal {
namespace {

constexpr int kMaxLexiconDepth = 8;

Status ExpandInto(std::string_view pattern, const Lexicons& lexicons, int depth, std::string* out) {
  if (depth > kMaxLexiconDepth)
    return Status(ErrorCode::kBadPattern, "lexicons nested too deep (a cycle?)", std::string(pattern));
  size_t pos = 0;
  while (true) {
    size_t open = pattern.find("{{", pos);
    if (open == std::string_view::npos) {
      out->append(pattern.substr(pos));
      return Status::Ok();
    }
    size_t close = pattern.find("}}", open + 2);
    if (close == std::string_view::npos)
      return Status(ErrorCode::kBadPattern, "unterminated lexicon reference", std::string(pattern.substr(open)));
    std::string_view name = pattern.substr(open + 2, close - open - 2);
    auto it = lexicons.find(name);
    if (it == lexicons.end())
      return Status(ErrorCode::kBadPattern, "unknown lexicon {{" + std::string(name) + "}}");
    out->append(pattern.substr(pos, open - pos));
    out->append("(?:");
    Status s = ExpandInto(it->second, lexicons, depth + 1, out);
    if (!s.ok()) return s;
    out->append(")");
    pos = close + 2;
  }
}

}  // namespace

void AddLexicons(const std::map<std::string, std::vector<std::string>>& source, Lexicons* lexicons) {
  for (const auto& [name, alternatives] : source) {
    std::string joined;
    for (const std::string& a : alternatives) {
      if (!joined.empty()) joined.push_back('|');
      joined += a;
    }
    (*lexicons)[name] = std::move(joined);
  }
}

Result<std::string> ExpandLexicons(std::string_view pattern, const Lexicons& lexicons) {
  std::string out;
  Status s = ExpandInto(pattern, lexicons, 0, &out);
  if (!s.ok()) return s;
  return out;
}

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_max_mem(max_mem);
  o.set_log_errors(false);
  o.set_never_capture(true);
  return o;
}

Result<std::unique_ptr<RE2>> CompilePattern(std::string_view pattern, const Lexicons& lexicons,
                                           int64_t max_mem) {
  if (pattern.empty()) return Status(ErrorCode::kBadPattern, "empty pattern");
  Result<std::string> expanded = ExpandLexicons(pattern, lexicons);
  if (!expanded.ok()) return expanded.status();
  auto re = std::make_unique<RE2>(expanded.value(), PatternOptions(max_mem));
  if (Status s = CheckPattern(*re); !s.ok()) return s;
  return re;
}

Status CheckPattern(const RE2& re) {
  if (!re.ok()) {
    std::string message = "RE2 rejects the pattern: " + re.error();
    if (!re.error_arg().empty()) message += " at '" + re.error_arg() + "'";
    return Status(ErrorCode::kBadPattern, message);
  }
  // An empty match would report zero-width findings everywhere.
  if (RE2::FullMatch("", re)) return Status(ErrorCode::kBadPattern, "pattern matches the empty string");
  return Status::Ok();
}

Result<std::shared_ptr<const RE2>> PatternCache::Compile(std::string_view pattern) {
  if (auto it = compiled_.find(pattern); it != compiled_.end()) return it->second;
  Result<std::unique_ptr<RE2>> re = CompilePattern(pattern, lexicons_, max_mem_);
  if (!re.ok()) return re.status();
  std::shared_ptr<const RE2> shared = std::move(re).value();
  compiled_.emplace(std::string(pattern), shared);
  return shared;
}

std::shared_ptr<const RE2> PatternCache::Alternation(std::span<const std::shared_ptr<const RE2>> patterns) {
  std::string joined;
  for (const auto& re : patterns) {
    if (!joined.empty()) joined += '|';
    joined += "(?:" + re->pattern() + ")";
  }
  if (auto it = alternations_.find(joined); it != alternations_.end()) return it->second;
  auto re = std::make_shared<const RE2>(joined, PatternOptions(max_mem_));
  std::shared_ptr<const RE2> result = re->ok() ? re : nullptr;
  alternations_.emplace(std::move(joined), result);
  return result;
}

Span Neighbourhood(std::string_view text, Span hit, int window) {
  size_t from = hit.begin > static_cast<size_t>(window) ? hit.begin - window : 0;
  size_t to = std::min(text.size(), hit.end + window);
  // Stop at a paragraph break, looking only inside the window: a draft
  // without one must not be scanned end to end for every hit.
  while (const void* nl = std::memchr(text.data() + from, '\n', hit.begin - from))
    from = static_cast<const char*>(nl) - text.data() + 1;
  if (const void* nl = std::memchr(text.data() + hit.end, '\n', to - hit.end))
    to = static_cast<const char*>(nl) - text.data();
  return {from, to};
}

void MarkNear(const RE2& re, std::string_view text, std::span<const Span> hits, int window,
              std::vector<char>* near) {
  auto occurs_in = [&](Span s) { return re.Match(text, s.begin, s.end, RE2::UNANCHORED, nullptr, 0); };
  std::vector<std::pair<Span, size_t>> around;  // (neighbourhood, hit index), by start
  around.reserve(hits.size());
  for (size_t i = 0; i < hits.size(); ++i)
    if (!(*near)[i]) around.push_back({Neighbourhood(text, hits[i], window), i});
  std::sort(around.begin(), around.end(),
            [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  for (size_t first = 0; first < around.size();) {
    // The stretch: this neighbourhood and those overlapping it, transitively.
    Span stretch = around[first].first;
    size_t last = first + 1;
    for (; last < around.size() && around[last].first.begin <= stretch.end; ++last)
      stretch.end = std::max(stretch.end, around[last].first.end);
    if (occurs_in(stretch)) {
      if (last - first == 1) {
        (*near)[around[first].second] = 1;
      } else {
        for (size_t k = first; k < last; ++k)
          if (occurs_in(around[k].first)) (*near)[around[k].second] = 1;
      }
    }
    first = last;
  }
}

void NearbyPatterns::Combine(PatternCache* cache) {
  if (patterns.size() >= 2) combined_ = cache->Alternation(patterns);
}

void NearbyPatterns::MarkNear(std::string_view text, std::span<const Span> hits,
                              std::vector<char>* near) const {
  if (combined_) {
    internal::MarkNear(*combined_, text, hits, window, near);
    return;
  }
  for (const auto& re : patterns) internal::MarkNear(*re, text, hits, window, near);
}

}  // namespace draftguard::internal
