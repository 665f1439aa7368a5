// Status and Result<T>: how every fallible call in DraftGuard reports failure.
//
// Design decision: errors are values that carry a stable code, a human
// message and the offending item (a rule id, a term, a field name), in the
// spirit of RE2's error_code()/error()/error_arg() triple. A Result cannot be
// read without checking it first (value() asserts), so failures cannot be
// silently ignored.
#ifndef DRAFTGUARD_STATUS_H_
#define DRAFTGUARD_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace draftguard {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // malformed input: bad UTF-8, bad JSON shape, bad flag
  kBadPattern,       // a regex that RE2 refuses, or a bad lexicon reference
  kBadTerm,          // a list term that normalises to nothing
  kTooLarge,         // input over a configured limit
  kResourceExhausted,// RE2 ran out of its memory budget
  kNotFound,
  kIo,
  kConflict,
  kCorrupt,
};

// Stable lowercase name of a code, used on the wire and in messages.
const char* ErrorCodeName(ErrorCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message, std::string item = {})
      : code_(code), message_(std::move(message)), item_(std::move(item)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // What went wrong, for a person.
  const std::string& message() const { return message_; }
  // The offending item (rule id, term, field, byte offset), may be empty.
  const std::string& item() const { return item_; }
  // "message (item)" or just the message.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string item_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {      // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace draftguard

#endif  // DRAFTGUARD_STATUS_H_
