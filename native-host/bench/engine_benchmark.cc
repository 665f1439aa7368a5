// engine_benchmark: the engine's speed and memory, as figures and ratios to
// the targets (a program, never a timed test: machines are noisy).
//
//   engine_benchmark DIR         DIR from gen_bench.py: lists.json, corpus.txt
//   engine_benchmark --generate  the same shape of input, generated here
//
// Prints: time and memory to build the 100k-term matcher, analysis latency
// p50/p99 of 3 000-character posts (built-in packs + the 100k-term list;
// seen before and at first sight), and scan throughput over the whole
// corpus, in full and stage by stage (normalising, tokenising, the
// keyword-list side, the regex rules), which shows where the time goes.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "draftguard/engine.h"
#include "draftguard/lists.h"
#include "draftguard/packs.h"
#include "engine/normalizer.h"
#include "engine/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace draftguard;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

long CurrentRssKb() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "engine_benchmark: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Input of the same shape as gen_bench.py's: syllable terms of one or two
// words, and post-like lines mixing common words, terms and leaky phrases.
struct Input {
  std::vector<std::string> terms;
  std::vector<std::string> posts;
};

Input Generate(size_t term_count, size_t corpus_bytes) {
  std::mt19937 rng(7);
  const char* syl[] = {"ka", "lo", "mi", "ra", "ve", "zu", "to", "na", "pe", "si",
                       "qu", "or", "an", "el", "ix", "ba", "du", "fe", "go", "hi"};
  auto word = [&](int n) {
    std::string w;
    for (int i = 0; i < n; ++i) w += syl[rng() % 20];
    w[0] = static_cast<char>(std::toupper(w[0]));
    return w;
  };
  std::set<std::string> terms;
  while (terms.size() < term_count) {
    std::string term = word(2 + rng() % 3);
    if (rng() % 2) {
      term += ' ';
      term += word(2 + rng() % 2);
    }
    terms.insert(std::move(term));
  }
  Input in;
  in.terms.assign(terms.begin(), terms.end());
  const char* common[] = {"the", "we", "our", "team", "client", "campaign", "results", "growth", "launch",
                          "new", "product", "market", "strategy", "quarter", "revenue", "customers",
                          "conversion", "thanks", "proud", "nous", "notre", "équipe", "résultats", "lancement"};
  const char* phrases[] = {"Thrilled to share that we grew revenue by 37% this quarter 🚀",
                           "Our ROAS hit 4.2x on the spring campaign", "Confidential: launches in Q3",
                           "Conversion went from 2% to 5%", "Nous lançons le mois prochain — ne pas diffuser",
                           "CAC dropped to €120 while ARR reached €3.4M"};
  size_t size = 0;
  while (size < corpus_bytes) {
    std::string post;
    for (int i = 0, n = 60 + rng() % 390; i < n; ++i) {
      double r = std::uniform_real_distribution<>(0, 1)(rng);
      if (!post.empty()) post += ' ';
      if (r < 0.004) post += in.terms[rng() % in.terms.size()];
      else if (r < 0.02) post += phrases[rng() % 6];
      else if (r < 0.8) post += common[rng() % 24];
      else post += word(1 + rng() % 3);
    }
    size += post.size();
    in.posts.push_back(std::move(post));
  }
  return in;
}

Input Load(const std::string& dir) {
  Input in;
  auto doc = ParseListsDocument(ReadFile(dir + "/lists.json"));
  if (!doc.ok()) {
    std::fprintf(stderr, "engine_benchmark: %s\n", doc.status().ToString().c_str());
    std::exit(2);
  }
  for (auto& [scope, lists] : doc.value().domains)
    for (auto& l : lists) in.terms.insert(in.terms.end(), l.terms.begin(), l.terms.end());
  std::istringstream corpus(ReadFile(dir + "/corpus.txt"));
  for (std::string line; std::getline(corpus, line);) in.posts.push_back(std::move(line));
  return in;
}

