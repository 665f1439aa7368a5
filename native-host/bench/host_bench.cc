// host_bench: the native host measured as a browser sees it — a child
// process over pipes — with a keyword list stored.
//
//   host_bench --binary build/bin/draftguard --lists LISTS.json --posts POSTS.jsonl
//              [--runs 2000] [--cold 15] [--chars 3000] [--pause-ms 0]
//
// LISTS.json is a lists document (e.g. gen_bench.py's 100k-term lists.json),
// imported into a throwaway store (XDG_CONFIG_HOME points to a temp folder).
// POSTS.jsonl has one {"text": …} a line; posts are joined and cut to
// --chars code points. Prints: analyze round trip p50/p90/p99/max, cold
// start to the first hello reply (median and max of --cold runs), and the
// host's peak RSS (ru_maxrss after the warm run).
//
// A round trip is timed from the first byte written to the last byte of the
// reply read; the request is serialised before and the reply parsed after.
// Each reply's elapsed_us (the engine's own time, measured inside the host)
// splits it into engine and host overhead (JSON, ignore keys, pipes). The drafts
// are cycled, so the first pass meets each draft for the first time: RE2
// builds its DFA states lazily, and a draft never seen costs the engine
// several times what it does once seen. Both kinds are reported apart.
//
// --pause-ms waits that long before each request, as the extension's
// debounce does (200 ms after the last keystroke): on an idle machine the
// caches and the CPU go cold in a pause, and the same analysis costs more
// than back to back. The targets are judged back to back (the default).
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

extern char** environ;

namespace {
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int in = -1, out = -1;
};

Child Spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  int to[2], from[2];
  if (pipe(to) != 0 || pipe(from) != 0) std::exit(3);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to[0], 0);
  posix_spawn_file_actions_adddup2(&fa, from[1], 1);
  posix_spawn_file_actions_addclose(&fa, to[1]);
  posix_spawn_file_actions_addclose(&fa, from[0]);
  // The host's stderr (logs) would drown the figures.
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> a, e;
  for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
  a.push_back(nullptr);
  for (const auto& s : env) e.push_back(const_cast<char*>(s.c_str()));
  e.push_back(nullptr);
  Child c;
  if (posix_spawn(&c.pid, a[0], &fa, nullptr, a.data(), e.data()) != 0) {
    std::fprintf(stderr, "host_bench: cannot start %s\n", a[0]);
    std::exit(3);
  }
  posix_spawn_file_actions_destroy(&fa);
  close(to[0]);
  close(from[1]);
  c.in = to[1];
  c.out = from[0];
  return c;
}

void WriteAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = write(fd, s.data() + off, s.size() - off);
    if (n <= 0) std::exit(4);
    off += static_cast<size_t>(n);
  }
}

void ReadAll(int fd, char* p, size_t n) {
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) {
      std::fprintf(stderr, "host_bench: the host closed its stdout\n");
      std::exit(4);
    }
    p += r;
    n -= static_cast<size_t>(r);
  }
}

std::string Call(const Child& c, const std::string& payload) {
  std::string f(4, '\0');
  uint32_t len = static_cast<uint32_t>(payload.size());
  std::memcpy(f.data(), &len, 4);
  WriteAll(c.in, f + payload);
  ReadAll(c.out, reinterpret_cast<char*>(&len), 4);
  std::string reply(len, '\0');
  ReadAll(c.out, reply.data(), len);
  return reply;
}

struct Usage {
  long max_rss_kib = 0;
  double cpu_ms = 0;
};

Usage Finish(Child& c) {
  close(c.in);
  char buf[4096];
  while (read(c.out, buf, sizeof buf) > 0) {
  }
  close(c.out);
  int status = 0;
  struct rusage ru {};
  wait4(c.pid, &status, 0, &ru);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return {ru.ru_maxrss, ms(ru.ru_utime) + ms(ru.ru_stime)};
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(v.size())));
  return v[i];
}

