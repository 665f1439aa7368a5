// Regex rules: validation, contexts, exclusions, lexicons — through the
// engine's public API with small packs written here.
#include <doctest/doctest.h>

#include <set>

#include "draftguard/engine.h"
#include "draftguard/packs.h"

using namespace draftguard;

namespace {

RulePack Pack(std::vector<RuleSpec> rules, std::map<std::string, std::vector<std::string>> lexicons = {}) {
  RulePack p;
  p.name = "t";
  p.source = "test.json";
  p.rules = std::move(rules);
  p.lexicons = std::move(lexicons);
  return p;
}

RuleSpec Rule(std::string id, std::string pattern, Severity severity = Severity::kMedium) {
  RuleSpec r;
  r.id = std::move(id);
  r.category = Category::kCaseStudy;
  r.severity = severity;
  r.pattern = std::move(pattern);
  r.message = {"msg", "message"};
  return r;
}

std::vector<Finding> Run(const Engine& e, std::string_view text) {
  auto r = e.Analyze(text, {});
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("a bad pattern names the pack, the rule and RE2's complaint; the rest loads") {
  std::vector<RulePack> packs = {Pack({Rule("good", "roas"), Rule("broken", "revenue (grew"),
                                       Rule("unknown_lexicon", "{{nope}} grew")})};
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(Options(), packs, &problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].source == "test.json");
  CHECK(problems[0].item == "rule broken");
  CHECK(problems[0].message.find("missing )") != std::string::npos);
  CHECK(problems[0].message.find("revenue (grew") != std::string::npos);
  CHECK(problems[1].message.find("unknown lexicon {{nope}}") != std::string::npos);
  CHECK(engine->rule_count() == 1);
  CHECK(Run(*engine, "our ROAS").size() == 1);
}

TEST_CASE("a pattern that matches the empty string is refused") {
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({Rule("empty", "x*")})}, &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("empty string") != std::string::npos);
}

TEST_CASE("rules refused after their pattern compiled leave the others matching as themselves") {
  // The prefilter has compiled a too-long pattern and "budget" by the time
  // they are refused (program size; a broken context): the rules after them
  // must still be found, and as themselves.
  Options small;
  small.max_rule_program_size = 20;
  RuleSpec bad_context = Rule("bad_context", "budget");
  bad_context.context = {{"(unclosed", ContextEffect::kRequire, 30}};
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(
      small,
      std::vector<RulePack>{
          Pack({Rule("before", "roas"), Rule("too_big", "supercalifragilisticexpialidocious"), bad_context,
                Rule("after", "churn")})},
      &problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].item == "rule too_big");
  CHECK(problems[1].item == "rule bad_context context[0]");
  CHECK(engine->rule_count() == 2);
  auto rules_of = [&](std::string_view text) {
    std::vector<std::string> ids;
    for (const Finding& f : Run(*engine, text)) ids.push_back(f.rule);
    return ids;
  };
  CHECK(rules_of("churn is down") == std::vector<std::string>{"t.after"});
  CHECK(rules_of("roas up, budget cut, churn down") == std::vector<std::string>{"t.before", "t.after"});
}

TEST_CASE("lexicons expand, nest, and are shared across packs") {
  RulePack common = Pack({}, {{"currency", {"€", "\\$", "eur"}}, {"amount", {"\\d+(?:[.,]\\d+)? ?{{currency}}"}}});
  common.name = "common";
  RulePack rules = Pack({Rule("revenue", "revenue of {{amount}}")});
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(Options(), std::vector<RulePack>{common, rules}, &problems);
  CHECK(problems.empty());
  auto f = Run(*engine, "Revenue of 12,5 € this year");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "t.revenue");
  CHECK(f[0].start == 0);
  CHECK(f[0].end == 17);  // "Revenue of 12,5 €"
}

