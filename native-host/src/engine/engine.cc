// The engine orchestrates: validate, normalise, tokenise once, run the rule
// set and every applicable group of term lists, then map the hits back to
// UTF-16 offsets of the original and merge them.
#include "draftguard/engine.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <type_traits>

#include "engine/normalizer.h"
#include "engine/rule_set.h"
#include "engine/sealed_lists.h"
#include "engine/term_aliases.h"
#include "engine/term_lists.h"
#include "engine/tokenizer.h"
#include "engine/utf8.h"
#include "engine/wipe.h"

namespace draftguard {

using internal::Lexicons;
using internal::NormalizedText;
using internal::RuleSet;
using internal::SealedLists;
using internal::TermLists;
using internal::Token;

struct Engine::Rep {
  Options options;
  Lexicons lexicons;
  std::unique_ptr<RuleSet> rules;
  std::unique_ptr<TermLists> pack_lists;
  // The keyword lists of each scope ("*", "linkedin.com", …).
  struct Scope {
    std::unique_ptr<TermLists> plain;
    std::unique_ptr<SealedLists> sealed;
  };
  std::map<std::string, Scope, std::less<>> scopes;
};

namespace {

// A hit on its way to becoming a Finding. Its words (rule id, message,
// suggestion) are written only once it survives the merge: a dense draft
// has a hundred hits, and strings built, sorted and merged away cost more
// than finding them.
struct PendingFinding {
  size_t begin;  // normalised bytes, then UTF-16 units of the original
  size_t end;
  Category category;
  Severity severity;
  // Where its words come from: a pack rule, a list term or a sealed list.
  const internal::CompiledRule* rule = nullptr;
  const TermLists* terms = nullptr;
  const SealedLists* sealed = nullptr;
  uint32_t list = 0;
  uint32_t term = 0;
};

// `text` with every "{term}" and "{list}" replaced, in one pass: this runs
// for every list hit of every analysis.
std::string Fill(std::string_view text, std::string_view term, std::string_view list) {
  std::string out;
  out.reserve(text.size() + term.size() + list.size());
  for (size_t at = 0; at < text.size();) {
    size_t open = text.find('{', at);
    if (open == std::string_view::npos) open = text.size();
    out.append(text.substr(at, open - at));
    if (open == text.size()) break;
    std::string_view rest = text.substr(open);
    if (rest.starts_with("{term}")) {
      out.append(term);
      at = open + 6;
    } else if (rest.starts_with("{list}")) {
      out.append(list);
      at = open + 6;
    } else {
      out.push_back('{');
      at = open + 1;
    }
  }
  return out;
}

// Message and suggestion for a list hit whose list does not bring its own.
// `term` is empty for sealed lists, whose terms are not known.
template <typename List>
void DescribeListHit(const List& list, const std::string& term, std::string_view language, Finding* f) {
  static const LocalizedText kMessage{
      "\u201c{term}\u201d is on your \u201c{list}\u201d list: naming it publicly may reveal "
      "what you want to keep private.",
      "\u00ab {term} \u00bb figure dans votre liste \u00ab {list} \u00bb : le citer publiquement "
      "peut r\u00e9v\u00e9ler ce que vous voulez garder priv\u00e9."};
  static const LocalizedText kSuggestion{
      "Remove it or use a neutral description (\u201ca client\u201d, \u201ca new product\u201d).",
      "Retirez-le ou utilisez une description neutre (\u00ab un client \u00bb, \u00ab un nouveau "
      "produit \u00bb)."};
  static const LocalizedText kSealedMessage{
      "A term on your organisation's \u201c{list}\u201d list: naming it publicly may reveal what "
      "you want to keep private.",
      "Un terme de la liste \u00ab {list} \u00bb de votre organisation : le citer publiquement peut "
      "r\u00e9v\u00e9ler ce que vous voulez garder priv\u00e9."};
  const LocalizedText& fallback = term.empty() ? kSealedMessage : kMessage;
  const LocalizedText& message = list.message.en.empty() ? fallback : list.message;
  const LocalizedText& suggestion = list.suggestion.en.empty() ? kSuggestion : list.suggestion;
  f->message = Fill(message.In(language), term, list.name);
  f->suggestion = Fill(suggestion.In(language), term, list.name);
}

// The hits of plain or sealed lists become findings of the categories
// switched on, and every one of them, switched on or not, context for the
// rules (*spans).
template <typename Lists>
void CollectListHits(const Lists& lists, std::string_view text, const std::vector<Token>& tokens,
                     const AnalyzeOptions& options, std::vector<PendingFinding>* out, internal::ListSpans* spans) {
  std::vector<typename Lists::Hit> hits;
  lists.Match(text, tokens, &hits);
  for (const typename Lists::Hit& h : hits) {
    const auto& list = lists.list(h.list);
    (*spans)[static_cast<int>(list.category)].push_back({h.begin, h.end});
    if (!options.categories.contains(list.category)) continue;
    PendingFinding p{h.begin, h.end, list.category, list.severity};
    p.list = h.list;
    if constexpr (std::is_same_v<Lists, TermLists>) {
      p.terms = &lists;
      p.term = h.term;
    } else {
      p.sealed = &lists;
    }
    out->push_back(p);
  }
}

// The finding `p` stands for, with its words in `language`.
Finding Describe(const PendingFinding& p, std::string_view language) {
  Finding f;
  f.category = p.category;
  f.severity = p.severity;
  f.start = static_cast<uint32_t>(p.begin);
  f.end = static_cast<uint32_t>(p.end);
  if (p.rule) {
    f.rule = p.rule->id;
    f.message = p.rule->message.In(language);
    f.suggestion = p.rule->suggestion.In(language);
  } else if (p.terms) {
    const TermList& list = p.terms->list(p.list);
    f.rule = p.terms->rule_id(p.list);
    DescribeListHit(list, list.terms[p.term], language, &f);
  } else {
    const SealedTermList& list = p.sealed->list(p.list);
    f.rule = "sealed." + list.name;
    DescribeListHit(list, "", language, &f);
  }
  return f;
}

// `words` joined by `separator`: the canonical forms of terms.
template <typename Words>
std::string JoinWords(const Words& words, std::string_view separator) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

// "www.shop.example.com" → itself, "shop.example.com", "example.com", "com".
std::vector<std::string> ScopesOf(std::string_view domain) {
  std::string d(domain);
  std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!d.empty() && d.back() == '.') d.pop_back();
  std::vector<std::string> scopes;
  for (size_t at = 0; !d.empty() && at != std::string::npos;) {
    scopes.push_back(d.substr(at));
    at = d.find('.', at);
    if (at != std::string::npos) ++at;
  }
  return scopes;
}

// Maps the pending findings' spans to UTF-16 offsets of the original text.
void ToOriginal(const NormalizedText& view, std::string_view original, std::vector<PendingFinding>* pending) {
  std::vector<size_t> boundaries;
  boundaries.reserve(pending->size() * 2);
  for (PendingFinding& p : *pending) {
    std::tie(p.begin, p.end) = view.ToOriginal(original, p.begin, p.end);
    boundaries.push_back(p.begin);
    boundaries.push_back(p.end);
  }
  std::sort(boundaries.begin(), boundaries.end());
  boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());
  std::vector<uint32_t> units(boundaries.size());
  internal::Utf16Cursor cursor(original);
  for (size_t i = 0; i < boundaries.size(); ++i) units[i] = cursor.ToUtf16(boundaries[i]);
  auto to_utf16 = [&](size_t byte) {
    return units[std::lower_bound(boundaries.begin(), boundaries.end(), byte) - boundaries.begin()];
  };
  for (PendingFinding& p : *pending) {
    p.begin = to_utf16(p.begin);
    p.end = to_utf16(p.end);
  }
}

