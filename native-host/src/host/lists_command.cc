#include "host/lists_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>
#include <boost/json/value_to.hpp>

#include "draftguard/engine.h"
#include "draftguard/packs.h"
#include "protocol/dispatcher.h"
#include "store/store.h"

namespace draftguard::host {
namespace json = boost::json;

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

void Usage(std::FILE* out) {
  std::fprintf(out,
               "usage: draftguard lists get [--domain D]\n"
               "       draftguard lists export [--format json|csv] [--domain D] [FILE|-]\n"
               "       draftguard lists import [--format json|csv] [--replace] FILE|-\n"
               "       draftguard lists delete --domain D [--name LIST]\n"
               "The store is $XDG_CONFIG_HOME/draftguard (else ~/.config/draftguard).\n");
}

std::string FormatFor(const std::optional<std::string>& given, const std::string& file) {
  if (given) return *given;
  return file.ends_with(".csv") ? "csv" : "json";
}

}  // namespace

int RunListsCommand(std::span<const std::string_view> args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    Usage(args.empty() ? stderr : stdout);
    return args.empty() ? kUsage : kOk;
  }
  std::string_view sub = args[0];
  std::optional<std::string> domain, format, name;
  std::string file;
  bool replace = false;
  for (size_t i = 1; i < args.size(); ++i) {
    std::string_view a = args[i];
    auto value = [&](std::optional<std::string>* out) {
      if (i + 1 >= args.size()) return false;
      *out = std::string(args[++i]);
      return true;
    };
    if (a == "--domain") {
      if (!value(&domain)) return Usage(stderr), kUsage;
    } else if (a == "--format") {
      if (!value(&format) || (*format != "json" && *format != "csv")) {
        std::fprintf(stderr, "draftguard lists: --format must be json or csv\n");
        return kUsage;
      }
    } else if (a == "--name") {
      if (!value(&name)) return Usage(stderr), kUsage;
    } else if (a == "--replace") {
      replace = true;
    } else if (file.empty() && (a == "-" || !a.starts_with("-"))) {
      file = std::string(a);
    } else {
      std::fprintf(stderr, "draftguard lists: unknown option '%.*s'\n", static_cast<int>(a.size()), a.data());
      return kUsage;
    }
  }

  Result<std::filesystem::path> dir = store::DefaultStoreDir();
  if (!dir.ok()) {
    std::fprintf(stderr, "draftguard lists: %s\n", dir.status().ToString().c_str());
    return kFailed;
  }
  Result<std::unique_ptr<store::Store>> st = store::Store::Open(dir.value());
  if (!st.ok()) {
    std::fprintf(stderr, "draftguard lists: %s\n", st.status().ToString().c_str());
    return kFailed;
  }
  for (const store::StoreProblem& p : st.value()->problems()) {
    std::fprintf(stderr, "draftguard lists: %s: %s%s%s\n", p.file.c_str(), p.message.c_str(),
                 p.moved_to.empty() ? "" : "; moved to ", p.moved_to.c_str());
  }
  std::unique_ptr<Engine> engine = Engine::Create(Options(), BuiltinPacks(), nullptr);
  protocol::Dispatcher dispatcher(engine.get(), st.value().get(), {});

  json::object req;
  req["id"] = 1;
  auto run = [&](json::object r) {
    json::object reply = dispatcher.Handle(json::value(std::move(r)));
    if (reply["type"] == "error") {
      std::fprintf(stderr, "draftguard lists: %s: %s\n", json::value_to<std::string>(reply["code"]).c_str(),
                   json::value_to<std::string>(reply["message"]).c_str());
    }
    return reply;
  };

  if (sub == "get") {
    req["type"] = "lists.get";
    if (domain) req["domain"] = *domain;
    json::object reply = run(req);
    if (reply["type"] == "error") return kFailed;
    json::object doc;
    doc["version"] = 1;
    doc["revision"] = reply["revision"];
    doc["domains"] = reply["domains"];
    std::printf("%s\n", json::serialize(doc).c_str());
    return kOk;
  }
  if (sub == "export") {
    req["type"] = "lists.export";
    req["format"] = FormatFor(format, file);
    if (domain) req["domain"] = *domain;
    std::string out;
    json::value offset = 0;
    while (!offset.is_null()) {
      req["offset"] = offset;
      json::object reply = run(req);
      if (reply["type"] == "error") return kFailed;
      out += json::value_to<std::string>(reply["data"]);
      offset = reply["next_offset"];
    }
    if (file.empty() || file == "-") {
      std::fwrite(out.data(), 1, out.size(), stdout);
      if (!out.ends_with('\n')) std::fputc('\n', stdout);
    } else {
      std::ofstream f(file, std::ios::binary);
      f << out;
      if (!f.flush()) {
        std::fprintf(stderr, "draftguard lists: cannot write %s\n", file.c_str());
        return kFailed;
      }
    }
    return kOk;
  }
  if (sub == "import") {
    if (file.empty()) return Usage(stderr), kUsage;
    std::string data;
    if (file == "-") {
      data.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      std::ifstream f(file, std::ios::binary);
      if (!f) {
        std::fprintf(stderr, "draftguard lists: cannot read %s\n", file.c_str());
        return kUsage;
      }
      data.assign(std::istreambuf_iterator<char>(f), {});
    }
    req["type"] = "lists.import";
    req["format"] = FormatFor(format, file);
    req["data"] = data;
    req["mode"] = replace ? "replace" : "merge";
    req["base_revision"] = st.value()->lists().revision;
    json::object reply = run(req);
    if (reply["type"] == "error") return kFailed;
    std::fprintf(stderr, "draftguard lists: imported %s lists, %s terms; revision %s\n",
                 json::serialize(reply["lists"]).c_str(), json::serialize(reply["terms"]).c_str(),
                 json::serialize(reply["revision"]).c_str());
    return kOk;
  }
  if (sub == "delete") {
    if (!domain) return Usage(stderr), kUsage;
    req["type"] = "lists.delete";
    req["domain"] = *domain;
    if (name) req["name"] = *name;
    req["base_revision"] = st.value()->lists().revision;
    json::object reply = run(req);
    return reply["type"] == "error" ? kFailed : kOk;
  }
  Usage(stderr);
  return kUsage;
}

}  // namespace draftguard::host
