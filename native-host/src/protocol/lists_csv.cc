#include "protocol/lists_csv.h"

#include <map>
#include <utility>
#include <vector>

namespace draftguard::protocol {
namespace {

void AppendField(std::string* out, std::string_view f) {
  bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!f.empty() && (f.front() == ' ' || f.back() == ' '));
  if (!quote) {
    out->append(f);
    return;
  }
  out->push_back('"');
  for (char c : f) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

Status LineError(size_t line, const std::string& what) {
  std::string item = "line " + std::to_string(line);
  return Status(ErrorCode::kInvalidArgument, item + ": " + what, item);
}

// Splits RFC 4180 records. *line is the line where each record starts.
Status ReadRecords(std::string_view s, std::vector<std::pair<size_t, std::vector<std::string>>>* out) {
  size_t i = 0, line = 1;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < s.size()) {
    size_t start_line = line;
    std::vector<std::string> rec;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      field.clear();
      if (i < s.size() && s[i] == '"') {
        ++i;
        for (;;) {
          if (i >= s.size()) return LineError(start_line, "unterminated quoted field");
          char c = s[i++];
          if (c == '"') {
            if (i < s.size() && s[i] == '"') {
              field.push_back('"');
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
        }
        if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
          return LineError(line, "text after a closing quote");
        }
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
          if (s[i] == '"') return LineError(line, "a quote inside an unquoted field");
          field.push_back(s[i++]);
        }
      }
      rec.push_back(field);
      if (i >= s.size()) {
        end_of_record = true;
      } else if (s[i] == ',') {
        ++i;
      } else {
        if (s[i] == '\r') ++i;
        if (i < s.size() && s[i] == '\n') ++i;
        ++line;
        end_of_record = true;
      }
    }
    bool blank = rec.size() == 1 && rec[0].empty();
    if (!blank) out->emplace_back(start_line, std::move(rec));
  }
  return Status::Ok();
}

}  // namespace

std::string ListsToCsv(const ListsDocument& doc) {
  std::string out(kCsvHeader);
  out += "\r\n";
  for (const auto& [scope, lists] : doc.domains) {
    for (const TermList& list : lists) {
      for (const std::string& term : list.terms) {
        AppendField(&out, scope);
        out.push_back(',');
        AppendField(&out, list.name);
        out.push_back(',');
        out.append(CategoryName(list.category));
        out.push_back(',');
        out.append(SeverityName(list.severity));
        out.push_back(',');
        AppendField(&out, term);
        out += "\r\n";
      }
    }
  }
  return out;
}

Result<ListsDocument> ListsFromCsv(std::string_view csv) {
  std::vector<std::pair<size_t, std::vector<std::string>>> records;
  Status s = ReadRecords(csv, &records);
  if (!s.ok()) return s;
  if (records.empty()) return LineError(1, "empty: expected the header \"" + std::string(kCsvHeader) + "\"");
  {
    std::string header;
    for (size_t k = 0; k < records[0].second.size(); ++k) {
      if (k) header.push_back(',');
      for (char c : records[0].second[k]) header.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    if (header != kCsvHeader) {
      return LineError(records[0].first, "expected the header \"" + std::string(kCsvHeader) + "\"");
    }
  }
  ListsDocument doc;
  // (scope, name) → index in doc.domains[scope]
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& [line, f] = records[r];
    if (f.size() != 5) return LineError(line, "expected 5 fields, found " + std::to_string(f.size()));
    Result<std::string> scope = NormalizeScope(f[0]);
    if (!scope.ok()) return LineError(line, "bad domain \"" + f[0] + "\"");
    if (f[1].empty()) return LineError(line, "empty list name");
    Category category = Category::kKeyword;
    if (!f[2].empty()) {
      auto c = ParseCategory(f[2]);
      if (!c) return LineError(line, "unknown category \"" + f[2] + "\"");
      category = *c;
    }
    Severity severity = Severity::kHigh;
    if (!f[3].empty()) {
      auto v = ParseSeverity(f[3]);
      if (!v) return LineError(line, "unknown severity \"" + f[3] + "\"");
      severity = *v;
    }
    if (f[4].empty()) return LineError(line, "empty term");
    auto key = std::make_pair(scope.value(), f[1]);
    std::vector<TermList>& lists = doc.domains[scope.value()];
    auto it = index.find(key);
    if (it == index.end()) {
      TermList list;
      list.name = f[1];
      list.category = category;
      list.severity = severity;
      lists.push_back(std::move(list));
      it = index.emplace(key, lists.size() - 1).first;
    }
    TermList& list = lists[it->second];
    if (list.category != category || list.severity != severity) {
      return LineError(line, "list \"" + f[1] + "\" has another category or severity on an earlier line");
    }
    list.terms.push_back(f[4]);
  }
  return doc;
}

}  // namespace draftguard::protocol