// The first `chars` code points of s.
std::string CutCodePoints(const std::string& s, size_t chars) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return s.substr(0, i);
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary, lists, posts;
  int runs = 2000, cold = 15, pause_ms = 0;
  size_t chars = 3000;
  // A count flag's value, at least `min`, or a clear error (exit 2).
  auto count = [](const std::string& flag, const std::string& v, long min) {
    size_t used = 0;
    long n = -1;
    try {
      n = std::stol(v, &used);
    } catch (const std::exception&) {
    }
    if (used != v.size() || n < min || n > 1'000'000'000) {
      std::fprintf(stderr, "host_bench: %s wants a whole number >= %ld, not '%s'\n", flag.c_str(), min, v.c_str());
      std::exit(2);
    }
    return n;
  };
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--binary") binary = v;
    else if (k == "--lists") lists = v;
    else if (k == "--posts") posts = v;
    else if (k == "--runs") runs = static_cast<int>(count(k, v, 1));
    else if (k == "--cold") cold = static_cast<int>(count(k, v, 1));
    else if (k == "--chars") chars = static_cast<size_t>(count(k, v, 1));
    else if (k == "--pause-ms") pause_ms = static_cast<int>(count(k, v, 0));
    else {
      std::fprintf(stderr, "host_bench: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (binary.empty() || posts.empty()) {
    std::fprintf(stderr, "usage: host_bench --binary DRAFTGUARD --posts POSTS.jsonl [--lists LISTS.json] "
                         "[--runs N] [--cold N] [--chars N] [--pause-ms N]\n");
    return 2;
  }
  binary = std::filesystem::absolute(binary).string();
  char tmpl[] = "/tmp/dg_host_bench.XXXXXX";
  std::string home = mkdtemp(tmpl);
  std::vector<std::string> env = {"HOME=" + home, "XDG_CONFIG_HOME=" + home + "/config", "PATH=/usr/bin:/bin"};

  if (!lists.empty()) {
    Child imp = Spawn({binary, "lists", "import", "--format", "json", std::filesystem::absolute(lists).string()}, env);
    Finish(imp);
  }

  // Drafts of `chars` code points from the posts.
  std::vector<std::string> drafts;
  {
    std::ifstream f(posts);
    std::string line, acc;
    while (std::getline(f, line) && drafts.size() < 500) {
      json::value v = json::parse(line);
      acc += std::string(v.at("text").as_string()) + "\n\n";
      std::string cut = CutCodePoints(acc, chars);
      if (cut.size() < acc.size()) {
        drafts.push_back(cut);
        acc.clear();
      }
    }
    if (drafts.empty()) {
      std::fprintf(stderr, "host_bench: no drafts of %zu characters in %s\n", chars, posts.c_str());
      return 2;
    }
  }
  const std::string origin = "chrome-extension://lgconcggklpljlcdkfejbfjbpbdhjgin/";
  const std::string hello = R"({"id":0,"type":"hello","protocol":1})";

  // Cold start: spawn → first hello reply.
  std::vector<double> cold_ms;
  std::string hello_reply;
  Usage cold_usage;
  for (int i = 0; i < cold; ++i) {
    auto t0 = Clock::now();
    Child c = Spawn({binary, origin}, env);
    hello_reply = Call(c, hello);
    cold_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    cold_usage = Finish(c);
  }

  // Warm: analyze round trips on one host.
  auto spawned = Clock::now();
  Child c = Spawn({binary, origin}, env);
  Call(c, hello);
  // The first analyze waits for the stored lists to be compiled.
  Call(c, R"({"id":-1,"type":"analyze","text":"warm up"})");
  double first_analyze_ms = std::chrono::duration<double, std::milli>(Clock::now() - spawned).count();
  double load0 = 0;
  {
    std::ifstream la("/proc/loadavg");
    la >> load0;
  }
  std::vector<double> rt_us, engine_us, overhead_us, first_us, again_us;
  std::vector<bool> seen(drafts.size());
  size_t findings = 0;
  for (int i = 0; i < runs + 20; ++i) {
    size_t d = static_cast<size_t>(i) % drafts.size();
    // As the extension asks: ignore keys for "Ignore always", texts shared.
    json::object req{{"id", i},          {"type", "analyze"},     {"domain", "www.linkedin.com"},
                     {"revision", i},    {"editor", "1/e1"},      {"ignore_keys", true},
                     {"shared_texts", true}, {"text", drafts[d]}};
    std::string payload = json::serialize(req);
    if (pause_ms > 0 && i >= 20) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    auto t0 = Clock::now();
    std::string reply = Call(c, payload);
    double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
    bool first_sight = !seen[d];
    seen[d] = true;
    if (i < 20) continue;  // the first few warm the host's allocator and caches
    json::value r = json::parse(reply);
    double engine = r.at("elapsed_us").to_number<double>();
    rt_us.push_back(us);
    engine_us.push_back(engine);
    overhead_us.push_back(us - engine);
    (first_sight ? first_us : again_us).push_back(us);
    if (i == 20) findings = r.at("findings").as_array().size();
  }
  Usage warm = Finish(c);
  std::filesystem::remove_all(home);

  json::value hv = json::parse(hello_reply);
  double cpu_per_analyze_us = 0;
  {
    // CPU of the warm host process over its whole life, minus start-up
    // (the cold runs' CPU, a fair estimate), spread over the analyses.
    cpu_per_analyze_us = std::max(0.0, warm.cpu_ms - cold_usage.cpu_ms) * 1000.0 / (runs + 20);
  }
  std::printf("host_bench: %s\n", binary.c_str());
  std::printf("  lists: %s; first hello: rules %s, terms %s, lists_loading %s\n",
              lists.empty() ? "(none)" : lists.c_str(), json::serialize(hv.at("rules")).c_str(),
              json::serialize(hv.at("terms")).c_str(),
              hv.as_object().contains("lists_loading") ? json::serialize(hv.at("lists_loading")).c_str() : "?");
  std::printf("  drafts: %zu of %zu characters; e.g. %zu findings in one\n", drafts.size(), chars, findings);
  if (pause_ms > 0) std::printf("  a pause of %d ms before each request (--pause-ms)\n", pause_ms);
  std::printf("  analyze round trip over pipes (%d runs): p50 %.0f us  p90 %.0f us  p99 %.0f us  max %.0f us\n",
              runs, Percentile(rt_us, 50), Percentile(rt_us, 90), Percentile(rt_us, 99), Percentile(rt_us, 100));
  auto line = [](const char* what, const std::vector<double>& v) {
    if (v.empty()) return;
    std::printf("    %s (%zu): p50 %.0f us  p90 %.0f us  p99 %.0f us  max %.0f us\n", what, v.size(), Percentile(v, 50),
                Percentile(v, 90), Percentile(v, 99), Percentile(v, 100));
  };
  line("engine, inside the host (elapsed_us of the replies)", engine_us);
  line("host overhead (round trip - elapsed_us)", overhead_us);
  line("round trip, first sight of a draft", first_us);
  line("round trip, draft seen before", again_us);
  std::printf("  host CPU per analyze (approx.): %.0f us\n", cpu_per_analyze_us);
  std::printf("  cold start to first hello reply (%d runs): median %.1f ms  max %.1f ms\n", cold,
              Percentile(cold_ms, 50), Percentile(cold_ms, 100));
  std::printf("  start to first analyze reply (lists compiled): %.1f ms\n", first_analyze_ms);
  std::printf("  CPU of one host from start to exit, idle after hello: %.0f ms\n", cold_usage.cpu_ms);
  std::printf("  peak RSS of the host (lists loaded, %d analyses): %.1f MB\n", runs,
              static_cast<double>(warm.max_rss_kib) / 1024.0);
  std::printf("  machine load average at the start of the warm run: %.2f on %ld CPUs\n", load0,
              sysconf(_SC_NPROCESSORS_ONLN));
  return 0;
}
