// The loader's rules: trusted and unexpired only, no downgrade, the last
// good pack stays in force, unsigned packs never load, policy sources.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "org/org_engine.h"
#include "org/org_pack.h"
#include "org/pack_loader.h"
#include "org_test_util.h"

namespace draftguard::org {
namespace {

namespace json = boost::json;
using testing::FixedKey;
using testing::kSeed1Hex;
using testing::kSeed2Hex;
using testing::SamplePack;
using testing::Signed;
using testing::WriteText;

const int64_t kNow = ParseUtcTime("2026-11-28T12:00:00Z").value();

struct Fixture {
  testing::TempDir tmp;
  KeyPair key = FixedKey(kSeed1Hex);
  std::filesystem::path system() const { return tmp.path() / "etc"; }
  std::filesystem::path store() const { return tmp.path() / "store"; }
  Fixture() { WriteText(system() / "trust.json", testing::TrustJson(key)); }
  void Put(const std::string& name, const std::string& text) { WriteText(system() / "packs" / name, text); }
  OrgPolicy Load(int64_t now = kNow, std::vector<std::filesystem::path> policy = {}) const {
    LoaderOptions o;
    o.system_dir = system();
    o.policy_files = std::move(policy);
    o.state_dir = store();
    o.now = now;
    return LoadOrgPolicy(o);
  }
};

const PackReport* ReportFor(const OrgPolicy& p, std::string_view source_suffix) {
  for (const PackReport& r : p.reports) {
    if (r.source.ends_with(source_suffix)) return &r;
  }
  return nullptr;
}

TEST_CASE("A valid signed pack is loaded and remembered") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 2), f.key));
  OrgPolicy p = f.Load();
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].id == "acme.policy");
  CHECK(p.packs[0].version == 2);
  CHECK_FALSE(p.has_refusals());
  CHECK(std::filesystem::exists(f.store() / "org-state.json"));
  CHECK(std::filesystem::exists(f.store() / "org-packs" / "acme.policy.json"));
  CHECK(testing::ReadText(f.store() / "org-state.json").find("\"version\":2") != std::string::npos);
}

TEST_CASE("Expired and not-yet-valid packs are refused") {
  Fixture f;
  f.Put("old.json", Signed(SamplePack("old.policy", 1, "2025-01-01", "2026-11-28T11:59:59Z"), f.key));
  f.Put("future.json", Signed(SamplePack("future.policy", 1, "2026-12-01", "2027-12-01"), f.key));
  OrgPolicy p = f.Load();
  CHECK(p.packs.empty());
  CHECK(ReportFor(p, "old.json")->refusal == Refusal::kExpired);
  CHECK(ReportFor(p, "future.json")->refusal == Refusal::kNotYetValid);
  CHECK(p.has_refusals());
  json::object status = OrgStatusJson(p);
  CHECK(status["ok"] == false);
  bool found = false;
  for (const json::value& r : status["packs"].as_array()) {
    if (r.at("source").as_string().ends_with("old.json")) found = r.at("refused") == "expired";
  }
  CHECK(found);
}

TEST_CASE("A lower version than one accepted before is refused; the last good one stays") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 3), f.key));
  REQUIRE(f.Load().packs.size() == 1);
  f.Put("acme.json", Signed(SamplePack("acme.policy", 2), f.key));  // a replayed older pack
  OrgPolicy p = f.Load();
  const PackReport* r = ReportFor(p, "acme.json");
  CHECK(r->refusal == Refusal::kDowngrade);
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].version == 3);  // from the cache
  const PackReport* cached = ReportFor(p, "acme.policy.json");
  REQUIRE(cached);
  CHECK(cached->in_force);
  CHECK(cached->source.starts_with("cache:"));
}

TEST_CASE("The same version with different content is refused as a downgrade") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 3), f.key));
  REQUIRE(f.Load().packs.size() == 1);
  json::value changed = SamplePack("acme.policy", 3);
  changed.as_object()["description"] = "quietly weakened";
  f.Put("acme.json", Signed(changed, f.key));
  OrgPolicy p = f.Load();
  CHECK(ReportFor(p, "acme.json")->refusal == Refusal::kDowngrade);
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].description.empty());
}

TEST_CASE("A tampered file leaves the last good pack in force") {
  Fixture f;
  std::string good = Signed(SamplePack("acme.policy", 5), f.key);
  f.Put("acme.json", good);
  REQUIRE(f.Load().packs.size() == 1);
  std::string tampered = good;
  size_t at = tampered.find("Globex Corp");
  tampered.replace(at, 11, "Globex Inc.");
  f.Put("acme.json", tampered);
  OrgPolicy p = f.Load();
  CHECK(ReportFor(p, "acme.json")->refusal == Refusal::kBadSignature);
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].lists.at("*")[0].list.terms[0] == "Globex Corp");
}

TEST_CASE("A pack signed by an unknown key is refused, with a cached good one kept") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 1), f.key));
  REQUIRE(f.Load().packs.size() == 1);
  f.Put("acme.json", Signed(SamplePack("acme.policy", 9), FixedKey(kSeed2Hex)));
  OrgPolicy p = f.Load();
  CHECK(ReportFor(p, "acme.json")->refusal == Refusal::kUnknownKey);
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].version == 1);
}

TEST_CASE("The cached good pack expires like any other") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 1, "2026-01-01", "2026-12-31"), f.key));
  REQUIRE(f.Load().packs.size() == 1);
  f.Put("acme.json", "{}");
  OrgPolicy later = f.Load(ParseUtcTime("2027-01-02").value());
  CHECK(later.packs.empty());
}

