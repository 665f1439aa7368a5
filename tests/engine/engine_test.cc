// The engine end to end through its public API: offsets in UTF-16 of the
// original, lists per scope, merging, bad input.
#include "draftguard/engine.h"

#include <doctest/doctest.h>

#include <string>

#include "draftguard/packs.h"
#include "engine_fixtures.h"

using namespace draftguard;
using draftguard::testing::EmptyEngine;
using draftguard::testing::MakeList;

namespace {

// UTF-16 length of UTF-8 text, as JavaScript's String.length.
uint32_t Utf16Length(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if ((c & 0xC0) == 0x80) continue;
    n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// The UTF-16 span of the first occurrence of `needle` in `text`.
std::pair<uint32_t, uint32_t> SpanOf(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  uint32_t start = Utf16Length(text.substr(0, at));
  return {start, start + Utf16Length(needle)};
}


std::vector<Finding> Analyze(const Engine& e, std::string_view text, std::string_view domain = "") {
  auto r = e.Analyze(text, {.domain = domain});
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("offsets are UTF-16 code units of the original, around emoji, accents and CRLF") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("codenames", {"Falcon", "Épicerie Bellerive"})};
  REQUIRE(e->SetLists("*", lists).ok());
  const std::string texts[] = {
      "🚀🚀 Project Falcon is live",
      "Caf\u00e9 cre\u0300me \r\n\r\nFalcon\r\n",
      "👩🏽‍💻 with EPICERIE\r\nBELLERIVE 🎉 and Falcon’s",
      "ｆｕｌｌ ｗｉｄｔｈ Falcon",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    auto f = Analyze(*e, text);
    REQUIRE(!f.empty());
    for (const Finding& x : f) {
      CHECK(x.start < x.end);
      CHECK(x.end <= Utf16Length(text));
    }
    if (text.find("Falcon") != std::string::npos) {
      auto span = SpanOf(text, "Falcon");
      bool found = false;
      for (const Finding& x : f) found |= x.start == span.first && x.end == span.second;
      CHECK(found);
    }
  }
  auto f = Analyze(*e, texts[2]);
  REQUIRE(f.size() == 2);
  auto span = SpanOf(texts[2], "EPICERIE\r\nBELLERIVE");
  CHECK(f[0].start == span.first);
  CHECK(f[0].end == span.second);
}

TEST_CASE("a finding ending on a letter with a combining mark includes the mark") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("clients", {"Cafe"})};
  REQUIRE(e->SetLists("*", lists).ok());
  std::string text = "chez Cafe\u0301 Noir";
  auto f = Analyze(*e, text);
  REQUIRE(f.size() == 1);
  CHECK(f[0].start == 5);
  CHECK(f[0].end == 10);  // C a f e U+0301
}

TEST_CASE("lists apply by scope: '*' everywhere, a site to itself and its subdomains") {
  auto e = EmptyEngine();
  std::vector<TermList> global = {MakeList("clients", {"Acme"})};
  std::vector<TermList> site = {MakeList("competitors", {"Globex"}, Category::kCompetitor, Severity::kMedium)};
  REQUIRE(e->SetLists("*", global).ok());
  REQUIRE(e->SetLists("linkedin.com", site).ok());
  std::string text = "Acme beat Globex";
  CHECK(Analyze(*e, text, "www.linkedin.com").size() == 2);
  CHECK(Analyze(*e, text, "linkedin.com").size() == 2);
  CHECK(Analyze(*e, text, "x.com").size() == 1);
  CHECK(Analyze(*e, text, "notlinkedin.com").size() == 1);
  CHECK(Analyze(*e, text, "").size() == 1);
  auto f = Analyze(*e, text, "www.linkedin.com");
  CHECK(f[1].category == Category::kCompetitor);
  CHECK(f[1].rule == "list.competitors");
  CHECK(f[1].message.find("Globex") != std::string::npos);
  e->ClearLists("linkedin.com");
  CHECK(Analyze(*e, text, "www.linkedin.com").size() == 1);
}