TEST_CASE("a lexicon cycle is an error, not a hang") {
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(
      Options(), std::vector<RulePack>{Pack({Rule("loop", "{{a}}")}, {{"a", {"x{{b}}"}}, {"b", {"y{{a}}"}}})},
      &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("too deep") != std::string::npos);
}

TEST_CASE("context: require, raise and lower") {
  RuleSpec need = Rule("need", "\\d+ ?%");
  need.context = {{"conversion|churn", ContextEffect::kRequire, 30}};
  RuleSpec up = Rule("up", "secret sauce", Severity::kLow);
  up.category = Category::kStrategy;
  up.context = {{"client", ContextEffect::kRaise, 30}, {"internal", ContextEffect::kRaise, 30}};
  RuleSpec down = Rule("down", "roadmap", Severity::kMedium);
  down.category = Category::kPrelaunch;
  down.context = {{"public", ContextEffect::kLower, 30}};
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({need, up, down})}, nullptr);

  CHECK(Run(*engine, "conversion rose 37 %").size() == 1);
  CHECK(Run(*engine, "we are 100 % sure").empty());
  // The window does not reach across a paragraph break.
  CHECK(Run(*engine, "conversion\n\nwe are 100 % sure").empty());

  auto f = Run(*engine, "our client's secret sauce, internal");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kHigh);
  CHECK(Run(*engine, "the secret sauce")[0].severity == Severity::kLow);

  CHECK(Run(*engine, "our public roadmap")[0].severity == Severity::kLow);
  CHECK(Run(*engine, "our roadmap")[0].severity == Severity::kMedium);
}

TEST_CASE("context: a term of the user's lists of a category, plain or sealed") {
  // "A rival's price" needs a rival nearby: a name on the user's competitor
  // list answers, a client name does not, nor a rival too far away.
  RuleSpec price = Rule("rival_price", "\\d+ ?€ per seat");
  price.category = Category::kCompetitor;
  ContextSpec rival;
  rival.list = Category::kCompetitor;
  rival.window = 40;
  price.context = {rival};
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({price})}, nullptr);
  TermList competitors;
  competitors.name = "competitors";
  competitors.category = Category::kCompetitor;
  competitors.terms = {"Tablesync"};
  TermList clients;
  clients.name = "clients";
  clients.category = Category::kKeyword;
  clients.terms = {"Brasserie Lumière"};
  REQUIRE(engine->SetLists("*", std::vector<TermList>{competitors, clients}).ok());

  auto rules_of = [&](std::string_view text, AnalyzeOptions options = {}) {
    std::set<std::string> ids;
    auto r = engine->Analyze(text, options);
    REQUIRE(r.ok());
    for (const Finding& f : r.value()) ids.insert(f.rule);
    return ids;
  };
  CHECK(rules_of("Tablesync's reps quote 12 € per seat.").count("t.rival_price") == 1);
  CHECK(rules_of("Brasserie Lumière pays 12 € per seat.").count("t.rival_price") == 0);
  CHECK(rules_of("Tablesync is fine. Lorem ipsum dolor sit amet, consectetur: 12 € per seat.")
            .count("t.rival_price") == 0);
  // The list's own findings switched off: the name still counts as a rival.
  AnalyzeOptions rules_only;
  rules_only.categories = CategorySet::None();
  rules_only.categories.insert(Category::kCompetitor);
  competitors.category = Category::kKeyword;
  REQUIRE(engine->SetLists("*", std::vector<TermList>{competitors}).ok());
  CHECK(rules_of("Tablesync quotes 12 € per seat.").count("list.competitors") == 1);
  CHECK(rules_of("Tablesync quotes 12 € per seat.", rules_only) == std::set<std::string>{});
  competitors.category = Category::kCompetitor;
  REQUIRE(engine->SetLists("*", std::vector<TermList>{competitors}).ok());
  AnalyzeOptions no_competitor;
  no_competitor.categories.erase(Category::kCompetitor);
  CHECK(rules_of("Tablesync quotes 12 € per seat.", no_competitor).empty());
  CHECK(rules_of("Tablesync quotes 12 € per seat.", rules_only) ==
        std::set<std::string>{"list.competitors", "t.rival_price"});

  // Sealed (hashed) organisation lists answer the same way.
  Engine::TermHasher hasher = [](std::string_view key, std::string_view words) {
    return std::string(key) + "|" + std::string(words);
  };
  SealedTermList sealed;
  sealed.name = "rivals";
  sealed.category = Category::kCompetitor;
  sealed.key = "k";
  sealed.hashes = {hasher("k", CanonicalTermForm("Tablesync"))};
  sealed.max_words = 1;
  auto org = Engine::Create(Options(), std::vector<RulePack>{Pack({price})}, nullptr);
  REQUIRE(org->SetSealedLists("*", std::vector<SealedTermList>{sealed}, hasher).ok());
  std::set<std::string> ids;
  for (const Finding& f : Run(*org, "Tablesync quotes 12 € per seat.")) ids.insert(f.rule);
  CHECK(ids == std::set<std::string>{"sealed.rivals", "t.rival_price"});
}

