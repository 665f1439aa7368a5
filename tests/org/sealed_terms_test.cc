// Sealed terms are found exactly where the same terms as a plain list are
// found: across case, accents, line breaks, hyphens, width and possessives,
// with the same UTF-16 spans.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "draftguard/engine.h"
#include "engine_fixtures.h"
#include "org/encoding.h"
#include "org/org_engine.h"
#include "org/org_pack.h"
#include "org/sealed_terms.h"
#include "org_test_util.h"

namespace draftguard::org {
namespace {

namespace json = boost::json;
using draftguard::testing::EmptyEngine;
using draftguard::testing::MakeList;

const std::vector<std::string> kTerms = {"Project Falcon", "Projet Hélios", "Acme", "Nova 2 Pro Max"};

const char* const kDrafts[] = {
    "#ProjectFalcon is late, Falcon's team says.",
    "Our PROJECT falcon ships soon.",
    "Le projet helios arrive, PROJET HÉLIOS aussi.",
    "Project\nFalcon is late.",
    "Project\r\nFalcon is late.",
    "Project-Falcon, project_falcon?",
    "Falcon's launch of Project Falcon's beta",
    "\xF0\x9F\x9A\x80 Project Falcon \xF0\x9F\x9A\x80 acme",  // emoji: UTF-16 offsets
    "\xEF\xBC\xB0\xEF\xBD\x92\xEF\xBD\x8F\xEF\xBD\x8A\xEF\xBD\x85\xEF\xBD\x83\xEF\xBD\x94 Falcon",  // full-width
    "Projects Falcons and Acmes are not the terms.",
    "nova 2 pro max, NOVA  2\tPRO\nMAX",
    "Acme\u200B Corp and A\u00ADcme",  // zero-width space, soft hyphen
};

struct Span {
  uint32_t start, end;
  Category category;
  Severity severity;
  bool operator==(const Span&) const = default;
};

std::vector<Span> Spans(const Engine& e, std::string_view text) {
  auto r = e.Analyze(text, {.domain = "www.linkedin.com"});
  REQUIRE(r.ok());
  std::vector<Span> out;
  for (const Finding& f : r.value()) out.push_back({f.start, f.end, f.category, f.severity});
  return out;
}


SealedTermList SealedFromTerms(const std::vector<std::string>& terms) {
  SealedTermList s;
  s.name = "codenames";
  s.category = Category::kPrelaunch;
  s.severity = Severity::kHigh;
  for (int i = 0; i < 32; ++i) s.key.push_back(static_cast<char>(0xA0 + i));
  s.max_words = 1;
  for (const std::string& t : terms) {
    std::string canonical = CanonicalTermForm(t);
    s.max_words = std::max(s.max_words, CanonicalWordCount(canonical));
    for (std::string& digest : SealedDigests(s.key, canonical)) s.hashes.push_back(std::move(digest));
  }
  return s;
}

TEST_CASE("Sealed terms are found exactly like plain terms") {
  auto plain = EmptyEngine();
  TermList list = MakeList("codenames", kTerms, Category::kPrelaunch);
  REQUIRE(plain->SetLists("linkedin.com", std::span(&list, 1)).ok());
  auto sealed = EmptyEngine();
  SealedTermList s = SealedFromTerms(kTerms);
  REQUIRE(sealed->SetSealedLists("linkedin.com", std::span(&s, 1), SodiumTermHasher()).ok());
  size_t total = 0;
  for (const char* draft : kDrafts) {
    CAPTURE(draft);
    std::vector<Span> p = Spans(*plain, draft), q = Spans(*sealed, draft);
    CHECK(p == q);
    total += q.size();
  }
  CHECK(total >= 14);  // the comparison is not vacuous
  // The finding names the list, never the term.
  auto r = sealed->Analyze("Project Falcon", {.domain = "linkedin.com"});
  REQUIRE(r.value().size() == 1);
  CHECK(r.value()[0].rule == "sealed.codenames");
  CHECK(r.value()[0].message.find("Falcon") == std::string::npos);
  CHECK(r.value()[0].message.find("codenames") != std::string::npos);
}

TEST_CASE("Signing-time sealing hides the terms and the engine still finds them") {
  json::value pack = json::parse(R"({"id":"acme.secret","version":1,"issued":"2026-01-01","expires":"2030-01-01",
    "domains":{"*":{"lists":[{"name":"codenames","category":"prelaunch","severity":"high","seal":true,
                              "terms":["Project Falcon","Projet Hélios","Acme","Nova 2 Pro Max"],"locked":true},
                             {"name":"clients","terms":["Initech"]}]}}})");
  Result<json::value> sealed = SealMarkedLists(pack);
  REQUIRE(sealed.ok());
  std::string text = json::serialize(sealed.value());
  for (const char* word : {"Falcon", "falcon", "lios", "Acme", "Nova", "nova"}) {
    CAPTURE(word);
    CHECK(text.find(word) == std::string::npos);
  }
  CHECK(text.find("Initech") != std::string::npos);  // not marked: stays plain
  Result<OrgPack> parsed = ParseOrgPack(sealed.value(), "test");
  REQUIRE(parsed.ok());
  const OrgSealedList& l = parsed.value().sealed.at("*").at(0);
  CHECK(l.locked);
  CHECK(l.list.max_words == 4);
  // Four terms, and their aliases: the joined words of the three with more
  // than one ("projectfalcon", "projethelios", "nova2promax") and the two
  // codenames behind "Project"/"Projet" ("falcon", "helios").
  CHECK(l.list.hashes.size() == 9);
  CHECK(l.list.key.size() == kSealingKeyBytes);

