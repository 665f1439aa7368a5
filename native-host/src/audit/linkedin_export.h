// What a LinkedIn data export holds that the audit reads: the member's
// posts (Shares.csv), comments (Comments.csv) and articles
// (Articles/Articles/*.html), as items of text with their date and link.
//
// Design decision: reading never stops on bad data. A missing file, an
// unknown column, a malformed row, text that is not UTF-8 or a file too
// large to read becomes a ReadProblem with the file, the line and the
// reason, and everything else is still read; only a source that does not
// look like a LinkedIn export at all is an error. Columns are found by
// their header name (case and surrounding spaces ignored), so LinkedIn
// reordering or adding columns does not break the reader.
//
// The files (as LinkedIn writes them):
//   Shares.csv    Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility
//   Comments.csv  Date, Link, Message
//   Articles/Articles/<slug>.html  one article; <h1><a href=URL>title</a></h1>,
//                 "Created on 2024-03-05 09:12" / "Published on …" lines, body
// They may sit at the root of the archive or one folder down (an unpacked
// "Basic_LinkedInDataExport_…" folder); the shallowest match is used.
#ifndef DRAFTGUARD_AUDIT_LINKEDIN_EXPORT_H_
#define DRAFTGUARD_AUDIT_LINKEDIN_EXPORT_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "audit/export_source.h"
#include "draftguard/status.h"

namespace draftguard::audit {

enum class ItemKind { kPost, kComment, kArticle };
inline constexpr int kItemKindCount = 3;
// "post", "comment", "article".
std::string_view ItemKindName(ItemKind kind);

// One post, comment or article.
struct ExportItem {
  ItemKind kind = ItemKind::kPost;
  std::string file;   // path inside the export: "Shares.csv"
  size_t line = 0;    // line where its CSV row starts; 0 for an article
  std::string date;   // as the export writes it: "2024-03-05 09:12:44"
  std::string month;  // "2024-03"; empty when the date is not understood
  // Link to the item on LinkedIn, to edit or delete it. Only http(s) links
  // are kept; empty when there is none.
  std::string url;
  std::string visibility;  // posts: "MEMBER_NETWORK", "PUBLIC", …
  std::string title;       // articles
  std::string text;        // always valid UTF-8 (see text_encoding.h)
};

enum class ProblemKind {
  kMissingFile,    // an expected file is not in the export
  kMissingColumn,  // a needed column is absent: the file is skipped
  kUnknownColumn,  // a column we do not know; ignored
  kMalformedRow,   // bad quoting, or a wrong number of fields
  kNotUtf8,        // bytes that are not UTF-8, read as Windows-1252
  kUnreadable,     // a file that could not be read (too large, corrupt)
};
inline constexpr int kProblemKindCount = 6;
// "missing_file", "missing_column", "unknown_column", "malformed_row",
// "not_utf8", "unreadable".
std::string_view ProblemKindName(ProblemKind kind);

struct ReadProblem {
  ProblemKind kind = ProblemKind::kMalformedRow;
  std::string file;
  size_t line = 0;  // 0: the file as a whole
  // For a person, never quoting post text: "4 fields where the header has 6;
  // row skipped".
  std::string reason;
};

struct ExportContents {
  std::vector<ExportItem> items;  // posts, then comments, then articles
  std::vector<ReadProblem> problems;
  std::array<size_t, kItemKindCount> counts{};  // items per ItemKind
};

struct ReadOptions {
  // Largest single file read, in bytes (a CSV of 50 000 posts is ~30 MB).
  size_t max_file_bytes = size_t{1} << 30;
};

// Reads the posts, comments and articles of `source`. Fails with
// kInvalidArgument only if `source` holds none of the files a LinkedIn
// export has (Shares.csv, Comments.csv, Articles/, Profile.csv,
// Connections.csv, …).
// Cost: reads each file once; linear in the export's size.
Result<ExportContents> ReadLinkedInExport(const ExportSource& source,
                                          const ReadOptions& options = {});

// The CSV part on its own, for tests and other callers: appends the rows of
// one Shares.csv (kind kPost) or Comments.csv (kind kComment) held in
// `data` to *out. `file` names it in items and problems.
void ReadCsvItems(std::string_view data, std::string_view file, ItemKind kind, ExportContents* out);

// The article part on its own: appends the article in `html` to *out.
void ReadArticleItem(std::string_view html, std::string_view file, ExportContents* out);

// "2024-03" from a date starting "2024-03-05" or "2024/03/05"; empty when
// the date does not start that way.
std::string MonthOf(std::string_view date);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_LINKEDIN_EXPORT_H_