TEST_CASE("a context names a pattern or a list category, exactly one") {
  auto list = ParseRulePack(
      R"({"pack":"p","rules":[{"id":"a","category":"competitor","pattern":"x","context":[{"list":"competitor","window":50}]}]})",
      "p.json");
  REQUIRE(list.ok());
  REQUIRE(list.value().rules[0].context.size() == 1);
  CHECK(list.value().rules[0].context[0].list == Category::kCompetitor);
  CHECK(list.value().rules[0].context[0].window == 50);
  auto both = ParseRulePack(
      R"({"pack":"p","rules":[{"id":"a","category":"pii","pattern":"x","context":[{"pattern":"y","list":"competitor"}]}]})",
      "p.json");
  REQUIRE_FALSE(both.ok());
  CHECK(both.status().message().find("rules[0] (a).context[0]: give either") != std::string::npos);
  auto neither = ParseRulePack(R"({"pack":"p","rules":[{"id":"a","category":"pii","pattern":"x","context":[{}]}]})",
                               "p.json");
  REQUIRE_FALSE(neither.ok());
  auto unknown = ParseRulePack(
      R"({"pack":"p","rules":[{"id":"a","category":"pii","pattern":"x","context":[{"list":"rivals"}]}]})", "p.json");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find("rules[0] (a).context[0].list") != std::string::npos);
}

TEST_CASE("exclusions make a hit benign only nearby") {
  RuleSpec r = Rule("rev", "revenue grew \\d+ ?%");
  r.exclusions = {"annual report", "according to"};
  r.exclusion_window = 60;
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({r})}, nullptr);
  CHECK(Run(*engine, "As published in our annual report, revenue grew 14%").empty());
  CHECK(Run(*engine, "According to Gartner, revenue grew 14% in the sector").empty());
  CHECK(Run(*engine, "Revenue grew 14% for our client").size() == 1);
  std::string far = "annual report.";
  for (int i = 0; i < 20; ++i) far += " other words";  // 240 bytes away
  far += ". Revenue grew 14% for a client";
  CHECK(Run(*engine, far).size() == 1);
}

TEST_CASE("dense hits: each hit's own neighbourhood decides, however much they overlap") {
  RuleSpec r = Rule("pct", "\\d+ ?%");
  r.context = {{"\\bchurn\\b", ContextEffect::kRequire, 12}};
  r.exclusions = {"\\bsource\\b"};
  r.exclusion_window = 12;
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({r})}, nullptr);
  // Hits 9 bytes apart: the neighbourhoods overlap into one stretch that holds
  // both "churn" and "source", yet only the hits near them are affected.
  std::string text = "churn 1% xxxxx 2% xxxxx 3% xxxxx 4% xxxxx 5% churn source 6% xxxxx 7% xxxxx 8% churn";
  std::vector<std::string> found;
  for (const Finding& f : Run(*engine, text)) found.push_back(text.substr(f.start, f.end - f.start));
  CHECK(found == std::vector<std::string>{"1%", "5%", "8%"});  // 6% is near "source", 2%–4% and 7% near nothing
  // A neighbourhood that ends inside a word does not make a word boundary there:
  // "churning" is not "churn", whatever part of it the window reaches.
  CHECK(Run(*engine, "5% xxxxx churning").empty());  // the window ends after "churn"
}

