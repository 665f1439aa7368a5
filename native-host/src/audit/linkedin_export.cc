#include "audit/linkedin_export.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "audit/csv_reader.h"
#include "audit/html_escape.h"
#include "audit/html_text.h"
#include "audit/text_encoding.h"

namespace draftguard::audit {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

size_t Depth(std::string_view path) {
  return static_cast<size_t>(std::count(path.begin(), path.end(), '/'));
}

// The shallowest file of `files` called `name` (any case), if any.
std::optional<std::string> FindFile(const std::vector<std::string>& files, std::string_view name) {
  std::optional<std::string> best;
  for (const std::string& f : files) {
    if (!EqualsIgnoreCase(BaseName(f), name)) continue;
    if (!best || Depth(f) < Depth(*best)) best = f;
  }
  return best;
}

bool IsArticleFile(std::string_view path) {
  if (!EndsWithIgnoreCase(path, ".html") && !EndsWithIgnoreCase(path, ".htm")) return false;
  // Any folder component named "Articles".
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) return false;
    if (EqualsIgnoreCase(path.substr(start, slash - start), "articles")) return true;
    start = slash + 1;
  }
}

// Files every LinkedIn export has some of; used to tell an export from
// anything else.
constexpr std::string_view kExportMarkers[] = {
    "Shares.csv",    "Comments.csv",  "Profile.csv",         "Connections.csv",
    "messages.csv",  "Reactions.csv", "Email Addresses.csv", "Registration.csv",
    "Positions.csv", "Skills.csv",    "Invitations.csv",     "Education.csv"};

struct CsvLayout {
  std::string_view text;  // required
  std::string_view date;
  std::string_view link;
  std::string_view visibility;          // may be empty: not in this file
  std::vector<std::string_view> known;  // read by nobody, but expected
};

const CsvLayout& LayoutFor(ItemKind kind) {
  static const CsvLayout kShares{
      "ShareCommentary", "Date", "ShareLink", "Visibility", {"SharedUrl", "MediaUrl"}};
  static const CsvLayout kComments{"Message", "Date", "Link", "", {}};
  return kind == ItemKind::kPost ? kShares : kComments;
}

void AddProblem(ExportContents* out, ProblemKind kind, std::string_view file, size_t line,
                std::string reason) {
  out->problems.push_back({kind, std::string(file), line, std::move(reason)});
}

}  // namespace

std::string_view ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kPost:
      return "post";
    case ItemKind::kComment:
      return "comment";
    case ItemKind::kArticle:
      return "article";
  }
  return "post";
}

std::string_view ProblemKindName(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kMissingFile:
      return "missing_file";
    case ProblemKind::kMissingColumn:
      return "missing_column";
    case ProblemKind::kUnknownColumn:
      return "unknown_column";
    case ProblemKind::kMalformedRow:
      return "malformed_row";
    case ProblemKind::kNotUtf8:
      return "not_utf8";
    case ProblemKind::kUnreadable:
      return "unreadable";
  }
  return "unreadable";
}

std::string MonthOf(std::string_view date) {
  date = Trim(date);
  auto digits = [date](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= date.size() || date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4) || date.size() < 7 || (date[4] != '-' && date[4] != '/') || !digits(5, 2))
    return {};
  int month = (date[5] - '0') * 10 + (date[6] - '0');
  if (month < 1 || month > 12) return {};
  std::string m(date.substr(0, 7));
  m[4] = '-';
  return m;
}

