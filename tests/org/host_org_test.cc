// The real host with organisation packs: packs load at start, hello reports
// them, sealed terms are found, locked lists refuse edits, unsigned packs
// never load, core dumps are off, and no word of a draft reaches the disk.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include <boost/json.hpp>

#include "org/sealed_terms.h"
#include "host_process.h"
#include "org_test_util.h"

#ifndef DG_BINARY
#error "DG_BINARY must name the draftguard binary"
#endif

namespace draftguard::org {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using testing::FixedKey;
using testing::HostProcess;
using testing::kSeed1Hex;
using testing::WriteText;

// An organisation pack with a sealed list (sealed at signing, as
// `draftguard pack sign` does) and a locked plain list.
json::value OrgPack() {
  json::value pack = json::parse(R"({"id":"acme.policy","version":7,"issued":"2026-01-01","expires":"2099-01-01",
    "rules":[{"id":"board_memo","category":"confidential","severity":"high","pattern":"board memo"}],
    "domains":{"*":{"lists":[{"name":"codenames","category":"prelaunch","severity":"high","seal":true,
                              "terms":["Project Zephyrine","Héloïse Quartz"],"locked":true},
                             {"name":"clients","category":"keyword","severity":"high","terms":["Vandelay Industries"],
                              "locked":true}]}}})");
  return SealMarkedLists(pack).value();
}

struct HostFixture {
  testing::TempDir tmp;
  KeyPair key = FixedKey(kSeed1Hex);
  fs::path etc() const { return tmp.path() / "etc"; }
  fs::path config() const { return tmp.path() / "config"; }
  fs::path store() const { return config() / "draftguard"; }
  HostFixture() { WriteText(etc() / "trust.json", testing::TrustJson(key, "Acme security")); }
  std::map<std::string, std::string> Env() const {
    return {{"XDG_CONFIG_HOME", config().string()},
            {"HOME", tmp.path().string()},
            {"DRAFTGUARD_SYSTEM_DIR", etc().string()},
            {"DRAFTGUARD_POLICY_PATHS", ""}};
  }
};

json::value Analyze(HostProcess& h, int id, const std::string& text) {
  return h.Call({{"id", id}, {"type", "analyze"}, {"domain", "www.linkedin.com"}, {"text", text}, {"ignore_keys", true}});
}