  OrgPolicy policy;
  policy.packs.push_back(parsed.value());
  auto engine = EmptyEngine();
  REQUIRE(ApplyOrgLists(policy, engine.get()).ok());
  auto plain = EmptyEngine();
  TermList list = MakeList("codenames", kTerms, Category::kPrelaunch);
  TermList clients = MakeList("clients", {"Initech"});
  std::vector<TermList> both{list, clients};
  REQUIRE(plain->SetLists("*", both).ok());
  for (const char* draft : kDrafts) {
    CAPTURE(draft);
    CHECK(Spans(*engine, draft) == Spans(*plain, draft));
  }
  CHECK(Spans(*engine, "Initech renewed").size() == 1);  // the plain org list
}

TEST_CASE("Organisation lists survive the user's edits of the same scope") {
  OrgPolicy policy;
  policy.packs.push_back(ParseOrgPack(testing::SamplePack("acme.policy", 1), "t").value());
  auto engine = EmptyEngine();
  REQUIRE(ApplyOrgLists(policy, engine.get()).ok());
  TermList mine = MakeList("mine", {"Bluebird"});
  REQUIRE(engine->SetLists("*", std::span(&mine, 1)).ok());  // what lists.put does
  // Globex Corp (organisation), Bluebird (mine), and Bluebird again as the
  // organisation's "Project Bluebird" codename, a finding of its own category.
  CHECK(Spans(*engine, "Globex Corp and Bluebird").size() == 3);
  REQUIRE(engine->SetLists("*", {}).ok());
  CHECK(Spans(*engine, "Globex Corp and Bluebird").size() == 2);
}

TEST_CASE("Sealing refuses what it cannot seal") {
  auto seal = [](const char* terms) {
    return SealMarkedLists(json::parse(std::string(R"({"domains":{"*":{"lists":[{"name":"x","seal":true,"terms":)") +
                                       terms + "}]}}}"));
  };
  CHECK_FALSE(seal(R"(["/proj-[0-9]+/"])").ok());
  CHECK_FALSE(seal(R"(["!!!"])").ok());
  CHECK_FALSE(seal(R"(["one two three four five six seven eight nine"])").ok());
  CHECK(seal(R"(["one two three four five six seven eight"])").ok());
}

TEST_CASE("Canonical forms as the engine documents them") {
  CHECK(CanonicalTermForm("Maison-Oriel\u2019s") == "maison oriel s");
  CHECK(CanonicalTermForm("Projet  H\u00e9lios") == "projet helios");
  CHECK(CanonicalWordCount("projet helios") == 2);
  CHECK(CanonicalWordCount("") == 0);
}

}  // namespace
}  // namespace draftguard::org
