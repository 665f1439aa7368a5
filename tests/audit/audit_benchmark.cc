// Benchmark, not a test: generates a LinkedIn export of 50 000 posts and
// 200 000 comments (zip, LinkedIn's file and column names), audits it with
// the real binary and prints the wall time and the audit's peak RSS.
// Target: <= 10 s on the 2-core reference machine.
//
//   audit_benchmark [--posts N] [--comments N] [--keep DIR]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace {

namespace fs = std::filesystem;
using draftguard::audit::testing::ExportFiles;

// Deterministic, so every run audits the same export.
struct Rng {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint64_t Next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
};

const char* const kFiller[] = {
    "Great to see the team at the conference this week.",
    "We keep learning from our customers every single day.",
    "Hiring! We are looking for a senior engineer to join us in Lyon.",
    "Three lessons from ten years of building B2B software:",
    "Merci à toute l'équipe pour cette belle année 🎉",
    "What would you do differently if you started again today?",
    "Proud of what we shipped together. 🚀",
    "Le marché évolue vite, et nous aussi.",
    "Quick thought on pricing pages, onboarding and trust.",
    "Our webinar replay is now online, link in the comments.",
};

const char* const kLeaks[] = {
    "Internal only: Project Falcon goes live for Acme Corp on 12 May.",
    "Confidential: we closed the Series B with Globex Ventures, announcement next month.",
    "Our campaign for Initech lifted conversion by 37 % and ROAS to 4.2 in six weeks.",
    "Entre nous : la levée de fonds est prévue pour juin, ne pas diffuser.",
    "Write to jane.doe@example.com or call +33 6 12 34 56 78 for the deck.",
    "Sneak peek of the beta we launch next quarter, codename Falcon.",
    "We won the Umbrella deal against Globex, their price was 20 % lower.",
};

std::string CsvQuote(const std::string& s) {
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string Date(Rng& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "20%02zu-%02zu-%02zu %02zu:%02zu:%02zu", 16 + rng.Below(10),
                1 + rng.Below(12), 1 + rng.Below(28), rng.Below(24), rng.Below(60), rng.Below(60));
  return buf;
}

std::string Text(Rng& rng, size_t sentences, bool leak) {
  std::string t;
  for (size_t i = 0; i < sentences; ++i) {
    if (i) t += rng.Below(4) == 0 ? "\n\n" : " ";
    t += kFiller[rng.Below(std::size(kFiller))];
  }
  if (leak) t += (sentences ? "\n" : "") + std::string(kLeaks[rng.Below(std::size(kLeaks))]);
  return t;
}

ExportFiles Generate(size_t posts, size_t comments) {
  Rng rng;
  ExportFiles files;
  std::string shares =
      "\xEF\xBB\xBF"
      "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n";
  shares.reserve(posts * 700);
  for (size_t i = 0; i < posts; ++i) {
    shares += Date(rng) + ",https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A" +
              std::to_string(7000000000000000000ull + i) + "/," +
              CsvQuote(Text(rng, 2 + rng.Below(10), rng.Below(20) == 0)) + ",,," +
              (rng.Below(3) ? "PUBLIC" : "MEMBER_NETWORK") + "\r\n";
  }
  std::string comment_csv = "Date,Link,Message\n";
  comment_csv.reserve(comments * 250);
  for (size_t i = 0; i < comments; ++i) {
    comment_csv += Date(rng) + ",https://www.linkedin.com/feed/update/urn:li:activity:" +
                   std::to_string(7100000000000000000ull + i) + "," +
                   CsvQuote(Text(rng, 1 + rng.Below(3), rng.Below(50) == 0)) + "\n";
  }
  files["Shares.csv"] = std::move(shares);
  files["Comments.csv"] = std::move(comment_csv);
  files["Profile.csv"] = "First Name,Last Name\nJane,Doe\n";
  return files;
}

std::string ListsJson() {
  // A realistic list size: a few codenames and a thousand client names.
  std::string clients;
  for (int i = 0; i < 1000; ++i) clients += ",\"Client" + std::to_string(i) + " Industries\"";
  return R"({"version":1,"domains":{"*":{"lists":[
    {"name":"codenames","severity":"high","terms":["Falcon","Umbrella"]},
    {"name":"clients","severity":"medium","terms":["Acme Corp","Initech")" +
         clients + R"(]}]},
    "linkedin.com":{"lists":[{"name":"competitors","category":"competitor","severity":"medium",
      "terms":["Globex"]}]}}})";
}

}  // namespace

int main(int argc, char** argv) {
  size_t posts = 50000, comments = 200000;
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--posts"))
      posts = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--comments"))
      comments = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--keep"))
      keep = argv[i + 1];
  }
  draftguard::audit::testing::TempDir tmp;
  fs::path dir = keep.empty() ? tmp.path() : fs::path(keep);
  fs::create_directories(dir);

  auto t0 = std::chrono::steady_clock::now();
  ExportFiles files = Generate(posts, comments);
  fs::path zip = dir / "Basic_LinkedInDataExport_bench.zip";
  draftguard::audit::testing::WriteZip(zip, files);
  draftguard::audit::testing::WriteFile(dir / "lists.json", ListsJson());
  double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("export: %zu posts, %zu comments, CSV %.1f MB, zip %.1f MB (generated in %.1f s)\n",
              posts, comments, (files["Shares.csv"].size() + files["Comments.csv"].size()) / 1e6,
              fs::file_size(zip) / 1e6, gen);
  files.clear();

  std::string out = (dir / "report").string();
  std::string lists = (dir / "lists.json").string();
  std::string zip_s = zip.string();
  std::string xdg = (dir / "config").string();
  setenv("XDG_CONFIG_HOME", xdg.c_str(), 1);
  std::vector<const char*> args = {DG_BINARY,     "audit", zip_s.c_str(), "--lists",
                                   lists.c_str(), "--out", out.c_str(),   nullptr};
  std::fflush(stdout);  // or the child flushes our buffer a second time
  auto t1 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    // The summary is not the point here; keep the benchmark's output short.
    if (!std::freopen("/dev/null", "w", stdout)) _exit(127);
    execv(args[0], const_cast<char* const*>(args.data()));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::printf("audit: %.2f s wall, %.2f s user, %.2f s sys, peak RSS %.1f MB, exit status %d\n",
              secs, usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
              usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6, usage.ru_maxrss / 1024.0, code);
  std::printf("report: %.1f MB HTML, %.1f MB JSON%s\n",
              fs::exists(out + "/report.html") ? fs::file_size(out + "/report.html") / 1e6 : 0.0,
              fs::exists(out + "/report.json") ? fs::file_size(out + "/report.json") / 1e6 : 0.0,
              keep.empty() ? "" : (" in " + out).c_str());
  std::printf("target: <= 10 s: %s\n", secs <= 10.0 ? "met" : "MISSED");
  return code == 0 || code == 1 ? 0 : 1;
}
