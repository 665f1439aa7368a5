#include "engine/pattern.h"

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
  if (!re->ok()) {
    std::string message = "RE2 rejects the pattern: " + re->error();
    if (!re->error_arg().empty()) message += " at '" + re->error_arg() + "'";
    return Status(ErrorCode::kBadPattern, message);
  }
  // An empty match would report zero-width findings everywhere.
  if (RE2::FullMatch("", *re))
    return Status(ErrorCode::kBadPattern, "pattern matches the empty string");
  return re;
}

std::string_view Neighbourhood(std::string_view text, size_t begin, size_t end, int window) {
  size_t from = begin > static_cast<size_t>(window) ? begin - window : 0;
  size_t to = std::min(text.size(), end + window);
  // Stop at a paragraph break, looking only inside the window: a draft
  // without one must not be scanned end to end for every hit.
  size_t before = text.substr(from, begin - from).rfind('\n');
  if (before != std::string_view::npos) from += before + 1;
  size_t after = text.substr(end, to - end).find('\n');
  if (after != std::string_view::npos) to = end + after;
  return text.substr(from, to - from);
}

void NearbyPatterns::Combine(int64_t max_mem) {
  if (patterns.size() < 2) return;
  std::string joined;
  for (const auto& re : patterns) {
    if (!joined.empty()) joined += '|';
    joined += "(?:" + re->pattern() + ")";
  }
  auto re = std::make_unique<RE2>(joined, PatternOptions(max_mem));
  if (re->ok()) combined_ = std::move(re);
}

bool NearbyPatterns::AnyNear(std::string_view text, size_t begin, size_t end) const {
  if (patterns.empty()) return false;
  std::string_view around = Neighbourhood(text, begin, end, window);
  if (combined_) return RE2::PartialMatch(around, *combined_);
  for (const auto& re : patterns)
    if (RE2::PartialMatch(around, *re)) return true;
  return false;
}

}  // namespace draftguard::internal