std::vector<std::string> Rules(const json::value& reply) {
  std::vector<std::string> out;
  for (const json::value& f : reply.at("findings").as_array()) out.emplace_back(f.at("rule").as_string());
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST_CASE("The host loads a signed organisation pack at start and enforces it") {
  HostFixture f;
  WriteText(f.etc() / "packs" / "acme.json", testing::Signed(OrgPack(), f.key));
  HostProcess h(DG_BINARY, f.Env());
  json::value hello = h.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
  REQUIRE(hello.is_object());
  const json::object& org = hello.at("org").as_object();
  CHECK(org.at("ok") == true);
  REQUIRE(org.at("packs").as_array().size() == 1);
  CHECK(org.at("packs").as_array()[0].at("id") == "acme.policy");
  CHECK(org.at("packs").as_array()[0].at("in_force") == true);

  // Sealed terms across case, accents and line breaks; the locked plain list; the rule.
  json::value r = Analyze(h, 2, "Teaser: PROJECT\nzephyrine and heloise quartz for Vandelay Industries (board memo).");
  std::vector<std::string> rules = Rules(r);
  CHECK(std::count(rules.begin(), rules.end(), "sealed.codenames") == 2);
  CHECK(Has(rules, "sealed.clients"));
  CHECK(Has(rules, "acme.policy.board_memo"));

  // Locked lists cannot be replaced or deleted; others can.
  json::value put = h.Call({{"id", 3}, {"type", "lists.put"}, {"domain", "*"}, {"name", "codenames"},
                            {"terms", json::array{"nothing"}}, {"base_revision", 0}});
  CHECK(put.at("type") == "error");
  CHECK(put.at("code") == "locked");
  json::value del = h.Call({{"id", 4}, {"type", "lists.delete"}, {"domain", "*"}, {"name", "clients"}, {"base_revision", 0}});
  CHECK(del.at("code") == "locked");
  json::value mine = h.Call({{"id", 5}, {"type", "lists.put"}, {"domain", "*"}, {"name", "mine"},
                             {"terms", json::array{"Bluebird"}}, {"base_revision", 0}});
  CHECK(mine.at("type") == "ok");

  // Switching the locked categories off in settings does not switch them off.
  json::value set = h.Call({{"id", 6}, {"type", "settings.put"}, {"domain", "*"},
                            {"categories", {{"prelaunch", false}, {"keyword", false}}}, {"base_revision", 0}});
  CHECK(set.at("type") == "ok");
  rules = Rules(Analyze(h, 7, "Project Zephyrine for Vandelay Industries and Bluebird"));
  CHECK(Has(rules, "sealed.codenames"));
  CHECK(Has(rules, "sealed.clients"));
  // The user's own lists still follow the user's edits, and organisation
  // lists survive the user deleting every list of the scope.
  json::value del_all = h.Call({{"id", 8}, {"type", "lists.delete"}, {"domain", "*"}, {"base_revision", 1}});
  CHECK(del_all.at("type") == "ok");
  rules = Rules(Analyze(h, 9, "Project Zephyrine"));
  CHECK(Has(rules, "sealed.codenames"));
  CHECK(h.Close() == 0);
}

TEST_CASE("Findings carry an ignore key: a keyed hash of rule and normalised match, never the text") {
  HostFixture f;
  WriteText(f.etc() / "packs" / "acme.json", testing::Signed(OrgPack(), f.key));
  HostProcess h(DG_BINARY, f.Env());
  json::value a = Analyze(h, 1, "\xF0\x9F\x9A\x80 PROJECT\nzephyrine");
  json::value b = Analyze(h, 2, "Project Zephyrine, again");
  REQUIRE(a.at("findings").as_array().size() == 1);
  REQUIRE(b.at("findings").as_array().size() == 1);
  const json::value& ka = a.at("findings").as_array()[0].at("ignore_key");
  CHECK(ka.as_string().size() == 64);
  CHECK(ka == b.at("findings").as_array()[0].at("ignore_key"));
  CHECK(fs::exists(f.store() / "ignore.key"));
  // Offsets are UTF-16: after an emoji (a surrogate pair) the key is the same.
  CHECK(Analyze(h, 4, "\xF0\x9F\x9A\x80 Project Zephyrine").at("findings").as_array()[0].at("ignore_key") == ka);
  json::value plain = h.Call({{"id", 3}, {"type", "analyze"}, {"text", "Project Zephyrine"}});
  CHECK_FALSE(plain.at("findings").as_array()[0].as_object().contains("ignore_key"));  // only when asked
  CHECK(h.Close() == 0);
  // A second run reuses the key: the same digest.
  HostProcess again(DG_BINARY, f.Env());
  CHECK(Analyze(again, 1, "project zephyrine").at("findings").as_array()[0].at("ignore_key") == ka);
}

TEST_CASE("The host never loads an unsigned organisation pack") {
  HostFixture f;
  json::value plain = json::parse(R"({"id":"sneaky.policy","version":99,"issued":"2026-01-01","expires":"2099-01-01",
    "domains":{"*":{"lists":[{"name":"allow","terms":["Quillfeather"],"locked":true}]}}})");
  WriteText(f.etc() / "packs" / "sneaky.json", json::serialize(plain));
  // Also as an "envelope" without a signature field, and signed by an untrusted key.
  WriteText(f.etc() / "packs" / "sneaky2.json",
            R"({"draftguard_signed_pack":1,"key_id":"7849ac3049680be1","pack":)" + json::serialize(plain) + "}");
  WriteText(f.etc() / "packs" / "sneaky3.json", testing::Signed(plain, FixedKey(testing::kSeed2Hex)));
  HostProcess h(DG_BINARY, f.Env());
  json::value hello = h.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
  REQUIRE(hello.is_object());
  const json::array& packs = hello.at("org").at("packs").as_array();
  REQUIRE(packs.size() == 3);
  CHECK(packs[0].at("refused") == "unsigned");
  CHECK(packs[1].at("refused") == "malformed");
  CHECK(packs[2].at("refused") == "unknown_key");
  for (const json::value& p : packs) CHECK(p.at("in_force") == false);
  CHECK(hello.at("org").at("ok") == false);
  CHECK(Rules(Analyze(h, 2, "Quillfeather is great")).empty());
  json::value put = h.Call({{"id", 3}, {"type", "lists.put"}, {"domain", "*"}, {"name", "allow"},
                            {"terms", json::array{"x"}}, {"base_revision", 0}});
  CHECK(put.at("type") == "ok");  // nothing locked
}