// Posts of about 3 000 characters, cut at a space from consecutive lines.
std::vector<std::string> Posts3000(const std::vector<std::string>& lines, size_t count) {
  std::string all;
  for (const auto& l : lines) {
    all += l;
    all += '\n';
    if (all.size() > count * 3300) break;
  }
  std::vector<std::string> posts;
  for (size_t at = 0; posts.size() < count && at + 3000 < all.size();) {
    size_t end = all.find(' ', at + 3000);
    if (end == std::string::npos) break;
    posts.push_back(all.substr(at, end - at));
    at = end + 1;
  }
  return posts;
}

// Seconds to analyse every post; *findings receives how many were found.
double ScanSeconds(const Engine& engine, const std::vector<std::string>& posts, size_t* findings) {
  auto t0 = Clock::now();
  for (const auto& p : posts) {
    auto r = engine.Analyze(p, {.domain = "www.linkedin.com"});
    if (r.ok()) *findings += r.value().size();
  }
  return Seconds(Clock::now() - t0);
}

// Seconds to normalise every post, and to tokenise it too when `tokenize`:
// the first stages of every analysis, which no matcher can skip.
double PrepareSeconds(const std::vector<std::string>& posts, bool tokenize, size_t* tokens) {
  auto t0 = Clock::now();
  std::vector<internal::Token> t;
  for (const auto& p : posts) {
    internal::NormalizedText view = internal::Normalize(p);
    if (tokenize) {
      t.clear();
      internal::Tokenize(view.text, &t);
      *tokens += t.size();
    }
  }
  return Seconds(Clock::now() - t0);
}

