#include "draftguard/status.h"

#include "draftguard/rules.h"

namespace draftguard {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kBadPattern: return "bad_pattern";
    case ErrorCode::kBadTerm: return "bad_term";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kResourceExhausted: return "resource_exhausted";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kIo: return "io_error";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kCorrupt: return "corrupt";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return item_.empty() ? message_ : message_ + " (" + item_ + ")";
}

std::string LoadProblem::ToString() const {
  std::string s = source;
  if (!item.empty()) s += s.empty() ? item : ": " + item;
  return s.empty() ? message : s + ": " + message;
}

const std::string& LocalizedText::In(std::string_view language) const {
  if (language.substr(0, 2) == "fr" && !fr.empty()) return fr;
  return en;
}

}  // namespace draftguard