TEST_CASE("a multi-word term is found as a hashtag, and a codename also without its 'Project'") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("codenames", {"Project Quillon", "Casa Velluto", "Blue Moon"})};
  REQUIRE(e->SetLists("*", lists).ok());
  for (std::string text : {"#ProjectQuillon is on track", "Proyecto Quillon: kick-off", "Quillon ships soon",
                           "Dinner with the #CasaVelluto team"}) {
    CAPTURE(text);
    auto f = Analyze(*e, text);
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find(text.find("Velluto") != std::string::npos ? "Casa Velluto" : "Project Quillon") !=
          std::string::npos);
  }
  std::string post = "Dinner with the #CasaVelluto team";
  auto hashtag = Analyze(*e, post);
  CHECK(std::make_pair(hashtag[0].start, hashtag[0].end) == SpanOf(post, "CasaVelluto"));
  // Only a generic first word may be left out: "Moon" alone is not "Blue Moon".
  CHECK(Analyze(*e, "Over the moon with these results").empty());
  CHECK(Analyze(*e, "Casa alone, or Velluto alone").empty());
}

TEST_CASE("SetLists is all or nothing and names the bad term") {
  auto e = EmptyEngine();
  std::vector<TermList> good = {MakeList("codenames", {"Falcon"})};
  REQUIRE(e->SetLists("*", good).ok());
  std::vector<TermList> bad = {MakeList("codenames", {"Bluefin", "/proj-(/"})};
  Status s = e->SetLists("*", bad);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::kBadPattern);
  CHECK(s.item() == "/proj-(/");
  CHECK(s.message().find("codenames") != std::string::npos);
  // The old lists stay in force.
  CHECK(Analyze(*e, "Falcon and Bluefin").size() == 1);

  std::vector<TermList> empty_term = {MakeList("codenames", {"Bluefin", "--"})};
  s = e->SetLists("*", empty_term);
  CHECK(s.code() == ErrorCode::kBadTerm);
  CHECK(s.item() == "--");
}

TEST_CASE("overlapping findings of one category merge into the most severe") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("low", {"New York"}, Category::kKeyword, Severity::kLow),
                                 MakeList("high", {"York Times"}, Category::kKeyword, Severity::kHigh),
                                 MakeList("other", {"Times"}, Category::kCompetitor, Severity::kMedium)};
  REQUIRE(e->SetLists("*", lists).ok());
  std::string text = "the New York Times";
  auto f = Analyze(*e, text);
  REQUIRE(f.size() == 2);
  CHECK(f[0].category == Category::kKeyword);
  CHECK(f[0].severity == Severity::kHigh);
  CHECK(f[0].rule == "list.high");
  CHECK(f[0].start == 4);
  CHECK(f[0].end == 18);
  CHECK(f[1].category == Category::kCompetitor);  // other categories stay apart
}

TEST_CASE("findings are sorted by position") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("a", {"zeta"}), MakeList("b", {"alpha"}, Category::kCompetitor)};
  REQUIRE(e->SetLists("*", lists).ok());
  auto f = Analyze(*e, "alpha zeta alpha");
  REQUIRE(f.size() == 3);
  CHECK(f[0].start < f[1].start);
  CHECK(f[1].start < f[2].start);
}

TEST_CASE("categories can be switched off per analysis") {
  auto e = EmptyEngine();
  std::vector<TermList> lists = {MakeList("a", {"Acme"}), MakeList("b", {"Globex"}, Category::kCompetitor)};
  REQUIRE(e->SetLists("*", lists).ok());
  AnalyzeOptions o;
  o.categories.erase(Category::kKeyword);
  auto r = e->Analyze("Acme and Globex", o);
  REQUIRE(r.ok());
  REQUIRE(r.value().size() == 1);
  CHECK(r.value()[0].category == Category::kCompetitor);
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset") {
  auto e = EmptyEngine();
  auto r = e->Analyze("ok so far \xC3\x28 then", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kInvalidArgument);
  CHECK(r.status().item() == "10");
  CHECK(r.status().message().find("offset 10") != std::string::npos);
}