void Ratio(const char* what, double value, double target, bool lower_is_better) {
  double ratio = lower_is_better ? value / target : target / value;
  std::printf("  %-34s target %-12g ratio %.2f %s\n", what, target, ratio, ratio <= 1.0 ? "ok" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: engine_benchmark DIR (from gen_bench.py) | --generate\n");
    return 2;
  }
  std::string arg = argv[1];
  Input input = arg == "--generate" ? Generate(100000, 20'000'000) : Load(arg);
  size_t corpus_bytes = 0;
  for (const auto& p : input.posts) corpus_bytes += p.size();
  std::printf("input: %zu terms, %zu posts, %.1f MB\n", input.terms.size(), input.posts.size(), corpus_bytes / 1e6);

  std::vector<LoadProblem> problems;
  auto t0 = Clock::now();
  auto engine = Engine::Create(Options(), BuiltinPacks(), &problems);
  double create_ms = Seconds(Clock::now() - t0) * 1e3;

  TermList list;
  list.name = "bench";
  list.terms = input.terms;
  long rss_before = CurrentRssKb();
  t0 = Clock::now();
  Status s = engine->SetLists("*", std::vector<TermList>{list});
  double build_ms = Seconds(Clock::now() - t0) * 1e3;
  long build_kb = CurrentRssKb() - rss_before;
  if (!s.ok()) {
    std::fprintf(stderr, "engine_benchmark: %s\n", s.ToString().c_str());
    return 2;
  }
  std::printf("engine: %zu rules, %zu terms; built-in packs compiled in %.1f ms\n", engine->rule_count(),
              engine->term_count(), create_ms);
  std::printf("100k-term matcher build: %.1f ms, +%.1f MB resident\n", build_ms, build_kb / 1024.0);

  // Round 0 is each post's first analysis: RE2 builds its DFA states lazily,
  // so text unlike anything seen before costs more. Rounds 1-5 are analyses
  // of drafts seen before, as while typing (each keystroke's draft is the
  // last one plus a character).
  //
  // Design decision: the target is judged on each post's median of its five
  // warm runs, then p50/p99 over the posts. The tail then comes from the
  // posts (their length, their findings), not from whatever else the
  // machine did during one run; the raw figure over every run is printed
  // too.
  constexpr int kWarmRuns = 5;
  std::vector<std::string> posts = Posts3000(input.posts, 2000);
  std::vector<double> first, every_run, post_median;
  std::vector<std::vector<double>> runs(posts.size());
  for (int round = 0; round <= kWarmRuns; ++round) {
    for (size_t i = 0; i < posts.size(); ++i) {
      auto a = Clock::now();
      bool ok = engine->Analyze(posts[i], {.domain = "www.linkedin.com"}).ok();
      double us = Seconds(Clock::now() - a) * 1e6;
      if (!ok) {
        std::fprintf(stderr, "engine_benchmark: a post failed to analyse\n");
        return 2;
      }
      if (round == 0) {
        first.push_back(us);
      } else {
        every_run.push_back(us);
        runs[i].push_back(us);
      }
    }
  }
  auto pct = [](std::vector<double>& v, int p) {
    std::sort(v.begin(), v.end());
    return v[v.size() * p / 100];
  };
  for (std::vector<double>& r : runs) post_median.push_back(pct(r, 50));
  double p50 = pct(post_median, 50), p99 = pct(post_median, 99);
  std::printf("analysis of %zu posts of ~3000 chars seen before, each post's median of %d runs: p50 %.0f us, "
              "p99 %.0f us, max %.0f us\n",
              posts.size(), kWarmRuns, p50, p99, post_median.back());
  double raw_p50 = pct(every_run, 50), raw_p99 = pct(every_run, 99);
  std::printf("  every run counted apart (%zu runs, machine noise included): p50 %.0f us, p99 %.0f us, max %.0f us\n",
              every_run.size(), raw_p50, raw_p99, every_run.back());
  double first_p50 = pct(first, 50), first_p99 = pct(first, 99);
  std::printf("  the same posts at first sight: p50 %.0f us, p99 %.0f us, max %.0f us\n", first_p50, first_p99,
              first.back());

  size_t total = 0;
  double scan_s = ScanSeconds(*engine, input.posts, &total);
  double mbps = corpus_bytes / 1e6 / scan_s;
  std::printf("scan of the corpus: %.1f MB in %.2f s = %.0f MB/s, %zu findings\n", corpus_bytes / 1e6, scan_s, mbps,
              total);
  long peak_kb = PeakRssKb();  // before a second engine is built below

  // Stage by stage. The keyword-list side alone (normalise, tokenise, the
  // 100k-term automaton; no regex rules) is what the literal matchers the
  // targets are compared with (Vectorscan, grep -F) do.
  size_t token_total = 0;
  double normalize_s = PrepareSeconds(input.posts, false, &token_total);
  double tokenize_s = PrepareSeconds(input.posts, true, &token_total);
  auto lists_only = Engine::Create(Options(), {}, nullptr);
  if (Status ls = lists_only->SetLists("*", std::vector<TermList>{list}); !ls.ok()) {
    std::fprintf(stderr, "engine_benchmark: %s\n", ls.ToString().c_str());
    return 2;
  }
  size_t list_total = 0;
  double list_s = ScanSeconds(*lists_only, input.posts, &list_total);
  auto rules_only = Engine::Create(Options(), BuiltinPacks(), nullptr);
  size_t rule_total = 0;
  double rules_s = ScanSeconds(*rules_only, input.posts, &rule_total);
  auto mb_s = [&](double s) { return corpus_bytes / 1e6 / s; };
  std::printf("  stage by stage over the corpus: normalise %.0f MB/s; + tokenise %.0f MB/s (%zu tokens);\n",
              mb_s(normalize_s), mb_s(tokenize_s), token_total);
  std::printf("  the keyword-list side alone (no regex rules) %.0f MB/s, %zu findings;\n", mb_s(list_s), list_total);
  std::printf("  the built-in packs alone (no 100k list) %.0f MB/s, %zu findings\n", mb_s(rules_s), rule_total);
  std::printf("peak RSS: %.1f MB\n", peak_kb / 1024.0);
  std::printf("targets (ratio <= 1 is met):\n");
  Ratio("analysis p99 (us)", p99, 250, true);
  Ratio("scan throughput (MB/s)", mbps, 150, false);
  Ratio("100k-term build (ms)", build_ms, 300, true);
  Ratio("peak RSS (MB)", peak_kb / 1024.0, 150, true);
  return 0;
}