TEST_CASE("In host mode core dumps are off") {
  HostFixture f;
  HostProcess h(DG_BINARY, f.Env());
  REQUIRE(h.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}}).is_object());
  std::ifstream limits("/proc/" + std::to_string(h.pid()) + "/limits");
  std::string line, core;
  while (std::getline(limits, line)) {
    if (line.starts_with("Max core file size")) core = line;
  }
  CAPTURE(core);
  CHECK(core.find(" 0 ") != std::string::npos);
  // Not dumpable: the status file is owned by root, not by the user.
  CHECK(h.Close() == 0);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST_CASE("After analyses, no word of the drafts is in any file the host wrote") {
  HostFixture f;
  WriteText(f.etc() / "packs" / "acme.json", testing::Signed(OrgPack(), f.key));
  // "Vandelay Industries" is in the draft too, but it is a plain term of the
  // pack, so the pack's cached copy rightly holds it; the sealed terms must
  // not appear anywhere.
  const std::vector<std::string> words = {"Zephyrine", "Quartz", "Heloise", "Héloïse", "Snorkelwort", "Brimblecombe",
                                          "Xanthoquill", "4729113", "revenue"};
  const std::string draft =
      "Confidential: Project Zephyrine (Héloïse Quartz) lifts Vandelay Industries' revenue by 4729113 EUR. "
      "Snorkelwort and Brimblecombe sign next week, Xanthoquill too.";
  {
    HostProcess h(DG_BINARY, f.Env());
    REQUIRE(h.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}}).is_object());
    // Writes that are not drafts, so the store has files to search.
    h.Call({{"id", 2}, {"type", "lists.put"}, {"domain", "*"}, {"name", "mine"}, {"terms", json::array{"Bluebird"}},
            {"base_revision", 0}});
    h.Call({{"id", 3}, {"type", "settings.put"}, {"domain", "*"}, {"sensitivity", "medium"}, {"base_revision", 0}});
    for (int i = 0; i < 5; ++i) {
      json::value r = Analyze(h, 10 + i, draft);
      REQUIRE(r.at("type") == "result");
      CHECK_FALSE(r.at("findings").as_array().empty());
    }
    h.Call({{"id", 20}, {"type", "stats"}});
    CHECK(h.Close() == 0);
  }
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(f.tmp.path())) {
    if (!e.is_regular_file()) continue;
    if (e.path().string().starts_with(f.etc().string())) continue;  // the pack itself (sealed anyway)
    ++files;
    std::string text = Lower(testing::ReadText(e.path()));
    for (const std::string& w : words) {
      CAPTURE(e.path().string());
      CAPTURE(w);
      CHECK(text.find(Lower(w)) == std::string::npos);
    }
  }
  CHECK(files >= 3);  // lists.json, settings.json, org-state.json, org-packs/…
}

}  // namespace
}  // namespace draftguard::org
