#include "audit/audit_command.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "audit/audit_runner.h"
#include "audit/export_source.h"
#include "audit/html_report.h"
#include "audit/json_report.h"
#include "audit/linkedin_export.h"
#include "audit/progress_bar.h"
#include "cli/command.h"
#include "cli/engine_setup.h"

namespace draftguard::audit {
namespace {

namespace fs = std::filesystem;
using cli::kExitClean;
using cli::kExitFindings;
using cli::kExitUsage;

constexpr char kUsage[] = R"(usage: draftguard audit PATH [options]

Audits what you already published on LinkedIn: reads the posts, comments and
articles of your LinkedIn data export and writes a report of what they give
away, with a link to each item to edit or delete it. Nothing is sent anywhere.

PATH is the zip LinkedIn sent you, or the folder you unpacked it into. Ask for
it at https://www.linkedin.com/mypreferences/d/download-my-data

options:
  --out DIR         where to write report.html and report.json
                    (default: ./draftguard-audit)
  --lists FILE      keyword lists document (JSON, as for scan); default: your
                    stored lists, if any
  --packs PATH      extra rule pack file or folder of *.json packs (repeatable)
  --lang en|fr      language of messages and suggestions (default: en)
  -h, --help        this help

exit status: 0 no finding of medium or above, 1 such findings, 2 usage or
input error (not an export, unreadable file, output not writable).
)";

struct AuditArgs {
  cli::EngineSetup setup;
  std::string path;
  fs::path out = "draftguard-audit";
};

int Fail(const std::string& problem) {
  std::fprintf(stderr, "draftguard audit: %s\n", problem.c_str());
  return kExitUsage;
}

int Usage(const std::string& problem) {
  std::fprintf(stderr, "draftguard audit: %s\nRun 'draftguard audit --help' for usage.\n",
               problem.c_str());
  return kExitUsage;
}

// Parses args into *out; returns -1 to go on, or an exit status.
int ParseArgs(std::span<const std::string_view> args, AuditArgs* out) {
  bool have_path = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitClean;
    }
    if (a.starts_with("--")) {
      std::string name(a), value;
      if (size_t eq = a.find('='); eq != std::string_view::npos) {
        name = std::string(a.substr(0, eq));
        value = std::string(a.substr(eq + 1));
      } else {
        if (i + 1 >= args.size()) return Usage("option " + name + " needs a value");
        value = std::string(args[++i]);
      }
      if (value.empty()) return Usage("option " + name + " needs a value");
      if (name == "--out")
        out->out = value;
      else if (name == "--lists")
        out->setup.lists = value;
      else if (name == "--packs")
        out->setup.packs.emplace_back(value);
      else if (name == "--lang")
        out->setup.language = value;
      else
        return Usage("unknown option " + name);
      continue;
    }
    if (have_path)
      return Usage("more than one export given ('" + out->path + "' and '" + std::string(a) + "')");
    out->path = std::string(a);
    have_path = true;
  }
  if (!have_path) return Usage("no export given: pass the zip or folder LinkedIn sent you");
  if (out->setup.language != "en" && out->setup.language != "fr")
    return Usage("--lang must be en or fr, not '" + out->setup.language + "'");
  return -1;
}