void ReadCsvItems(std::string_view data, std::string_view file, ItemKind kind,
                  ExportContents* out) {
  const CsvLayout& layout = LayoutFor(kind);
  CsvReader reader(data);
  CsvRecord record;
  if (!reader.Next(&record)) return;  // an empty file: nothing posted

  // Map the header.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t text_col = kNone, date_col = kNone, link_col = kNone, vis_col = kNone;
  const size_t columns = record.fields.size();
  for (size_t i = 0; i < columns; ++i) {
    std::string name = record.fields[i];
    RepairUtf8(&name);
    std::string_view n = Trim(name);
    if (EqualsIgnoreCase(n, layout.text))
      text_col = i;
    else if (EqualsIgnoreCase(n, layout.date))
      date_col = i;
    else if (EqualsIgnoreCase(n, layout.link))
      link_col = i;
    else if (!layout.visibility.empty() && EqualsIgnoreCase(n, layout.visibility))
      vis_col = i;
    else if (std::none_of(layout.known.begin(), layout.known.end(),
                          [n](std::string_view k) { return EqualsIgnoreCase(n, k); }))
      AddProblem(out, ProblemKind::kUnknownColumn, file, record.line,
                 "unknown column '" + std::string(n) + "' ignored");
  }
  if (text_col == kNone) {
    AddProblem(out, ProblemKind::kMissingColumn, file, record.line,
               "no '" + std::string(layout.text) + "' column: the file was not audited");
    return;
  }
  if (date_col == kNone)
    AddProblem(out, ProblemKind::kMissingColumn, file, record.line,
               "no '" + std::string(layout.date) + "' column: items have no date");
  if (link_col == kNone)
    AddProblem(out, ProblemKind::kMissingColumn, file, record.line,
               "no '" + std::string(layout.link) + "' column: items have no link");

  while (reader.Next(&record)) {
    if (record.fields.size() != columns) {
      std::string reason = std::to_string(record.fields.size()) + " field" +
                           (record.fields.size() == 1 ? "" : "s") + " where the header has " +
                           std::to_string(columns);
      if (!record.error.empty()) reason += " (" + record.error + ")";
      AddProblem(out, ProblemKind::kMalformedRow, file, record.line, reason + "; row skipped");
      continue;
    }
    if (!record.error.empty())
      AddProblem(out, ProblemKind::kMalformedRow, file, record.line,
                 record.error + "; row read as written");

    ExportItem item;
    item.kind = kind;
    item.file = std::string(file);
    item.line = record.line;
    item.text = std::move(record.fields[text_col]);
    size_t bad = RepairUtf8(&item.text);
    if (date_col != kNone) {
      item.date = std::string(Trim(record.fields[date_col]));
      bad += RepairUtf8(&item.date);
      item.month = MonthOf(item.date);
    }
    if (link_col != kNone) {
      std::string_view link = Trim(record.fields[link_col]);
      if (IsWebUrl(link)) item.url = std::string(link);
    }
    if (vis_col != kNone) {
      item.visibility = std::string(Trim(record.fields[vis_col]));
      bad += RepairUtf8(&item.visibility);
    }
    if (bad > 0)
      AddProblem(out, ProblemKind::kNotUtf8, file, record.line,
                 std::to_string(bad) + " byte" + (bad == 1 ? "" : "s") +
                     " not UTF-8, read as Windows-1252");
    out->items.push_back(std::move(item));
    ++out->counts[static_cast<size_t>(kind)];
  }
}

void ReadArticleItem(std::string_view html, std::string_view file, ExportContents* out) {
  std::string source(html);
  size_t bad = RepairUtf8(&source);
  if (bad > 0)
    AddProblem(
        out, ProblemKind::kNotUtf8, file, 0,
        std::to_string(bad) + " byte" + (bad == 1 ? "" : "s") + " not UTF-8, read as Windows-1252");
  HtmlText parsed = HtmlToText(source);
  ExportItem item;
  item.kind = ItemKind::kArticle;
  item.file = std::string(file);
  item.title = std::move(parsed.title);
  if (IsWebUrl(Trim(parsed.heading_link))) item.url = std::string(Trim(parsed.heading_link));
  // LinkedIn writes "Published on 2024-03-05 09:12" (or "Created on …" for
  // a draft) as a paragraph of its own.
  for (std::string_view marker : {"Published on ", "Created on "}) {
    size_t at = parsed.text.find(marker);
    if (at == std::string::npos) continue;
    size_t start = at + marker.size();
    size_t end = parsed.text.find('\n', start);
    item.date = std::string(
        Trim(std::string_view(parsed.text)
                 .substr(start, end == std::string::npos ? std::string::npos : end - start)));
    item.month = MonthOf(item.date);
    break;
  }
  item.text = std::move(parsed.text);
  out->items.push_back(std::move(item));
  ++out->counts[static_cast<size_t>(ItemKind::kArticle)];
}

Result<ExportContents> ReadLinkedInExport(const ExportSource& source, const ReadOptions& options) {
  const std::vector<std::string>& files = source.files();
  std::vector<std::string> articles;
  for (const std::string& f : files)
    if (IsArticleFile(f)) articles.push_back(f);
  bool is_export = !articles.empty();
  for (std::string_view marker : kExportMarkers)
    if (!is_export && FindFile(files, marker)) is_export = true;
  if (!is_export)
    return Status(ErrorCode::kInvalidArgument,
                  "not a LinkedIn data export: no Shares.csv, Comments.csv, Profile.csv or "
                  "Articles/ inside (download it from "
                  "https://www.linkedin.com/mypreferences/d/download-my-data)");

  ExportContents out;
  auto read = [&](const std::string& file) -> std::optional<std::string> {
    Result<std::string> data = source.Read(file, options.max_file_bytes);
    if (!data.ok()) {
      AddProblem(&out, ProblemKind::kUnreadable, file, 0, data.status().ToString());
      return std::nullopt;
    }
    return std::move(data).value();
  };

  for (auto [name, kind, what] :
       {std::tuple{std::string_view("Shares.csv"), ItemKind::kPost, "posts"},
        std::tuple{std::string_view("Comments.csv"), ItemKind::kComment, "comments"}}) {
    std::optional<std::string> file = FindFile(files, name);
    if (!file) {
      AddProblem(&out, ProblemKind::kMissingFile, name, 0,
                 std::string("not in the export: ") + what + " were not audited");
      continue;
    }
    if (std::optional<std::string> data = read(*file)) ReadCsvItems(*data, *file, kind, &out);
  }
  for (const std::string& file : articles) {
    if (std::optional<std::string> data = read(file)) ReadArticleItem(*data, file, &out);
  }
  return out;
}

}  // namespace draftguard::audit
