#include "audit/progress_bar.h"

#include <unistd.h>

#include <algorithm>

namespace draftguard::audit {
namespace {

constexpr int kBarWidth = 30;

// "250 000": digits grouped by three for reading at a glance.
std::string Grouped(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* out, bool enabled, std::string_view label)
    : out_(out), enabled_(enabled && out != nullptr), label_(label) {}

ProgressBar ProgressBar::ForStderr(std::string_view label) {
  return ProgressBar(stderr, isatty(fileno(stderr)) == 1, label);
}

ProgressBar::~ProgressBar() { Finish(); }

std::string ProgressBar::Render(std::string_view label, size_t done, size_t total, int width) {
  done = std::min(done, total);
  int filled =
      total ? static_cast<int>(static_cast<double>(done) * width / static_cast<double>(total))
            : width;
  int percent = total ? static_cast<int>(done * 100 / total) : 100;
  std::string line(label);
  line += "  [";
  line.append(static_cast<size_t>(filled), '#');
  line.append(static_cast<size_t>(width - filled), '-');
  line += "] ";
  std::string pct = std::to_string(percent);
  line.append(4 - std::min<size_t>(pct.size(), 3), ' ');
  line += pct + "%  " + Grouped(done) + "/" + Grouped(total);
  return line;
}

void ProgressBar::Update(size_t done, size_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  std::string line = Render(label_, done, total, kBarWidth);
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  if (drawn_) {
    std::fputs("\r\x1b[K", out_);
    std::fflush(out_);
  }
  enabled_ = false;
}

}  // namespace draftguard::audit
