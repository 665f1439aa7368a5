// Test-only: runs the real `draftguard` binary in host mode on pipes and
// exchanges native-messaging frames with it, one request, one reply.
#ifndef DRAFTGUARD_TESTS_ORG_HOST_PROCESS_H_
#define DRAFTGUARD_TESTS_ORG_HOST_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>

namespace draftguard::org::testing {

class HostProcess {
 public:
  // `env` is added to (and overrides) the current environment.
  HostProcess(const std::string& binary, const std::map<std::string, std::string>& env,
              const std::vector<std::string>& args = {"chrome-extension://lgconcggklpljlcdkfejbfjbpbdhjgin/"}) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
      std::vector<char*> argv{const_cast<char*>(binary.c_str())};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_ = in[1];
    from_ = out[0];
    ::signal(SIGPIPE, SIG_IGN);
  }
  ~HostProcess() { Close(); }

  pid_t pid() const { return pid_; }

  // Sends one request and returns the next reply (null on EOF/timeout).
  boost::json::value Call(const boost::json::value& request, int timeout_ms = 20000) {
    std::string body = boost::json::serialize(request);
    uint32_t n = static_cast<uint32_t>(body.size());
    std::string frame(reinterpret_cast<const char*>(&n), 4);
    frame += body;
    if (::write(to_, frame.data(), frame.size()) != static_cast<ssize_t>(frame.size())) return nullptr;
    std::string len;
    if (!ReadExactly(4, &len, timeout_ms)) return nullptr;
    uint32_t m;
    std::memcpy(&m, len.data(), 4);
    std::string reply;
    if (!ReadExactly(m, &reply, timeout_ms)) return nullptr;
    return boost::json::parse(reply);
  }

  // Closes stdin and waits; the exit status, or -1.
  int Close() {
    if (pid_ <= 0) return -1;
    ::close(to_);
    ::close(from_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  bool ReadExactly(size_t n, std::string* out, int timeout_ms) {
    out->clear();
    char buf[65536];
    while (out->size() < n) {
      pollfd p{from_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) return false;
      ssize_t r = ::read(from_, buf, std::min(sizeof buf, n - out->size()));
      if (r <= 0) return false;
      out->append(buf, static_cast<size_t>(r));
    }
    return true;
  }

  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
};

}  // namespace draftguard::org::testing

#endif  // DRAFTGUARD_TESTS_ORG_HOST_PROCESS_H_
