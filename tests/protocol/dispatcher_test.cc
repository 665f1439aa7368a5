// The dispatcher called directly (JSON in, JSON out), on a real engine with
// the built-in packs and a store in a temporary folder.
#include "protocol/dispatcher.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_to.hpp>

#include "draftguard/packs.h"
#include "protocol/wiping_resource.h"

namespace draftguard::protocol {
namespace {
namespace json = boost::json;

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<Engine> engine;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<Dispatcher> d;

  explicit Fixture(size_t max_reply = kMaxReplyBytes) {
    char tmpl[] = "/tmp/dg_dispatcher_test.XXXXXX";
    dir = mkdtemp(tmpl);
    engine = Engine::Create(Options(), BuiltinPacks(), nullptr);
    store = std::move(store::Store::Open(dir).value());
    DispatcherOptions o;
    o.version = "test";
    o.max_reply_bytes = max_reply;
    d = std::make_unique<Dispatcher>(engine.get(), store.get(), o);
  }
  ~Fixture() { std::filesystem::remove_all(dir); }

  json::object Call(std::string_view request) {
    return json::parse(d->HandleFrame(request)).as_object();
  }
};

std::string Code(const json::object& r) { return r.contains("code") ? json::value_to<std::string>(r.at("code")) : ""; }

TEST_CASE("hello reports versions, counts and a healthy store") {
  Fixture f;
  json::object r = f.Call(R"({"id":1,"type":"hello","protocol":1})");
  CHECK(r["type"] == "hello");
  CHECK(r["id"] == 1);
  CHECK(r["protocol"] == 1);
  CHECK(r["version"] == "test");
  CHECK(r["store"].as_object()["ok"] == true);
  CHECK(Code(f.Call(R"({"id":1,"type":"hello","protocol":0})")) == "unsupported_protocol");
  CHECK(Code(f.Call(R"({"id":1,"type":"hello"})")) == "bad_field");
}

TEST_CASE("lists.put then analyze finds the term; a stale base_revision conflicts") {
  Fixture f;
  json::object put = f.Call(
      R"({"id":"a","type":"lists.put","domain":"linkedin.com","name":"codenames","terms":["Falcon"],"base_revision":0})");
  REQUIRE(put["type"] == "ok");
  CHECK(put["revision"] == 1);
  json::object res = f.Call(R"({"id":2,"type":"analyze","domain":"www.linkedin.com","text":"Project Falcon ships","revision":9})");
  REQUIRE(res["type"] == "result");
  CHECK(res["revision"] == 9);
  bool found = false;
  for (auto& fi : res["findings"].as_array()) found |= fi.as_object()["rule"] == "list.codenames";
  CHECK(found);
  // Not on another site.
  json::object other = f.Call(R"({"id":3,"type":"analyze","domain":"example.org","text":"Project Falcon ships"})");
  for (auto& fi : other["findings"].as_array()) CHECK(fi.as_object()["rule"] != "list.codenames");

  json::object conflict = f.Call(
      R"({"id":4,"type":"lists.put","domain":"*","name":"x","terms":["Acme"],"base_revision":0})");
  CHECK(Code(conflict) == "conflict");
  CHECK(conflict["revision"] == 1);
  CHECK(conflict["domains"].as_object().contains("linkedin.com"));
}

TEST_CASE("a bad term is refused, named, and the stored lists stay") {
  Fixture f;
  REQUIRE(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"a","terms":["Acme"],"base_revision":0})")["type"] == "ok");
  json::object r = f.Call(R"({"id":2,"type":"lists.put","domain":"*","name":"a","terms":["Acme","/proj-[/"],"base_revision":1})");
  CHECK(Code(r) == "bad_term");
  CHECK(r.contains("item"));
  json::object get = f.Call(R"({"id":3,"type":"lists.get"})");
  CHECK(get["revision"] == 1);
  CHECK(json::serialize(get["domains"]).find("proj-") == std::string::npos);
  // The engine still has the old list.
  json::object res = f.Call(R"({"id":4,"type":"analyze","text":"we won Acme"})");
  CHECK(json::serialize(res["findings"]).find("list.a") != std::string::npos);
}

TEST_CASE("errors: codes and fields") {
  Fixture f;
  CHECK(Code(f.Call("{")) == "bad_json");
  CHECK(Code(f.Call("[1]")) == "bad_request");
  CHECK(Code(f.Call("\"x\"")) == "bad_request");
  CHECK(Code(f.Call(R"({"id":1})")) == "bad_request");
  CHECK(Code(f.Call(R"({"id":1,"type":"nope"})")) == "unknown_type");
  CHECK(Code(f.Call(R"({"type":"hello","protocol":1})")) == "bad_field");
  json::object r = f.Call(R"({"id":1,"type":"analyze","text":5})");
  CHECK(Code(r) == "bad_field");
  CHECK(r["field"] == "text");
  CHECK(f.Call(R"({"id":1,"type":"analyze","text":"x","categories":["pii","nope"]})")["field"] == "categories[1]");
  CHECK(Code(f.Call("{\"id\":1,\"type\":\"analyze\",\"text\":\"\xff\"}")) == "invalid_utf8");
  CHECK(Code(f.Call(R"({"id":1,"type":"analyze","text":"\ud800"})")) == "invalid_utf8");
  CHECK(Code(f.Call(std::string(40, '[') + std::string(40, ']'))) == "too_deep");
  CHECK(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"a","terms":["x",3],"base_revision":0})")["field"] == "terms[1]");
  CHECK(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"a","terms":["x"]})")["field"] == "base_revision");
  CHECK(Code(f.Call(R"({"id":1,"type":"lists.delete","domain":"*","base_revision":0})")) == "not_found");
  CHECK(f.Call(R"({"id":1,"type":"settings.put","domain":"*","sensitivity":"extreme","base_revision":0})")["field"] ==
        "sensitivity");
  json::object stats = f.Call(R"({"id":9,"type":"stats"})");
  CHECK(stats["errors"].as_int64() >= 10);
}

