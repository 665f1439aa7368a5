// Host mode: what `draftguard` does when a browser starts it.
//
// Design decision: one thread answers the requests in order, and before it
// picks the next one it reads everything the browser has sent meanwhile
// (request_reader.h). So it can see that a newer analyze request for the
// same editor is already waiting and answer the older one `superseded`
// instead of analysing a draft the user has since changed. (The stored
// lists compile on a second thread, so that hello need not wait.)
//
// Stdout carries frames only: fd 1 is pointed at stderr for the whole run,
// and frames go to a private copy of the original stdout, so a stray printf
// cannot corrupt the stream.
//
// The browser names its caller on the command line:
//   Chromium family: draftguard chrome-extension://<id>/ [--parent-window=N]
//   Firefox:         draftguard <path to host manifest> <add-on id>
// A caller that is not one of the built-in extensions (manifests/IDS.md) or
// of config.json's "allowed_extensions" gets one `forbidden_origin` error
// frame, and the host exits with status 1.
#ifndef DRAFTGUARD_HOST_HOST_H_
#define DRAFTGUARD_HOST_HOST_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace draftguard::host {

inline constexpr std::string_view kHostName = "com.draftguard.host";
inline constexpr std::string_view kChromiumExtensionId = "lgconcggklpljlcdkfejbfjbpbdhjgin";
inline constexpr std::string_view kFirefoxExtensionId = "draftguard@draftguard.app";

struct Caller {
  enum class Browser { kChromium, kFirefox };
  Browser browser = Browser::kChromium;
  // Chromium: the 32-letter extension id; Firefox: the add-on id.
  std::string extension_id;
};

// Recognises the arguments a browser passes (argv without the program
// name). nullopt: not started by a browser, behave as the CLI.
std::optional<Caller> DetectCaller(std::span<const std::string_view> args);

// True for a Chromium extension id (32 letters a–p) or a Firefox add-on id
// ("name@domain" or "{uuid}").
bool IsChromiumExtensionId(std::string_view id);
bool IsFirefoxExtensionId(std::string_view id);

struct HostOptions {
  std::string version = "0.0.0";
  // Browser→host frames over this are answered too_large. Overridden by
  // DRAFTGUARD_MAX_FRAME_BYTES (tests) or config.json "max_frame_bytes".
  uint32_t max_frame_bytes = 8u << 20;
  // Default: DefaultStoreDir().
  std::optional<std::filesystem::path> store_dir;
  int in_fd = 0;
  int out_fd = 1;
};

// Serves until stdin closes (status 0) or the caller is refused (status 1).
int RunHost(const Caller& caller, HostOptions options);

// RunHost on stdin/stdout with the default options (what main() calls).
int RunBrowserHost(const Caller& caller, std::string_view version);

}  // namespace draftguard::host

#endif  // DRAFTGUARD_HOST_HOST_H_
