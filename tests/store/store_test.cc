#include "store/store.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "store/settings.h"

namespace draftguard::store {
namespace {
namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/dg_store_test.XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

void Write(const fs::path& p, std::string_view text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

Status AddList(ListsDocument& doc, const std::string& scope, const std::string& name, const std::string& term) {
  TermList l;
  l.name = name;
  l.terms = {term};
  doc.domains[scope].push_back(l);
  return Status::Ok();
}

TEST_CASE("updates are versioned, persisted and seen by a second store") {
  TempDir t;
  auto a = std::move(Store::Open(t.path).value());
  auto b = std::move(Store::Open(t.path).value());
  CHECK(a->lists().revision == 0);
  REQUIRE(a->UpdateLists(0, [](ListsDocument& d) { return AddList(d, "*", "x", "Acme"); }).ok());
  CHECK(a->lists().revision == 1);
  // b has not looked yet; it conflicts when it writes on its old revision.
  Status s = b->UpdateLists(0, [](ListsDocument& d) { return AddList(d, "*", "y", "Hooli"); });
  CHECK(s.code() == ErrorCode::kConflict);
  CHECK(b->lists().revision == 1);  // and now holds the committed lists
  CHECK(b->lists().value.domains.at("*")[0].name == "x");
  CHECK_FALSE(b->RefreshLists());
  REQUIRE(b->UpdateLists(1, [](ListsDocument& d) { return AddList(d, "*", "y", "Hooli"); }).ok());
  CHECK(a->RefreshLists());
  CHECK(a->lists().revision == 2);
  CHECK(a->lists().value.domains.at("*").size() == 2);
  // A failing edit writes nothing.
  CHECK(a->UpdateLists(2, [](ListsDocument&) { return Status(ErrorCode::kBadTerm, "no", "t"); }).code() ==
        ErrorCode::kBadTerm);
  CHECK_FALSE(b->RefreshLists());
  CHECK(Store::Open(t.path).value()->lists().revision == 2);
}

TEST_CASE("a corrupt file is moved aside, kept, and the store starts on defaults") {
  TempDir t;
  Write(t.path / "lists.json", "{\"schema\":1,\"revision\":3,\"domains\":");
  Write(t.path / "settings.json", "{\"schema\":1,\"revision\":1,\"domains\":{\"*\":{\"sensitivity\":\"loud\"}}}");
  auto s = std::move(Store::Open(t.path).value());
  CHECK(s->lists().revision == 0);
  REQUIRE(s->problems().size() == 2);
  CHECK(s->problems()[0].file == "lists.json");
  CHECK(fs::exists(s->problems()[0].moved_to));
  CHECK_FALSE(fs::exists(t.path / "lists.json"));
  CHECK(s->UpdateLists(0, [](ListsDocument& d) { return AddList(d, "*", "x", "Acme"); }).ok());
}

TEST_CASE("a newer schema is left alone and makes the store read-only") {
  TempDir t;
  Write(t.path / "lists.json", "{\"schema\":2,\"revision\":3,\"whatever\":{}}");
  auto s = std::move(Store::Open(t.path).value());
  CHECK(s->read_only());
  CHECK(fs::exists(t.path / "lists.json"));
  CHECK_FALSE(s->UpdateLists(std::nullopt, [](ListsDocument&) { return Status::Ok(); }).ok());
}

TEST_CASE("the lists file is a lists document scan --lists can read") {
  TempDir t;
  auto s = std::move(Store::Open(t.path).value());
  REQUIRE(s->UpdateLists(0, [](ListsDocument& d) { return AddList(d, "linkedin.com", "x", "Acme"); }).ok());
  std::ifstream f(t.path / "lists.json");
  std::string text((std::istreambuf_iterator<char>(f)), {});
  Result<ListsDocument> doc = ParseListsDocument(text);
  REQUIRE(doc.ok());
  CHECK(doc.value().domains.at("linkedin.com")[0].terms[0] == "Acme");
  CHECK(text.find("\"schema\":1") != std::string::npos);
  CHECK(text.find("\"revision\":1") != std::string::npos);
}

TEST_CASE("settings resolve from * to the most specific site") {
  Settings s;
  s.domains["*"].sensitivity = Sensitivity::kMedium;
  s.domains["*"].categories[static_cast<int>(Category::kPii)] = false;
  s.domains["linkedin.com"].categories[static_cast<int>(Category::kPii)] = true;
  s.domains["linkedin.com"].sensitivity = Sensitivity::kLow;
  EffectiveSettings e = Resolve(s, "www.linkedin.com");
  CHECK(e.categories.contains(Category::kPii));
  CHECK(e.sensitivity == Sensitivity::kLow);
  CHECK(e.min_severity() == Severity::kHigh);
  EffectiveSettings o = Resolve(s, "example.org");
  CHECK_FALSE(o.categories.contains(Category::kPii));
  CHECK(o.min_severity() == Severity::kMedium);
  CHECK(Resolve(s, "").sensitivity == Sensitivity::kMedium);
}

TEST_CASE("AddAllowedExtension records ids once, for the host to read") {
  TempDir t;
  REQUIRE(AddAllowedExtension(t.path, "abcdefghijklmnopabcdefghijklmnop").ok());
  REQUIRE(AddAllowedExtension(t.path, "abcdefghijklmnopabcdefghijklmnop").ok());
  auto s = std::move(Store::Open(t.path).value());
  CHECK(s->extra_extension_ids() == std::vector<std::string>{"abcdefghijklmnopabcdefghijklmnop"});
}

}  // namespace
}  // namespace draftguard::store