std::string SourceName(const std::string& path) {
  fs::path p = fs::path(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  std::string name = p.filename().string();
  return name.empty() ? path : name;
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// Writes `file` in `dir` through a temporary file and a rename, so a
// half-written report never replaces a good one. Mode 0600.
template <typename Writer>
Status WriteFileAtomically(const fs::path& dir, const std::string& file, Writer write) {
  fs::path tmp = dir / ("." + file + ".tmp-" + std::to_string(getpid()));
  fs::path target = dir / file;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status(ErrorCode::kIo, "cannot write " + tmp.string());
    std::error_code ec;
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
    write(out);
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return Status(ErrorCode::kIo, "cannot write " + target.string() + " (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status(ErrorCode::kIo, "cannot write " + target.string() + ": " + ec.message());
  }
  return Status::Ok();
}

Status PrepareOutDir(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      return Status(ErrorCode::kInvalidArgument, dir.string() + " exists and is not a directory");
    return Status::Ok();
  }
  fs::create_directories(dir, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message());
  // The report quotes the posts: keep it to the user.
  fs::permissions(dir, fs::perms::owner_all, ec);
  return Status::Ok();
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void PrintSummary(const AuditReport& r, const fs::path& out) {
  std::printf("Audited %s, %s and %s in %s.\n", Plural(r.items[0], "post", "posts").c_str(),
              Plural(r.items[1], "comment", "comments").c_str(),
              Plural(r.items[2], "article", "articles").c_str(), r.source_name.c_str());
  if (r.flagged.empty()) {
    std::printf("Nothing to review.\n");
  } else {
    SeverityCounts by_item{};
    for (const FlaggedItem& f : r.flagged) ++by_item[static_cast<size_t>(f.max_severity)];
    std::printf("%s a look: %zu high, %zu medium, %zu low.\n",
                Plural(r.flagged.size(), "item needs", "items need").c_str(), by_item[2],
                by_item[1], by_item[0]);
  }
  if (!r.problems.empty()) {
    std::array<size_t, kProblemKindCount> counts{};
    for (const ReadProblem& p : r.problems) ++counts[static_cast<size_t>(p.kind)];
    std::string detail;
    for (int k = 0; k < kProblemKindCount; ++k) {
      if (!counts[static_cast<size_t>(k)]) continue;
      if (!detail.empty()) detail += ", ";
      detail += std::to_string(counts[static_cast<size_t>(k)]) + " " +
                std::string(ProblemKindName(static_cast<ProblemKind>(k)));
    }
    std::printf("%s while reading (%s): listed in the report.\n",
                Plural(r.problems.size(), "problem", "problems").c_str(), detail.c_str());
  }
  std::printf("Report: %s\nJSON:   %s\nNothing was sent anywhere.\n",
              (out / "report.html").string().c_str(), (out / "report.json").string().c_str());
}

}  // namespace

int RunAuditCommand(std::span<const std::string_view> args) {
  AuditArgs a;
  if (int status = ParseArgs(args, &a); status >= 0) return status;

  Result<std::unique_ptr<ExportSource>> source = ExportSource::Open(a.path);
  if (!source.ok()) return Fail(a.path + ": " + source.status().message());
  Result<ExportContents> contents = ReadLinkedInExport(*source.value());
  if (!contents.ok()) return Fail(a.path + ": " + contents.status().message());

  std::string lists_source = "none";
  if (a.setup.lists) {
    lists_source = a.setup.lists->filename().string();
  } else if (std::optional<fs::path> stored = cli::StoredListsFile()) {
    a.setup.lists = *stored;
    lists_source = "your stored lists";
  }
  std::vector<LoadProblem> warnings;
  Result<std::unique_ptr<Engine>> engine = cli::BuildEngine(a.setup, &warnings);
  if (!engine.ok()) return Fail(engine.status().ToString());
  if (!warnings.empty())
    std::fprintf(stderr, "draftguard audit: warning: %zu rule or list problems; the rest loaded\n",
                 warnings.size());

  if (Status s = PrepareOutDir(a.out); !s.ok()) return Fail(s.message());

  AuditReport report;
  {
    ProgressBar bar = ProgressBar::ForStderr("Auditing");
    report = RunAudit(*engine.value(), std::move(contents).value(), AuditOptions(),
                      [&bar](size_t done, size_t total) { bar.Update(done, total); });
  }
  report.source_name = SourceName(a.path);
  report.source_kind = std::string(source.value()->kind());
  report.generated_at = NowUtc();
  report.lists_source = lists_source;
  report.rules = engine.value()->rule_count();
  report.terms = engine.value()->term_count();

  if (Status s = WriteFileAtomically(a.out, "report.html",
                                     [&](std::ostream& o) { WriteHtmlReport(report, o); });
      !s.ok())
    return Fail(s.message());
  if (Status s = WriteFileAtomically(a.out, "report.json",
                                     [&](std::ostream& o) { WriteJsonReport(report, o); });
      !s.ok())
    return Fail(s.message());

  PrintSummary(report, a.out);
  for (const FlaggedItem& f : report.flagged)
    if (f.max_severity >= Severity::kMedium) return kExitFindings;
  return kExitClean;
}

}  // namespace draftguard::audit
