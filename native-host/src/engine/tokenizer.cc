#include "engine/tokenizer.h"

#include <utf8proc.h>

#include "engine/utf8.h"

namespace draftguard::internal {
namespace {

inline bool IsAsciiWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiWord(static_cast<unsigned char>(cp));
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

bool IsHardBreak(char c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}':
    case '|': case '\n': case '/': case '"':
      return true;
    default:
      return false;
  }
}

char Unleet(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    default: return c;
  }
}

// "c0nfidential" → "confidential"; empty unless the word mixes at least two
// letters with digits.
std::string Deleet(std::string_view word) {
  int letters = 0, digits = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') ++letters;
    else if (c >= '0' && c <= '9') ++digits;
    else return {};  // non-ASCII: leave alone
  }
  if (letters < 2 || digits == 0) return {};
  std::string out(word);
  for (char& c : out) c = Unleet(c);
  return out;
}

bool IsSingleLetter(std::string_view text, const Token& t) {
  return t.end - t.begin == 1 && text[t.begin] >= 'a' && text[t.begin] <= 'z';
}

// Marks runs of single letters separated by one space or by dots ("n.d.a",
// "c o n f i d e n t i a l") with their joined spelling on the first token.
void JoinSpelledRuns(std::string_view text, std::vector<Token>* tokens) {
  auto& t = *tokens;
  for (size_t i = 0; i < t.size();) {
    if (!IsSingleLetter(text, t[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool dotted = false;
    while (j < t.size() && IsSingleLetter(text, t[j])) {
      std::string_view gap = text.substr(t[j - 1].end, t[j].begin - t[j - 1].end);
      bool dot = gap == "." || gap == ". ";
      if (gap != " " && !dot) break;
      dotted |= dot;
      ++j;
    }
    size_t run = j - i;
    if (run >= 3 || (run == 2 && dotted)) {
      std::string joined;
      for (size_t k = i; k < j; ++k) joined.push_back(text[t[k].begin]);
      t[i].alt = std::move(joined);
      t[i].alt_end = t[j - 1].end;
      t[i].alt_tokens = static_cast<uint32_t>(run);
    }
    i = j;
  }
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  tokens->clear();
  tokens->reserve(text.size() / 5 + 16);  // prose runs ~6 bytes a word: no regrowth
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  bool hard = false;
  bool any_alt = false;
  while (i < n) {
    size_t start = i;
    char32_t cp = p[i] < 0x80 ? p[i++] : DecodeUtf8(text, &i);
    if (!IsWordCodePoint(cp)) {
      if (cp < 0x80 && IsHardBreak(static_cast<char>(cp))) hard = true;
      continue;
    }
    size_t end = i;
    bool has_digit = cp >= '0' && cp <= '9';
    // ASCII letters and digits first: most of any draft.
    while (end < n && IsAsciiWord(p[end])) has_digit |= p[end++] <= '9';
    while (end < n) {
      size_t next = end;
      char32_t c = p[end] < 0x80 ? p[next++] : DecodeUtf8(text, &next);
      if (!IsWordCodePoint(c)) break;
      has_digit |= c >= '0' && c <= '9';
      end = next;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.hard_break_before = hard;
    t.hashtag = start > 0 && p[start - 1] == '#';
    if (has_digit) {
      t.alt = Deleet(text.substr(start, end - start));
      t.alt_end = t.end;
    }
    any_alt |= end - start == 1;
    tokens->push_back(std::move(t));
    hard = false;
    i = end;
  }
  if (any_alt) JoinSpelledRuns(text, tokens);
}

std::vector<std::string> TermWords(std::string_view term) {
  std::vector<Token> tokens;
  Tokenize(term, &tokens);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) words.emplace_back(term.substr(t.begin, t.end - t.begin));
  return words;
}

}  // namespace draftguard::internal