TEST_CASE("the prefilter: rules with long literals, short ones only, or none at all all fire where they match") {
  // "headcount" is an atom that filters; "mio"/"mrd" are 3-byte atoms, taken
  // as found in any text, and a phone number has no literal at all: those
  // two rules are verified by the second RE2::Set instead.
  RuleSpec literal = Rule("literal", "headcount (?:plan|cut)");
  RuleSpec short_only = Rule("short", "\\b\\d+(?:mio|mrd)\\b");
  RuleSpec none = Rule("none", "\\d{3}-\\d{4}");
  auto engine = Engine::Create(Options(), std::vector<RulePack>{Pack({literal, short_only, none})}, nullptr);
  auto rules_of = [&](std::string_view text) {
    std::vector<std::string> ids;
    for (const Finding& f : Run(*engine, text)) ids.push_back(f.rule);
    return ids;
  };
  CHECK(rules_of("the headcount plan for 2027") == std::vector<std::string>{"t.literal"});
  CHECK(rules_of("we hit 40mio in sales") == std::vector<std::string>{"t.short"});
  CHECK(rules_of("call 555-0199") == std::vector<std::string>{"t.none"});
  CHECK(rules_of("2mrd and a headcount cut, call 555-0199") ==
        std::vector<std::string>{"t.short", "t.literal", "t.none"});
  CHECK(rules_of("nothing to see here").empty());
  // Only short and no literals at all: no atom set is needed.
  auto bare = Engine::Create(Options(), std::vector<RulePack>{Pack({none})}, nullptr);
  CHECK(Run(*bare, "call 555-0199").size() == 1);
  CHECK(Run(*bare, "call me").empty());
}

TEST_CASE("pack JSON errors name the field path") {
  auto bad_severity = ParseRulePack(
      R"({"pack":"p","rules":[{"id":"a","category":"pii","pattern":"x"},{"id":"b","category":"pii","severity":"urgent","pattern":"y"}]})",
      "p.json");
  REQUIRE_FALSE(bad_severity.ok());
  CHECK(bad_severity.status().message().find("rules[1] (b).severity") != std::string::npos);

  auto typo = ParseRulePack(R"({"pack":"p","rules":[{"id":"a","category":"pii","pattern":"x","exclusion":["y"]}]})",
                            "p.json");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().message().find("unknown field 'rules[0].exclusion'") != std::string::npos);

  auto not_json = ParseRulePack("{\"pack\": \"p\",\n  \"rules\": [}", "p.json");
  REQUIRE_FALSE(not_json.ok());
  CHECK(not_json.status().message().find("line 2") != std::string::npos);

  auto category = ParseRulePack(R"({"pack":"p","rules":[{"id":"a","category":"secret","pattern":"x"}]})", "p.json");
  REQUIRE_FALSE(category.ok());
  CHECK(category.status().message().find("category") != std::string::npos);
}

TEST_CASE("the built-in packs parse and compile without a single problem") {
  CHECK(BuiltinPackProblems().empty());
  for (const LoadProblem& p : BuiltinPackProblems()) MESSAGE(p.ToString());
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(Options(), BuiltinPacks(), &problems);
  for (const LoadProblem& p : problems) MESSAGE(p.ToString());
  CHECK(problems.empty());
  CHECK(engine->rule_count() > 20);
  CHECK(BuiltinPacks().size() >= 7);
}