// Sorts, and merges overlapping findings of one category into the most
// severe of them stretched over their union.
std::vector<PendingFinding> Merge(std::vector<PendingFinding> findings) {
  std::sort(findings.begin(), findings.end(), [](const PendingFinding& a, const PendingFinding& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.severity > b.severity;
  });
  std::vector<PendingFinding> merged;
  for (const PendingFinding& f : findings) {
    if (!merged.empty() && merged.back().category == f.category && f.begin < merged.back().end) {
      PendingFinding& m = merged.back();
      size_t begin = std::min(m.begin, f.begin), end = std::max(m.end, f.end);
      if (f.severity > m.severity) m = f;
      m.begin = begin;
      m.end = end;
      continue;
    }
    merged.push_back(f);
  }
  std::sort(merged.begin(), merged.end(), [](const PendingFinding& a, const PendingFinding& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.category < b.category;
  });
  return merged;
}

}  // namespace

Engine::Engine(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::Create(const Options& options, std::span<const RulePack> packs,
                                       std::vector<LoadProblem>* problems) {
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  for (const RulePack& pack : packs) internal::AddLexicons(pack.lexicons, &rep->lexicons);
  rep->rules = RuleSet::Compile(
      packs, rep->lexicons, {options.rule_set_max_mem, options.rule_max_mem, options.max_rule_program_size},
      problems);
  // The packs' own term lists, compiled together; bad terms are skipped.
  std::vector<TermList> lists;
  std::vector<LoadProblem> list_problems;
  for (const RulePack& pack : packs) {
    for (TermList list : pack.lists) {
      list.name = pack.name + "." + list.name;
      lists.push_back(std::move(list));
    }
  }
  auto compiled = TermLists::Compile(lists, "", rep->lexicons, options.rule_max_mem, "packs",
                                     &list_problems);
  rep->pack_lists = std::move(compiled).value();  // lenient mode cannot fail
  if (problems) problems->insert(problems->end(), list_problems.begin(), list_problems.end());
  return std::unique_ptr<Engine>(new Engine(std::move(rep)));
}

Status Engine::SetLists(std::string_view scope, std::span<const TermList> lists) {
  auto compiled = TermLists::Compile(lists, "list.", rep_->lexicons, rep_->options.rule_max_mem,
                                     scope, nullptr);
  if (!compiled.ok()) return compiled.status();
  auto it = rep_->scopes.find(scope);
  if (it == rep_->scopes.end()) it = rep_->scopes.emplace(std::string(scope), Rep::Scope()).first;
  it->second.plain = std::move(compiled).value();
  return Status::Ok();
}

Status Engine::SetSealedLists(std::string_view scope, std::span<const SealedTermList> lists,
                              TermHasher hasher) {
  auto compiled = SealedLists::Compile(lists, std::move(hasher));
  if (!compiled.ok()) return compiled.status();
  auto it = rep_->scopes.find(scope);
  if (it == rep_->scopes.end()) it = rep_->scopes.emplace(std::string(scope), Rep::Scope()).first;
  it->second.sealed = std::move(compiled).value();
  return Status::Ok();
}

void Engine::ClearLists(std::string_view scope) {
  auto it = rep_->scopes.find(scope);
  if (it != rep_->scopes.end()) rep_->scopes.erase(it);
}

Result<std::vector<Finding>> Engine::Analyze(std::string_view utf8, const AnalyzeOptions& options) const {
  const Rep& r = *rep_;
  if (utf8.size() > r.options.max_text_bytes) {
    return Status(ErrorCode::kTooLarge,
                  "the draft is " + std::to_string(utf8.size()) + " bytes; the limit is " +
                      std::to_string(r.options.max_text_bytes));
  }
  if (size_t bad = internal::FindInvalidUtf8(utf8); bad != internal::kValidUtf8) {
    return Status(ErrorCode::kInvalidArgument,
                  "the draft is not valid UTF-8: invalid byte at offset " + std::to_string(bad),
                  std::to_string(bad));
  }
  NormalizedText view = internal::Normalize(utf8);
  std::vector<Token> tokens;
  // The normalised copy is draft text too: zero it however we leave.
  struct WipeOnExit {
    NormalizedText* view;
    std::vector<Token>* tokens;
    ~WipeOnExit() {
      internal::Wipe(&view->text);
      for (Token& t : *tokens)
        if (!t.alt.empty()) internal::Wipe(&t.alt);  // nearly all are empty and never held text
    }
  } wipe{&view, &tokens};
  std::vector<PendingFinding> pending;

  // The lists first: rules may ask for one of their terms nearby. Their
  // findings still follow the rules' (the merge keeps the first of equals).
  internal::Tokenize(view.text, &tokens);
  internal::ListSpans list_spans;
  std::vector<PendingFinding> list_findings;
  CollectListHits(*r.pack_lists, view.text, tokens, options, &list_findings, &list_spans);
  std::vector<std::string> scopes = ScopesOf(options.domain);
  scopes.push_back("*");
  for (const std::string& scope : scopes) {
    auto it = r.scopes.find(scope);
    if (it == r.scopes.end()) continue;
    if (it->second.plain)
      CollectListHits(*it->second.plain, view.text, tokens, options, &list_findings, &list_spans);
    if (it->second.sealed)
      CollectListHits(*it->second.sealed, view.text, tokens, options, &list_findings, &list_spans);
  }
  for (std::vector<internal::Span>& spans : list_spans)
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });

  std::vector<RuleSet::Hit> rule_hits;
  r.rules->Match(view.text, list_spans, &rule_hits);
  for (const RuleSet::Hit& h : rule_hits)
    if (options.categories.contains(h.rule->category))
      pending.push_back({h.begin, h.end, h.rule->category, h.severity, h.rule});
  pending.insert(pending.end(), list_findings.begin(), list_findings.end());

  ToOriginal(view, utf8, &pending);
  std::vector<Finding> findings;
  for (const PendingFinding& p : Merge(std::move(pending))) findings.push_back(Describe(p, r.options.language));
  return findings;
}

size_t Engine::rule_count() const { return rep_->rules->size(); }

size_t Engine::term_count() const {
  size_t n = rep_->pack_lists->term_count();
  for (const auto& [name, scope] : rep_->scopes) {
    if (scope.plain) n += scope.plain->term_count();
    if (scope.sealed) n += scope.sealed->term_count();
  }
  return n;
}

std::string CanonicalTermForm(std::string_view term) {
  return JoinWords(internal::TermWords(internal::NormalizeString(term)), " ");
}

std::vector<std::string> CanonicalTermAliases(std::string_view canonical) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < canonical.size();) {
    size_t space = std::min(canonical.find(' ', at), canonical.size());
    words.push_back(canonical.substr(at, space - at));
    at = space + 1;
  }
  std::vector<std::string> aliases;
  if (words.size() < 2) return aliases;
  aliases.push_back(JoinWords(words, ""));
  if (auto alone = internal::CodenameAlone(words); !alone.empty()) aliases.push_back(JoinWords(alone, " "));
  return aliases;
}

}  // namespace draftguard