TEST_CASE("a draft over the size limit is refused; a large one under it works") {
  Options o;
  o.max_text_bytes = 1 << 20;
  auto e = Engine::Create(o, BuiltinPacks(), nullptr);
  std::vector<TermList> lists = {MakeList("codenames", {"Falcon"})};
  REQUIRE(e->SetLists("*", lists).ok());
  std::string big;
  while (big.size() < (1 << 20) - 100) big += "Some ordinary words about our team and the weather. ";
  big += "Falcon";
  auto r = e->Analyze(big, {});
  REQUIRE(r.ok());
  REQUIRE(!r.value().empty());
  CHECK(r.value().back().rule == "list.codenames");
  big += std::string(200, 'x');
  auto too = e->Analyze(big, {});
  REQUIRE_FALSE(too.ok());
  CHECK(too.status().code() == ErrorCode::kTooLarge);
}

TEST_CASE("messages follow the engine's language") {
  Options fr;
  fr.language = "fr";
  auto e = Engine::Create(fr, {}, nullptr);
  std::vector<TermList> lists = {MakeList("clients", {"Acme"})};
  REQUIRE(e->SetLists("*", lists).ok());
  auto f = Analyze(*e, "chez Acme");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("figure dans votre liste") != std::string::npos);
}

TEST_CASE("list messages name the term and the list: {term} and {list}, once each, literally") {
  auto e = Engine::Create(Options(), {}, nullptr);
  TermList plain = MakeList("clients", {"Acme"});
  TermList own = MakeList("rivals", {"Globex {list}"});
  own.message = {"{term} ({list}) is a rival; {other} stays", ""};
  own.suggestion = {"Say \"a rival\" instead of {term}.", ""};
  REQUIRE(e->SetLists("*", std::vector<TermList>{plain, own}).ok());
  auto f = Analyze(*e, "Acme and Globex list");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "\u201cAcme\u201d is on your \u201cclients\u201d list: naming it publicly may reveal what you "
                        "want to keep private.");
  // The term's own text is not read again for placeholders.
  CHECK(f[1].message == "Globex {list} (rivals) is a rival; {other} stays");
  CHECK(f[1].suggestion == "Say \"a rival\" instead of Globex {list}.");
}

TEST_CASE("sealed terms are found exactly like plain ones, without their text") {
  // A toy keyed hash: the engine only needs equality of digests.
  Engine::TermHasher hasher = [](std::string_view key, std::string_view words) {
    return std::string(key) + "|" + std::string(words);
  };
  SealedTermList sealed;
  sealed.name = "codenames";
  sealed.key = "k";
  sealed.hashes = {hasher("k", CanonicalTermForm("Nightjar")), hasher("k", CanonicalTermForm("Blue Heron"))};
  sealed.max_words = 2;
  CHECK(CanonicalTermForm("Maison-Oriel’s") == "maison oriel s");
  auto e = EmptyEngine();
  REQUIRE(e->SetSealedLists("*", std::vector<SealedTermList>{sealed}, hasher).ok());
  std::string text = "NIGHTJAR ships; the blue\r\nhéron too. Blue. Heron no.";
  auto f = Analyze(*e, text);
  REQUIRE(f.size() == 2);
  CHECK(f[0].start == 0);
  CHECK(f[0].end == 8);
  CHECK(f[0].rule == "sealed.codenames");
  CHECK(f[0].message.find("Nightjar") == std::string::npos);
  auto span = SpanOf(text, "blue\r\nhéron");
  CHECK(f[1].start == span.first);
  CHECK(f[1].end == span.second);
  CHECK(e->term_count() == 2);
}
