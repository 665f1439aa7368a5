// An RFC 4180 CSV reader that never gives up on a file.
//
// Design decision: LinkedIn's exports are RFC 4180 (comma separated, fields
// with commas, quotes or line breaks quoted, a quote inside doubled) but
// people open and re-save them, and some rows come out broken. The reader
// therefore returns every record it can see and marks a malformed one with
// the reason instead of stopping: the caller decides whether to use the
// best-effort reading, and reports it either way.
//
// Accepted: a UTF-8 byte order mark at the start, CRLF, LF or lone CR line
// ends, quoted fields spanning lines (their line breaks are kept as written),
// a missing line end after the last record. Blank lines between records are
// skipped.
//
// Example:
//
//   CsvReader reader(data);
//   CsvRecord r;
//   while (reader.Next(&r)) {
//     if (!r.error.empty()) Report(r.line, r.error);
//     Use(r.fields);
//   }
#ifndef DRAFTGUARD_AUDIT_CSV_READER_H_
#define DRAFTGUARD_AUDIT_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace draftguard::audit {

struct CsvRecord {
  std::vector<std::string> fields;
  // 1-based line on which the record starts (a quoted field with line
  // breaks makes a record span several lines).
  size_t line = 0;
  // Empty for a well-formed record; otherwise the first thing wrong with it
  // ("a quote inside an unquoted field", "text after a closing quote", "a
  // quoted field is not closed before the end of the file"). The fields
  // then hold the best-effort reading: stray quotes kept as characters.
  std::string error;
};

class CsvReader {
 public:
  // `data` must outlive the reader.
  explicit CsvReader(std::string_view data);

  // Reads the next record into *record (its previous contents are
  // replaced). Returns false once the data is exhausted.
  // Cost: linear in the record's length.
  bool Next(CsvRecord* record);

 private:
  std::string_view data_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_CSV_READER_H_