TEST_CASE("settings switch categories off and set the sensitivity per domain") {
  Fixture f;
  REQUIRE(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"a","severity":"low","terms":["Acme"],"base_revision":0})")["type"] == "ok");
  auto has_acme = [&](std::string_view domain) {
    json::object r = f.Call(std::string(R"({"id":2,"type":"analyze","text":"we won Acme","domain":")") + std::string(domain) + "\"}");
    return json::serialize(r["findings"]).find("list.a") != std::string::npos;
  };
  CHECK(has_acme("linkedin.com"));
  REQUIRE(f.Call(R"({"id":3,"type":"settings.put","domain":"linkedin.com","sensitivity":"medium","base_revision":0})")["type"] == "ok");
  CHECK_FALSE(has_acme("www.linkedin.com"));
  CHECK(has_acme("example.org"));
  REQUIRE(f.Call(R"({"id":4,"type":"settings.put","domain":"*","categories":{"keyword":false},"base_revision":1})")["type"] == "ok");
  CHECK_FALSE(has_acme("example.org"));
  json::object g = f.Call(R"({"id":5,"type":"settings.get","domain":"www.linkedin.com"})");
  CHECK(g["revision"] == 2);
  CHECK(g["effective"].as_object()["sensitivity"] == "medium");
  CHECK(g["effective"].as_object()["categories"].as_object()["keyword"] == false);
  CHECK(Code(f.Call(R"({"id":6,"type":"settings.put","domain":"*","base_revision":0})")) == "conflict");
}

TEST_CASE("import CSV and JSON, export in chunks") {
  Fixture f;
  json::object r = f.Call(R"({"id":1,"type":"lists.import","format":"csv","data":"domain,name,category,severity,term\n*,c,keyword,high,Acme\n*,c,keyword,high,Initech\n","base_revision":0})");
  REQUIRE(r["type"] == "ok");
  CHECK(r["terms"] == 2);
  r = f.Call(R"({"id":2,"type":"lists.import","format":"json","data":"{\"version\":1,\"domains\":{\"linkedin.com\":{\"lists\":[{\"name\":\"d\",\"terms\":[\"Hooli\"]}]}}}","base_revision":1})");
  REQUIRE(r["type"] == "ok");
  json::object e = f.Call(R"({"id":3,"type":"lists.export","format":"csv"})");
  std::string data = json::value_to<std::string>(e["data"]);
  CHECK(data.find("Initech") != std::string::npos);
  CHECK(data.find("Hooli") != std::string::npos);
  CHECK(e["next_offset"].is_null());
  r = f.Call(R"({"id":4,"type":"lists.import","format":"json","data":"{\"version\":1,\"domains\":{}}","mode":"replace","base_revision":2})");
  REQUIRE(r["type"] == "ok");
  CHECK(f.Call(R"({"id":5,"type":"lists.get"})")["domains"].as_object().empty());
}

TEST_CASE("a result over the reply cap keeps the most severe findings and says so") {
  Fixture f(4096);
  REQUIRE(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"hi","terms":["Acme"],"base_revision":0})")["type"] == "ok");
  REQUIRE(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"lo","severity":"low","terms":["Hooli"],"base_revision":1})")["type"] == "ok");
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Hooli and more words. ";
  text += "Acme";
  std::string reply = f.d->HandleFrame(R"({"id":2,"type":"analyze","text":")" + text + "\"}");
  CHECK(reply.size() <= 4096);
  json::object r = json::parse(reply).as_object();
  CHECK(r["truncated"] == true);
  CHECK(json::serialize(r["findings"]).find("list.hi") != std::string::npos);
}

TEST_CASE("lists.get over the cap cuts terms and gives term_count") {
  Fixture f(2048);
  std::string terms;
  for (int i = 0; i < 500; ++i) terms += (i ? ",\"" : "\"") + std::string("Term") + std::to_string(i) + "x\"";
  REQUIRE(f.Call(R"({"id":1,"type":"lists.put","domain":"*","name":"big","terms":[)" + terms + R"(],"base_revision":0})")["type"] == "ok");
  std::string reply = f.d->HandleFrame(R"({"id":2,"type":"lists.get"})");
  CHECK(reply.size() <= 2048);
  json::object r = json::parse(reply).as_object();
  CHECK(r["truncated"] == true);
  CHECK(json::serialize(r).find("\"term_count\":500") != std::string::npos);
}

TEST_CASE("superseded replies echo id and revision and are counted") {
  Fixture f;
  json::value req = json::parse(R"({"id":7,"type":"analyze","text":"x","revision":3,"editor":"e1"})");
  std::string editor;
  CHECK(Dispatcher::IsAnalyze(req, &editor));
  CHECK(editor == "e1");
  json::object s = f.d->Superseded(req);
  CHECK(s["type"] == "superseded");
  CHECK(s["revision"] == 3);
  CHECK(f.Call(R"({"id":8,"type":"stats"})")["superseded"] == 1);
}

}  // namespace
}  // namespace draftguard::protocol

namespace draftguard::protocol {
namespace {

TEST_CASE("requests (drafts) live in the wiping memory resource") {
  ParsedRequest p = Dispatcher::Parse(R"({"id":1,"type":"analyze","text":"a draft long enough not to fit inline"})");
  REQUIRE(p.ok());
  CHECK(p.request.storage().get() == WipingStorage().get());
  CHECK(p.request.at("text").as_string().storage().get() == WipingStorage().get());
}

}  // namespace
}  // namespace draftguard::protocol
