#include "audit/html_report.h"

#include <algorithm>
#include <set>
#include <string>

#include "audit/findings_chart.h"
#include "audit/html_escape.h"
#include "audit/text_encoding.h"
#include "formats/utf16_offsets.h"

namespace draftguard::audit {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--high:#c62828;--medium:#e8890c;--low:#9aa5b1;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:900px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta{color:var(--muted);margin:0 0 16px;font-size:13px}
.notice{border-radius:8px;padding:12px 16px;margin:12px 0}
.local{background:#e8f5e9;border:1px solid #a5d6a7}
.optout{background:#fff8e1;border:1px solid #ffe082}
.optout h2{border:0;margin:0 0 4px;font-size:16px;padding:0}
.totals{font-size:16px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:600}
.zero{color:#b0b7bf}
.chart{width:100%;height:auto;max-width:760px;display:block}
.chart text{fill:var(--muted)}
.item{border:1px solid var(--line);border-left:6px solid var(--low);border-radius:8px;margin:14px 0;padding:10px 14px}
.item.sev-high{border-left-color:var(--high)}.item.sev-medium{border-left-color:var(--medium)}
.item header{font-size:13px;color:var(--muted);margin-bottom:6px}
.item h3{font-size:15px;margin:0 0 6px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;background:var(--low)}
.badge.sev-high{background:var(--high)}.badge.sev-medium{background:var(--medium)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border-radius:6px;padding:10px 12px;margin:6px 0}
mark{border-radius:3px;padding:0 1px;background:#e3e7eb;color:inherit}
mark.sev-high{background:#ffcdd2;box-shadow:inset 0 -2px 0 var(--high)}
mark.sev-medium{background:#ffe0b2;box-shadow:inset 0 -2px 0 var(--medium)}
.findings{margin:6px 0 0;padding-left:22px;font-size:14px}
.findings li{margin:4px 0}
.span{font-style:italic}
.suggestion{color:#1b5e20}
.more{color:var(--muted);font-size:13px}
footer{color:var(--muted);font-size:12px;margin-top:40px}
@media print{.item{break-inside:avoid}}
)css";

constexpr const char* kSeverityNames[kSeverityCount] = {"low", "medium", "high"};

const char* SevName(Severity s) { return kSeverityNames[static_cast<size_t>(s)]; }

// Buffers the page and hands it to the stream in large pieces.
class Page {
 public:
  explicit Page(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  ~Page() { Flush(); }
  Page& operator<<(std::string_view s) {
    buf_.append(s);
    MaybeFlush();
    return *this;
  }
  Page& operator<<(size_t n) { return *this << std::string_view(std::to_string(n)); }
  // Escaped text from the export.
  Page& Text(std::string_view s) {
    AppendHtmlEscaped(s, &buf_);
    MaybeFlush();
    return *this;
  }
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void MaybeFlush() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  std::ostream& out_;
  std::string buf_;
};

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "120 posts, 300 comments and 2 articles".
std::string ItemCounts(const std::array<size_t, kItemKindCount>& items) {
  return Plural(items[0], "post", "posts") + ", " + Plural(items[1], "comment", "comments") +
         " and " + Plural(items[2], "article", "articles");
}

void WriteHead(const AuditReport& r, Page& p) {
  p << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       // Nothing may be fetched: no script, no image, no font, no frame.
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
       "<meta name=\"referrer\" content=\"no-referrer\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<title>DraftGuard audit: "
    << Plural(r.flagged.size(), "item", "items") << " to review</title>\n<style>" << kStyle
    << "</style>\n</head>\n<body>\n<main>\n";
}

void WriteIntro(const AuditReport& r, Page& p) {
  p << "<h1>What your LinkedIn activity already gives away</h1>\n<p class=\"meta\">Audit of <b>";
  p.Text(r.source_name.empty() ? std::string_view("your export") : r.source_name);
  p << "</b> (" << (r.source_kind.empty() ? "export" : r.source_kind) << ")";
  if (!r.generated_at.empty()) p << " &middot; ";
  p.Text(r.generated_at);
  p << " &middot; " << r.rules << " rules, " << r.terms << " terms &middot; keyword lists: ";
  p.Text(r.lists_source.empty() ? std::string_view("none") : r.lists_source);
  p << " &middot; draftguard " << DG_VERSION << "</p>\n";

  p << "<section class=\"notice local\" id=\"local\"><strong>Nothing left this computer.</strong> "
       "draftguard read your export and wrote this report on this machine. It has no network "
       "code, and this page loads nothing from anywhere: its Content-Security-Policy forbids it. "
       "The links below only open LinkedIn when you click them.</section>\n";

  p << "<section class=\"notice optout\" id=\"optout\"><h2>Stop LinkedIn training AI on what you "
       "post next</h2>Since 3 November 2025 LinkedIn trains generative AI models on members' "
       "posts, articles and comments unless they switch it off. Turn off "
       "<a href=\""
    << kOptOutUrl
    << "\" rel=\"noreferrer noopener\" target=\"_blank\">Data for Generative AI "
       "Improvement</a>. Opting out is not retroactive: edit or delete the posts "
       "below.</section>\n";
}

void WriteSummary(const AuditReport& r, Page& p) {
  p << "<section id=\"summary\"><h2>Summary</h2>\n<p class=\"totals\">Audited "
    << ItemCounts(r.items) << ". ";
  if (r.flagged.empty()) {
    p << "<b>No finding.</b>";
  } else {
    SeverityCounts by_item{};
    for (const FlaggedItem& f : r.flagged) ++by_item[static_cast<size_t>(f.max_severity)];
    p << "<b>" << Plural(r.flagged.size(), "item needs", "items need")
      << " a look</b>: " << by_item[2] << " high, " << by_item[1] << " medium, " << by_item[0]
      << " low (" << Plural(r.finding_count, "finding", "findings") << ").";
  }
  p << "</p>\n<table class=\"summary\"><thead><tr><th>Category</th><th class=\"n\">High</th>"
       "<th class=\"n\">Medium</th><th class=\"n\">Low</th><th class=\"n\">Total</th></tr></thead>"
       "<tbody>\n";
  SeverityCounts totals{};
  for (int c = 0; c < kCategoryCount; ++c) {
    const SeverityCounts& n = r.findings[static_cast<size_t>(c)];
    p << "<tr><td>" << CategoryTitle(static_cast<Category>(c)) << "</td>";
    for (int s = kSeverityCount - 1; s >= 0; --s) {
      size_t v = n[static_cast<size_t>(s)];
      totals[static_cast<size_t>(s)] += v;
      p << (v ? "<td class=\"n\">" : "<td class=\"n zero\">") << v << "</td>";
    }
    p << "<td class=\"n\">" << (n[0] + n[1] + n[2]) << "</td></tr>\n";
  }
  p << "</tbody><tfoot><tr><td>All categories</td><td class=\"n\">" << totals[2]
    << "</td><td class=\"n\">" << totals[1] << "</td><td class=\"n\">" << totals[0]
    << "</td><td class=\"n\">" << r.finding_count << "</td></tr></tfoot></table>\n</section>\n";
}

void WriteTimeline(const AuditReport& r, Page& p) {
  p << "<section id=\"timeline\"><h2>Findings over time</h2>\n";
  std::string svg = FindingsChartSvg(r.by_month);
  if (svg.empty())
    p << "<p>No dated finding to chart.</p>\n";
  else
    p << svg << "\n";
  if (r.findings_without_date > 0)
    p << "<p class=\"more\">" << Plural(r.findings_without_date, "finding has", "findings have")
      << " no usable date and are not charted.</p>\n";
  p << "</section>\n";
}

// The item's text with each finding's span in a <mark>.
void WriteHighlighted(const FlaggedItem& f, Page& p) {
  const std::string& text = f.item.text;
  struct Span {
    size_t begin, end;
    const Finding* finding;
  };
  std::vector<Span> spans;
  Utf16ToUtf8 map(text);
  for (const Finding& x : f.findings) {  // sorted by start, so the map walks forward
    size_t b = map.ByteOffset(x.start);
    size_t e = map.ByteOffset(std::max(x.start, x.end));
    if (e > b) spans.push_back({b, e, &x});
  }
  std::set<size_t> cuts = {0, text.size()};
  for (const Span& s : spans) {
    cuts.insert(s.begin);
    cuts.insert(s.end);
  }
  p << "<div class=\"text\">";
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    size_t b = *it, e = *std::next(it);
    std::string_view piece = std::string_view(text).substr(b, e - b);
    const Finding* top = nullptr;
    std::string why;
    for (const Span& s : spans) {
      if (s.begin > b || s.end < e) continue;
      if (!top || s.finding->severity > top->severity) top = s.finding;
      if (!why.empty()) why += "\n";
      why += std::string(CategoryTitle(s.finding->category)) + ": " + s.finding->message;
    }
    if (!top) {
      p.Text(piece);
      continue;
    }
    p << "<mark class=\"sev-" << SevName(top->severity) << "\" title=\"";
    p.Text(why);
    p << "\">";
    p.Text(piece);
    p << "</mark>";
  }
  p << "</div>\n";
}

void WriteItem(const FlaggedItem& f, size_t index, Page& p) {
  const ExportItem& item = f.item;
  const char* sev = SevName(f.max_severity);
  p << "<article class=\"item sev-" << sev << "\" id=\"item-" << index << "\"><header>"
    << "<span class=\"badge sev-" << sev << "\">" << sev << "</span> <b>"
    << (item.kind == ItemKind::kPost      ? "Post"
        : item.kind == ItemKind::kComment ? "Comment"
                                          : "Article")
    << "</b>";
  if (!item.date.empty()) {
    p << " &middot; <time>";
    p.Text(item.date);
    p << "</time>";
  }
  if (!item.visibility.empty()) {
    p << " &middot; ";
    p.Text(item.visibility);
  }
  p << " &middot; ";
  p.Text(item.file);
  if (item.line) p << " line " << item.line;
  if (!item.url.empty()) {
    p << " &middot; <a class=\"open\" href=\"";
    p.Text(item.url);
    p << "\" rel=\"noreferrer noopener\" target=\"_blank\">Open on LinkedIn to edit or delete</a>";
  } else {
    p << " &middot; no link in the export";
  }
  p << "</header>\n";
  if (!item.title.empty()) {
    p << "<h3>";
    p.Text(item.title);
    p << "</h3>\n";
  }
  WriteHighlighted(f, p);
  p << "<ol class=\"findings\">";
  Utf16ToUtf8 map(item.text);
  for (const Finding& x : f.findings) {
    size_t b = map.ByteOffset(x.start);
    size_t e = map.ByteOffset(std::max(x.start, x.end));
    p << "<li><span class=\"badge sev-" << SevName(x.severity) << "\">" << SevName(x.severity)
      << "</span> <b>" << CategoryTitle(x.category) << "</b>";
    if (e > b) {
      p << " <span class=\"span\">&ldquo;";
      p.Text(std::string_view(item.text).substr(b, std::min<size_t>(e - b, 300)));
      p << "&rdquo;</span>";
    }
    p << ": ";
    p.Text(x.message);
    if (!x.suggestion.empty()) {
      p << "<div class=\"suggestion\">Safer: ";
      p.Text(x.suggestion);
      p << "</div>";
    }
    p << "</li>";
  }
  p << "</ol></article>\n";
}

void WriteItems(const AuditReport& r, Page& p) {
  p << "<section id=\"items\"><h2>To review, most severe first</h2>\n";
  if (r.flagged.empty())
    p << "<p>Nothing in this export matched a rule or one of your keyword lists.</p>\n";
  for (size_t i = 0; i < r.flagged.size(); ++i) WriteItem(r.flagged[i], i + 1, p);
  p << "</section>\n";
}

std::string_view ProblemTitle(ProblemKind k) {
  switch (k) {
    case ProblemKind::kMissingFile:
      return "Missing files";
    case ProblemKind::kMissingColumn:
      return "Missing columns";
    case ProblemKind::kUnknownColumn:
      return "Unknown columns (ignored)";
    case ProblemKind::kMalformedRow:
      return "Malformed rows";
    case ProblemKind::kNotUtf8:
      return "Text that is not UTF-8 (read as Windows-1252)";
    case ProblemKind::kUnreadable:
      return "Unreadable files or items";
  }
  return "Other";
}

void WriteProblems(const AuditReport& r, Page& p) {
  p << "<section id=\"problems\"><h2>What could not be read cleanly</h2>\n";
  if (r.problems.empty()) {
    p << "<p>Every file and row was read without a problem.</p>\n</section>\n";
    return;
  }
  std::array<size_t, kProblemKindCount> counts{};
  for (const ReadProblem& x : r.problems) ++counts[static_cast<size_t>(x.kind)];
  p << "<p>None of these stopped the audit; everything else was read.</p>\n"
       "<table class=\"problems\"><thead><tr><th>Reason</th><th class=\"n\">Count</th></tr>"
       "</thead><tbody>\n";
  for (int k = 0; k < kProblemKindCount; ++k) {
    if (counts[static_cast<size_t>(k)] == 0) continue;
    p << "<tr><td>" << ProblemTitle(static_cast<ProblemKind>(k)) << "</td><td class=\"n\">"
      << counts[static_cast<size_t>(k)] << "</td></tr>\n";
  }
  p << "</tbody></table>\n<table class=\"problem-list\"><thead><tr><th>File</th><th "
       "class=\"n\">Line</th><th>What</th></tr></thead><tbody>\n";
  std::array<size_t, kProblemKindCount> listed{};
  size_t hidden = 0;
  for (const ReadProblem& x : r.problems) {
    if (listed[static_cast<size_t>(x.kind)]++ >= kMaxProblemsListed) {
      ++hidden;
      continue;
    }
    p << "<tr><td>";
    p.Text(x.file);
    p << "</td><td class=\"n\">";
    if (x.line) p << x.line;
    p << "</td><td>";
    p.Text(x.reason);
    p << "</td></tr>\n";
  }
  p << "</tbody></table>\n";
  if (hidden) p << "<p class=\"more\">" << hidden << " more are listed in report.json.</p>\n";
  p << "</section>\n";
}

}  // namespace

std::string_view CategoryTitle(Category c) {
  switch (c) {
    case Category::kConfidential:
      return "Confidential markers";
    case Category::kCaseStudy:
      return "Client and campaign results";
    case Category::kStrategy:
      return "Non-public plans";
    case Category::kPrelaunch:
      return "Product news before launch";
    case Category::kCompetitor:
      return "Competitor intelligence";
    case Category::kKeyword:
      return "Your keyword lists";
    case Category::kPii:
      return "Other people's personal data";
  }
  return "Other";
}

void WriteHtmlReport(const AuditReport& report, std::ostream& out) {
  Page p(out);
  WriteHead(report, p);
  WriteIntro(report, p);
  WriteSummary(report, p);
  WriteTimeline(report, p);
  WriteItems(report, p);
  WriteProblems(report, p);
  p << "<footer>Written by draftguard " << DG_VERSION
    << " on this computer from your LinkedIn data export. The same results are in report.json "
       "for scripts. Findings are hints: you decide what is confidential.</footer>\n"
       "</main>\n</body>\n</html>\n";
}

}  // namespace draftguard::audit
