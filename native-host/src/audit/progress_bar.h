// A one-line progress bar on a terminal, and silence anywhere else.
//
// Design decision: progress goes to stderr and only when stderr is a
// terminal, so pipes, logs and CI stay clean; it shows counts only, never
// any text from the export. Redraws are throttled to ~10 per second.
//
//   Auditing  [##############--------------]  48%  120 000/250 000
#ifndef DRAFTGUARD_AUDIT_PROGRESS_BAR_H_
#define DRAFTGUARD_AUDIT_PROGRESS_BAR_H_

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace draftguard::audit {

class ProgressBar {
 public:
  // Draws on `out` if `enabled`; ForStderr() decides that from isatty().
  ProgressBar(std::FILE* out, bool enabled, std::string_view label);
  static ProgressBar ForStderr(std::string_view label);
  ~ProgressBar();  // Finish()
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws for `done` of `total` (throttled, except the final 100 %).
  void Update(size_t done, size_t total);
  // Clears the line; later Updates do nothing.
  void Finish();

  // The line as drawn, without the leading carriage return; for tests.
  static std::string Render(std::string_view label, size_t done, size_t total, int width);

 private:
  std::FILE* out_;
  bool enabled_;
  std::string label_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_PROGRESS_BAR_H_