TEST_CASE("Unsigned packs are never loaded") {
  Fixture f;
  f.Put("plain.json", json::serialize(SamplePack("plain.policy", 1)));
  OrgPolicy p = f.Load();
  CHECK(p.packs.empty());
  CHECK(ReportFor(p, "plain.json")->refusal == Refusal::kUnsigned);
  CHECK(OrgDoctorLines(p)[1].starts_with("refused"));
}

TEST_CASE("An invalid pack (bad rule, regex list term, leftover seal) is refused as a whole") {
  Fixture f;
  json::value bad_rule = SamplePack("a.policy", 1);
  bad_rule.as_object()["rules"].as_array()[0].as_object()["pattern"] = "(unclosed";
  f.Put("a.json", Signed(bad_rule, f.key));
  json::value regex = SamplePack("b.policy", 1);
  regex.as_object()["domains"].as_object()["*"].as_object()["lists"].as_array()[0].as_object()["terms"] =
      json::array{"/proj-[0-9]+/"};
  f.Put("b.json", Signed(regex, f.key));
  json::value seal = SamplePack("c.policy", 1);
  seal.as_object()["domains"].as_object()["*"].as_object()["lists"].as_array()[0].as_object()["seal"] = true;
  f.Put("c.json", Signed(seal, f.key));
  OrgPolicy p = f.Load();
  CHECK(p.packs.empty());
  for (const char* name : {"a.json", "b.json", "c.json"}) {
    CAPTURE(name);
    CHECK(ReportFor(p, name)->refusal == Refusal::kInvalidPack);
  }
}

TEST_CASE("Of two acceptable files of one id, the higher version wins") {
  Fixture f;
  f.Put("a.json", Signed(SamplePack("acme.policy", 1), f.key));
  f.Put("b.json", Signed(SamplePack("acme.policy", 4), f.key));
  OrgPolicy p = f.Load();
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].version == 4);
  CHECK_FALSE(ReportFor(p, "a.json")->in_force);
}

TEST_CASE("Enterprise policy brings trusted keys, packs, forced categories and locked lists") {
  Fixture f;
  KeyPair policy_key = FixedKey(kSeed2Hex);
  json::object section;
  section["trustedPackKeys"] = json::array{json::string(Base64Encode(policy_key.public_key))};
  section["packs"] = json::array{json::parse(Signed(SamplePack("policy.pack", 1), policy_key)),
                                 json::string(json::serialize(SamplePack("unsigned.pack", 1)))};
  section["forcedCategories"] = json::array{"pii", "nonsense"};
  section["lists"] = json::parse(R"([{"domain":"www.LinkedIn.com","name":"deals","terms":["Hooli"]}])");
  section["allowPostAnywayOnHigh"] = false;
  json::object chromium;
  chromium["3rdparty"] = {{"extensions", {{"lgconcggklpljlcdkfejbfjbpbdhjgin", section}}}};
  WriteText(f.tmp.path() / "policy" / "draftguard.json", json::serialize(chromium));
  OrgPolicy p = f.Load(kNow, {f.tmp.path() / "policy" / "draftguard.json"});
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].id == "policy.pack");
  CHECK(ReportFor(p, "#packs[1]")->refusal == Refusal::kUnsigned);
  CHECK(ForcedCategories(p).contains(Category::kPii));
  CHECK(LockedLists(p).count({"linkedin.com", "deals"}) == 1);
  CHECK(p.managed.allow_post_anyway_on_high == false);
  CHECK(p.managed.problems.size() == 1);  // "nonsense"
}

TEST_CASE("Firefox policies.json is read too") {
  json::object section;
  section["forcedCategories"] = json::array{"confidential"};
  json::object doc;
  doc["policies"] = {{"3rdparty", {{"Extensions", {{"draftguard@draftguard.app", section}}}}}};
  ManagedPolicy m;
  MergeManagedPolicy(json::serialize(doc), "policies.json", &m);
  CHECK(m.forced_categories.contains(Category::kConfidential));
  CHECK(m.files.size() == 1);
}

TEST_CASE("Locked rules and lists force their categories; status names the locks") {
  Fixture f;
  f.Put("acme.json", Signed(SamplePack("acme.policy", 1), f.key));
  OrgPolicy p = f.Load();
  CategorySet forced = ForcedCategories(p);
  CHECK(forced.contains(Category::kConfidential));  // locked rule
  CHECK(forced.contains(Category::kKeyword));       // locked list
  CHECK_FALSE(forced.contains(Category::kPrelaunch));
  CHECK(LockedLists(p) == std::set<std::pair<std::string, std::string>>{{"*", "clients"}});
  json::object s = OrgStatusJson(p);
  CHECK(s["ok"] == true);
  CHECK(s["locked_lists"].as_array().size() == 1);
}

TEST_CASE("UTC times parse strictly") {
  CHECK(ParseUtcTime("2026-11-01").value() == 1793491200);
  CHECK(ParseUtcTime("2026-11-01T09:30:00Z").value() == 1793491200 + 9 * 3600 + 1800);
  CHECK_FALSE(ParseUtcTime("2026-02-30").ok());
  CHECK_FALSE(ParseUtcTime("2026-11-01T09:30:00+01:00").ok());
  CHECK_FALSE(ParseUtcTime("01/11/2026").ok());
  CHECK(FormatUtcTime(1793491200) == "2026-11-01T00:00:00Z");
}

}  // namespace
}  // namespace draftguard::org
