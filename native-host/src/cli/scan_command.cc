#include "cli/scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "cli/command.h"
#include "cli/engine_setup.h"
#include "cli/text_report.h"
#include "draftguard/findings_json.h"

namespace draftguard::cli {
namespace {

constexpr char kUsage[] = R"(usage: draftguard scan [options] [FILE|-]

Scans one draft (FILE, or standard input for - or no FILE) and reports what
it gives away.

options:
  --domain D        the site the draft is for (default: linkedin.com); its
                    lists and those of scope "*" apply
  --lists FILE      keyword lists document (JSON, see README "Keyword
                    lists"); default: your stored lists, if any
                    (see 'draftguard lists')
  --packs PATH      extra rule pack file or folder of *.json packs (repeatable)
  --lang en|fr      language of messages and suggestions (default: en)
  --format text|json  output format (default: text)
  --jsonl           batch mode: read one {"id","domain","text"} object per
                    line, write one {"id","findings":[...]} per line
  --color auto|always|never  colour the text output (default: auto, i.e.
                    only on a terminal)
  -h, --help        this help

exit status: 0 no finding of medium or above, 1 such findings, 2 usage or
input error.
)";

struct ScanArgs {
  EngineSetup setup;
  std::string domain = "linkedin.com";
  std::string format = "text";
  std::string color = "auto";
  bool jsonl = false;
  std::string input = "-";
};

int Usage(const std::string& problem) {
  std::fprintf(stderr, "draftguard scan: %s\nRun 'draftguard scan --help' for usage.\n", problem.c_str());
  return kExitUsage;
}

// Parses args into *out; returns -1 to go on, or an exit status.
int ParseArgs(std::span<const std::string_view> args, ScanArgs* out) {
  bool have_input = false;
  std::string lists, pack;  // staging for options that are not plain strings
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a == "--jsonl") {
      out->jsonl = true;
      continue;
    }
    if (a.starts_with("--")) {
      std::string name(a.substr(0, a.find('=')));
      std::string* target = name == "--domain" ? &out->domain
                            : name == "--lists" ? &lists
                            : name == "--packs" ? &pack
                            : name == "--lang" ? &out->setup.language
                            : name == "--format" ? &out->format
                            : name == "--color" || name == "--colour" ? &out->color
                                                                      : nullptr;
      if (!target) return Usage("unknown option " + name);
      if (size_t eq = a.find('='); eq != std::string_view::npos) {
        *target = std::string(a.substr(eq + 1));
      } else {
        if (i + 1 >= args.size()) return Usage("option " + name + " needs a value");
        *target = std::string(args[++i]);
      }
      if (target == &lists) out->setup.lists = lists;
      if (target == &pack) out->setup.packs.emplace_back(pack);
      continue;
    }
    if (have_input) return Usage("more than one input file given ('" + out->input + "' and '" + std::string(a) + "')");
    out->input = std::string(a);
    have_input = true;
  }
  if (out->format != "text" && out->format != "json")
    return Usage("--format must be text or json, not '" + out->format + "'");
  if (out->color != "auto" && out->color != "always" && out->color != "never")
    return Usage("--color must be auto, always or never, not '" + out->color + "'");
  if (out->setup.language != "en" && out->setup.language != "fr")
    return Usage("--lang must be en or fr, not '" + out->setup.language + "'");
  if (!out->setup.lists) out->setup.lists = StoredListsFile();
  return -1;
}

bool Warns(const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    if (f.severity >= Severity::kMedium) return true;
  return false;
}

int ScanOne(const Engine& engine, const ScanArgs& args) {
  Result<std::string> text = ReadInput(args.input);
  if (!text.ok()) return Usage(text.status().ToString().empty() ? "cannot read input" : text.status().message());
  Result<std::vector<Finding>> findings = engine.Analyze(text.value(), {.domain = args.domain});
  if (!findings.ok()) {
    std::fprintf(stderr, "draftguard scan: %s: %s\n", args.input == "-" ? "standard input" : args.input.c_str(),
                 findings.status().message().c_str());
    return kExitUsage;
  }
  if (args.format == "json") {
    boost::json::object o;
    o["findings"] = FindingsToJson(findings.value());
    std::cout << boost::json::serialize(o) << "\n";
  } else {
    bool color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO));
    WriteTextReport(stdout, text.value(), findings.value(),
                    {.source_name = args.input == "-" ? "<stdin>" : args.input, .color = color});
  }
  return Warns(findings.value()) ? kExitFindings : kExitClean;
}

// --jsonl: a bad line gets an {"id","error"} record and a message on stderr;
// the batch goes on and the exit status is then 2.
int ScanLines(const Engine& engine, const ScanArgs& args) {
  std::FILE* in = stdin;
  if (args.input != "-") {
    in = std::fopen(args.input.c_str(), "rb");
    if (!in) return Usage("cannot read '" + args.input + "'");
  }
  bool warned = false, failed = false;
  std::string line;
  size_t line_no = 0;
  char buf[1 << 16];
  auto handle = [&](const std::string& l) {
    ++line_no;
    if (l.find_first_not_of(" \t\r") == std::string::npos) return;
    boost::json::object reply;
    auto fail = [&](const std::string& why) {
      std::fprintf(stderr, "draftguard scan: line %zu: %s\n", line_no, why.c_str());
      reply["error"] = why;
      failed = true;
    };
    boost::json::error_code ec;
    boost::json::value v = boost::json::parse(l, ec);
    const boost::json::object* o = !ec && v.is_object() ? &v.get_object() : nullptr;
    if (o && o->contains("id")) reply["id"] = o->at("id");
    if (!o) {
      fail(ec ? "not valid JSON: " + ec.message() : "expected a JSON object {\"id\",\"domain\",\"text\"}");
    } else if (!o->contains("text") || !o->at("text").is_string()) {
      fail("field 'text' must be a string");
    } else {
      std::string domain = args.domain;
      if (const auto* d = o->if_contains("domain"); d && d->is_string()) domain = std::string(d->get_string());
      const auto& text = o->at("text").get_string();
      auto findings = engine.Analyze(std::string_view(text.data(), text.size()), {.domain = domain});
      if (!findings.ok()) {
        fail(findings.status().message());
      } else {
        warned |= Warns(findings.value());
        reply["findings"] = FindingsToJson(findings.value());
      }
    }
    std::cout << boost::json::serialize(reply) << "\n";
  };
  while (std::fgets(buf, sizeof buf, in)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      handle(line);
      line.clear();
    }
  }
  if (!line.empty()) handle(line);
  if (in != stdin) std::fclose(in);
  std::cout.flush();
  return failed ? kExitUsage : warned ? kExitFindings : kExitClean;
}

}  // namespace

int RunScan(std::span<const std::string_view> argv) {
  ScanArgs args;
  if (int status = ParseArgs(argv, &args); status >= 0) return status;
  std::vector<LoadProblem> warnings;
  Result<std::unique_ptr<Engine>> engine = BuildEngine(args.setup, &warnings);
  for (const LoadProblem& w : warnings) std::fprintf(stderr, "draftguard: warning: %s\n", w.ToString().c_str());
  if (!engine.ok()) {
    std::fprintf(stderr, "draftguard scan: %s\n", engine.status().ToString().c_str());
    return kExitUsage;
  }
  return args.jsonl ? ScanLines(*engine.value(), args) : ScanOne(*engine.value(), args);
}

}  // namespace draftguard::cli
