#include "audit/csv_reader.h"

namespace draftguard::audit {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

}  // namespace

CsvReader::CsvReader(std::string_view data) : data_(data) {
  if (data_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
}

bool CsvReader::Next(CsvRecord* record) {
  record->fields.clear();
  record->error.clear();

  // Skip blank lines.
  while (pos_ < data_.size() && IsLineEnd(data_[pos_])) {
    if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= data_.size()) return false;

  record->line = line_;
  auto fail = [record](const char* why) {
    if (record->error.empty()) record->error = why;
  };

  const size_t n = data_.size();
  while (true) {
    std::string& field = record->fields.emplace_back();
    if (pos_ < n && data_[pos_] == '"') {
      ++pos_;
      bool closed = false;
      while (pos_ < n) {
        // Copy the run up to the next quote in one go.
        size_t q = data_.find('"', pos_);
        size_t stop = q == std::string_view::npos ? n : q;
        for (size_t i = pos_; i < stop; ++i) {
          if (data_[i] == '\n' || (data_[i] == '\r' && (i + 1 >= n || data_[i + 1] != '\n')))
            ++line_;
        }
        field.append(data_.substr(pos_, stop - pos_));
        pos_ = stop;
        if (pos_ >= n) break;
        if (pos_ + 1 < n && data_[pos_ + 1] == '"') {  // doubled quote
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        closed = true;
        break;
      }
      if (!closed) {
        fail("a quoted field is not closed before the end of the file");
        return true;
      }
      if (pos_ < n && data_[pos_] != ',' && !IsLineEnd(data_[pos_])) {
        fail("text after a closing quote");
        // Keep reading the rest as unquoted text of the same field.
        while (pos_ < n && data_[pos_] != ',' && !IsLineEnd(data_[pos_])) {
          field.push_back(data_[pos_]);
          ++pos_;
        }
      }
    } else {
      size_t start = pos_;
      while (pos_ < n && data_[pos_] != ',' && !IsLineEnd(data_[pos_])) {
        if (data_[pos_] == '"') fail("a quote inside an unquoted field");
        ++pos_;
      }
      field.assign(data_.substr(start, pos_ - start));
    }

    if (pos_ >= n) return true;
    if (data_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // Line end: CRLF, LF or a lone CR.
    if (data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    return true;
  }
}

}  // namespace draftguard::audit
