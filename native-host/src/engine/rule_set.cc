#include "engine/rule_set.h"

#include <algorithm>
#include <future>

namespace draftguard::internal {
namespace {

// Atoms this short (the shortest the filter keeps) count as found in any
// draft (see Compile). Measured on the benchmark corpus: counting 4-byte
// atoms too puts half the rules in the verifying set, whose DFA then costs
// more on new drafts than it saves.
constexpr size_t kShortAtomBytes = 3;

// Ordinary posts in the four languages, as the normaliser writes them
// (lowercase, no accents), with nothing in them to warn about. A rule that
// the filter passes on this text is passed on nearly every draft: its
// atoms are everyday words ("launch", "customers", "new", "date"), so a
// set verifies it instead (see ordinary_words_). Measured on the benchmark
// corpus (5 runs each way): p50 and p99 about 5 % lower, first sight
// unchanged. The text is ordinary prose, not the benchmark's words.
constexpr std::string_view kOrdinaryProse =
    "thanks to our customers, partners and the whole team for a great year. we are proud of what we "
    "built together and we learned a lot along the way. the launch of our new website was a lot of "
    "fun, and the date of our next meetup is on the events page. if you want to take part, send me a "
    "message. don't forget to share your own lessons: no one gets it right the first time. we moved "
    "into a bigger office, our clients and users keep us honest, and new people join the team every "
    "month. "
    "merci a nos clients et a toute l'equipe pour cette belle annee. nous sommes fiers du chemin "
    "parcouru et de notre nouveau site. le lancement de la saison est toujours un moment fort, ne "
    "pas oublier de partager vos retours. la date du prochain afterwork sera bientot annoncee. "
    "danke an unsere kunden und an das ganze team fur dieses jahr. wir freuen uns auf die neue saison "
    "und auf viele gesprache, das datum fur das nachste treffen folgt. "
    "gracias a nuestros clientes y a todo el equipo por este ano. estamos orgullosos del nuevo "
    "lanzamiento y de lo que hemos aprendido, la fecha del proximo encuentro la compartimos pronto.";

Severity Raise(Severity s) { return s == Severity::kHigh ? s : static_cast<Severity>(static_cast<int>(s) + 1); }

// Sets (*near)[i] when a term of `terms` (sorted by start) lies wholly inside
// the neighbourhood of hits[i].
void MarkNearTerms(std::string_view text, std::span<const Span> hits, int window, std::span<const Span> terms,
                   std::vector<char>* near) {
  for (size_t i = 0; i < hits.size(); ++i) {
    Span around = Neighbourhood(text, hits[i], window);
    auto it = std::lower_bound(terms.begin(), terms.end(), around.begin,
                               [](const Span& s, size_t at) { return s.begin < at; });
    for (; it != terms.end() && it->begin < around.end && !(*near)[i]; ++it)
      if (it->end <= around.end) (*near)[i] = 1;
  }
}

// MarkNear for a context, whichever kind it is.
void MarkContext(const CompiledRule::Context& c, std::string_view text, std::span<const Span> hits,
                 const ListSpans& lists, std::vector<char>* near) {
  if (c.list) {
    MarkNearTerms(text, hits, c.window, lists[static_cast<int>(*c.list)], near);
  } else {
    MarkNear(*c.pattern, text, hits, c.window, near);
  }
}

LoadProblem Problem(const RulePack& pack, const std::string& item, const Status& s) {
  return {pack.source.empty() ? pack.name : pack.source, item, s.ToString()};
}

// Compiles into *cache every context and exclusion pattern of `packs`, and
// each rule's exclusions joined (as RuleSet::Compile will ask for them).
// Patterns that do not compile are left for Compile to report.
void WarmCache(std::span<const RulePack> packs, PatternCache* cache) {
  for (const RulePack& pack : packs) {
    for (const RuleSpec& spec : pack.rules) {
      for (const ContextSpec& c : spec.context)
        if (!c.list) (void)cache->Compile(c.pattern);
      NearbyPatterns exclusions;
      for (const std::string& e : spec.exclusions) {
        Result<std::shared_ptr<const RE2>> re = cache->Compile(e);
        if (re.ok()) exclusions.patterns.push_back(std::move(re).value());
      }
      if (exclusions.patterns.size() == spec.exclusions.size()) exclusions.Combine(cache);
    }
  }
}

}  // namespace

std::unique_ptr<RuleSet> RuleSet::Compile(std::span<const RulePack> packs, const Lexicons& lexicons,
                                          const Limits& limits, std::vector<LoadProblem>* problems) {
  const int64_t rule_max_mem = limits.rule_max_mem;
  std::unique_ptr<RuleSet> set(new RuleSet());
  // Design decision: compiling the packs is most of a host's cold start.
  // The rules' own patterns feed the prefilter and its set of atoms, one
  // after the other; their context and exclusion patterns do not depend on
  // those, so a second thread compiles them meanwhile (the machines have
  // two cores). The rules are then put together in order from both.
  PatternCache cache(lexicons, rule_max_mem);
  std::future<void> warm = std::async(std::launch::async, [&] { WarmCache(packs, &cache); });
  std::vector<Result<int>> filter_ids;
  for (const RulePack& pack : packs)
    for (const RuleSpec& spec : pack.rules)
      filter_ids.push_back(set->AddToFilter(spec.pattern, lexicons, rule_max_mem));
  // Atoms this short (see kShortAtomBytes) filter nothing: function words and
  // word pieces ("the", "our", "ing", "de ") are in nearly every draft.
  std::vector<int> short_atoms;
  bool fits = true;
  if (set->filter_.NumRegexps() > 0) {  // FilteredRE2 must not be compiled empty
    std::vector<std::string> atoms;
    set->filter_.Compile(&atoms);
    for (size_t i = 0; i < atoms.size(); ++i)
      if (atoms[i].size() <= kShortAtomBytes) short_atoms.push_back(static_cast<int>(i));
    for (std::string& atom : atoms) atom = RE2::QuoteMeta(atom);
    fits = CompileSet(atoms, limits.set_max_mem, &set->atoms_);
  }
  warm.get();

  auto report = [&](const RulePack& pack, const std::string& item, const Status& s) {
    if (problems) problems->push_back(Problem(pack, item, s));
  };
  size_t next = 0;
  for (const RulePack& pack : packs) {
    for (const RuleSpec& spec : pack.rules) {
      const Result<int>& filter_id = filter_ids[next++];
      std::string id = pack.name + "." + spec.id;
      CompiledRule rule{id, spec.category, spec.severity, nullptr, {}, false, {}, spec.message, spec.suggestion};
      if (!filter_id.ok()) {
        report(pack, "rule " + spec.id, filter_id.status());
        continue;
      }
      rule.pattern = &set->filter_.GetRE2(filter_id.value());
      if (int size = rule.pattern->ProgramSize(); size > limits.max_program_size) {
        report(pack, "rule " + spec.id,
               Status(ErrorCode::kBadPattern,
                      "pattern too complex for per-keystroke matching (RE2 program size " + std::to_string(size) +
                          " > " + std::to_string(limits.max_program_size) +
                          "): keep in the pattern only the words that must be in the finding and move the "
                          "words around it into \"context\" patterns"));
        continue;
      }
      bool ok = true;
      for (size_t k = 0; k < spec.context.size() && ok; ++k) {
        const ContextSpec& c = spec.context[k];
        rule.requires_context |= c.effect == ContextEffect::kRequire;
        if (c.list) {
          rule.context.push_back({nullptr, c.list, c.effect, c.window});
          continue;
        }
        Result<std::shared_ptr<const RE2>> cre = cache.Compile(c.pattern);
        if (!cre.ok()) {
          report(pack, "rule " + spec.id + " context[" + std::to_string(k) + "]", cre.status());
          ok = false;
          break;
        }
        rule.context.push_back({std::move(cre).value(), std::nullopt, c.effect, c.window});
      }
      rule.exclusions.window = spec.exclusion_window;
      for (size_t k = 0; k < spec.exclusions.size() && ok; ++k) {
        Result<std::shared_ptr<const RE2>> ere = cache.Compile(spec.exclusions[k]);
        if (!ere.ok()) {
          report(pack, "rule " + spec.id + " exclusions[" + std::to_string(k) + "]", ere.status());
          ok = false;
          break;
        }
        rule.exclusions.patterns.push_back(std::move(ere).value());
      }
      if (!ok) continue;
      rule.exclusions.Combine(&cache);
      set->rule_of_filter_id_[filter_id.value()] = static_cast<int>(set->rules_.size());
      set->rules_.push_back(std::move(rule));
    }
  }
  if (set->rules_.empty()) return set;
  // The rules that pass the filter on short atoms alone: for these the
  // filter filters nothing, so a set verifies them. Rules without atoms pass
  // on any atoms at all.
  std::vector<int> passing;
  set->filter_.AllPotentials(short_atoms, &passing);
  fits = fits && set->Verified(passing, {}, limits.set_max_mem, &set->short_atoms_);
  // Then the rules the filter passes on ordinary prose.
  std::vector<int> in_prose;
  if (set->atoms_) {
    std::vector<int> atoms;
    RE2::Set::ErrorInfo info;
    if (set->atoms_->Match(kOrdinaryProse, &atoms, &info) || info.kind == RE2::Set::kNoError)
      set->filter_.AllPotentials(atoms, &in_prose);
  }
  fits = fits && set->Verified(in_prose, set->short_atoms_.ids, limits.set_max_mem, &set->ordinary_words_);
  if (!fits) {
    // Keep the rules usable: every one then runs on every draft.
    set->run_all_ = true;
    if (problems)
      problems->push_back(
          {"rule set", "", "the rules' prefilter exceeded its memory budget; every rule runs on every draft"});
  }
  return set;
}

Result<int> RuleSet::AddToFilter(std::string_view pattern, const Lexicons& lexicons, int64_t max_mem) {
  Result<std::string> expanded = ExpandLexicons(pattern, lexicons);
  int id = -1;
  if (pattern.empty() || !expanded.ok() ||
      filter_.Add(expanded.value(), PatternOptions(max_mem), &id) != RE2::NoError) {
    // FilteredRE2 keeps no words for a refusal: CompilePattern says why.
    Result<std::unique_ptr<RE2>> why = CompilePattern(pattern, lexicons, max_mem);
    return why.ok() ? Status(ErrorCode::kBadPattern, "RE2's prefilter rejects the pattern") : why.status();
  }
  rule_of_filter_id_.push_back(-1);  // until the rule is complete
  if (Status s = CheckPattern(filter_.GetRE2(id)); !s.ok()) return s;
  return id;
}

bool RuleSet::Verified(std::vector<int> filter_ids, const std::vector<int>& taken, int64_t max_mem,
                       VerifyingSet* out) const {
  std::sort(filter_ids.begin(), filter_ids.end());
  std::vector<std::string> patterns;
  for (int id : filter_ids) {
    if (rule_of_filter_id_[id] < 0 || std::binary_search(taken.begin(), taken.end(), id)) continue;
    out->ids.push_back(id);
    patterns.push_back(filter_.GetRE2(id).pattern());
  }
  return CompileSet(patterns, max_mem, &out->set);
}

bool RuleSet::CompileSet(const std::vector<std::string>& patterns, int64_t max_mem,
                         std::unique_ptr<RE2::Set>* set) {
  if (patterns.empty()) return true;
  auto compiled = std::make_unique<RE2::Set>(PatternOptions(max_mem), RE2::UNANCHORED);
  for (const std::string& p : patterns)
    if (compiled->Add(p, nullptr) < 0) return false;
  if (!compiled->Compile()) return false;
  *set = std::move(compiled);
  return true;
}

bool RuleSet::VerifyingSet::Verify(std::string_view text, std::vector<int>* candidates) const {
  if (!set) return true;
  RE2::Set::ErrorInfo info;
  std::vector<int> matched;
  if (!set->Match(text, &matched, &info) && info.kind != RE2::Set::kNoError) return false;
  std::vector<int> kept;
  std::set_difference(candidates->begin(), candidates->end(), ids.begin(), ids.end(), std::back_inserter(kept));
  for (int m : matched) kept.push_back(ids[m]);
  std::sort(kept.begin(), kept.end());
  *candidates = std::move(kept);
  return true;
}

bool RuleSet::Candidates(std::string_view text, std::vector<int>* rules) const {
  RE2::Set::ErrorInfo info;
  std::vector<int> atoms;
  if (atoms_ && !atoms_->Match(text, &atoms, &info) && info.kind != RE2::Set::kNoError) return false;
  std::vector<int> ids;
  filter_.AllPotentials(atoms, &ids);
  std::sort(ids.begin(), ids.end());
  if (!short_atoms_.Verify(text, &ids) || !ordinary_words_.Verify(text, &ids)) return false;
  for (int id : ids)
    if (int rule = rule_of_filter_id_[id]; rule >= 0) rules->push_back(rule);
  return true;
}

void RuleSet::Match(std::string_view text, const ListSpans& lists, std::vector<Hit>* hits) const {
  std::vector<int> candidates;
  if (run_all_ || !Candidates(text, &candidates)) {
    for (const CompiledRule& rule : rules_) MatchRule(text, rule, lists, hits);
    return;
  }
  for (int i : candidates) MatchRule(text, rules_[i], lists, hits);
}

void RuleSet::MatchRule(std::string_view text, const CompiledRule& rule, const ListSpans& lists,
                        std::vector<Hit>* hits) const {
  std::vector<Span> spans;
  ForEachMatch(*rule.pattern, text, [&](size_t begin, size_t end) {
    while (begin < end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
    if (begin < end) spans.push_back({begin, end});
  });
  // "require" contexts first (any one of them will do): most hits of a rule
  // that has them fail there, and the other contexts need not run for those.
  if (rule.requires_context) {
    std::vector<char> found(spans.size(), 0);
    for (const CompiledRule::Context& c : rule.context)
      if (c.effect == ContextEffect::kRequire) MarkContext(c, text, spans, lists, &found);
    size_t kept = 0;
    for (size_t i = 0; i < spans.size(); ++i)
      if (found[i]) spans[kept++] = spans[i];
    spans.resize(kept);
  }
  std::vector<Severity> severity(spans.size(), rule.severity);
  std::vector<char> dropped(spans.size(), 0);
  for (const CompiledRule::Context& c : rule.context) {
    if (c.effect == ContextEffect::kRequire) continue;
    std::vector<char> near(spans.size(), 0);
    MarkContext(c, text, spans, lists, &near);
    for (size_t i = 0; i < spans.size(); ++i) {
      if (!near[i]) continue;
      if (c.effect == ContextEffect::kRaise) {
        severity[i] = Raise(severity[i]);
      } else if (severity[i] == Severity::kLow) {
        dropped[i] = 1;
      } else {
        severity[i] = static_cast<Severity>(static_cast<int>(severity[i]) - 1);
      }
    }
  }
  // A dropped hit counts as excluded: the exclusions need not look at it.
  rule.exclusions.MarkNear(text, spans, &dropped);
  for (size_t i = 0; i < spans.size(); ++i)
    if (!dropped[i]) hits->push_back({spans[i].begin, spans[i].end, &rule, severity[i]});
}

}  // namespace draftguard::internal
