"""Drives the real draftguard binary as a browser would: a child process,
real pipes, 4-byte native-order length prefixes. Shared by the host tests
and usable by hand:  python3 -c 'import dghost; ...'"""
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile

CHROMIUM_ID = "lgconcggklpljlcdkfejbfjbpbdhjgin"
FIREFOX_ID = "draftguard@draftguard.app"
CHROMIUM_ORIGIN = f"chrome-extension://{CHROMIUM_ID}/"


def frame(payload: bytes) -> bytes:
    return struct.pack("=I", len(payload)) + payload


def encode(obj) -> bytes:
    return frame(json.dumps(obj, ensure_ascii=False).encode("utf-8"))


class TempHome:
    """A throwaway HOME and XDG_CONFIG_HOME: tests never touch the real ones."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="dg_host_test.")
        self.config = os.path.join(self.path, "config")
        self.store = os.path.join(self.config, "draftguard")

    def env(self, **extra):
        env = dict(os.environ)
        env["HOME"] = self.path
        env["XDG_CONFIG_HOME"] = self.config
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


class Host:
    def __init__(self, binary, home, args=None, env=None):
        self.proc = subprocess.Popen(
            [os.path.abspath(binary)] + (args if args is not None else [CHROMIUM_ORIGIN]),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env or home.env(), cwd=home.path)
        self.buf = b""

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(encode(obj))

    def _read(self, n, timeout):
        while len(self.buf) < n:
            r, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not r:
                raise TimeoutError(f"no reply within {timeout}s")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise EOFError("host closed stdout")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv_raw(self, timeout=20):
        (n,) = struct.unpack("=I", self._read(4, timeout))
        return self._read(n, timeout)

    def recv(self, timeout=20):
        return json.loads(self.recv_raw(timeout).decode("utf-8"))

    def call(self, obj, timeout=20):
        self.send(obj)
        return self.recv(timeout)

    def close(self, timeout=20):
        """Closes stdin; returns (exit status, stderr text, leftover stdout)."""
        self.proc.stdin.close()
        rest = self.proc.stdout.read()
        err = self.proc.stderr.read().decode("utf-8", "replace")
        return self.proc.wait(timeout), err, self.buf + rest

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


ANY = "<any>"


def matches(golden, actual, path="$"):
    """The golden rule: same keys, same values, except that the string
    "<any>" matches any value. Returns a list of differences."""
    if golden == ANY:
        return []
    if isinstance(golden, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        diffs = []
        for k in sorted(set(golden) | set(actual)):
            if k not in actual:
                diffs.append(f"{path}.{k}: missing")
            elif k not in golden:
                diffs.append(f"{path}.{k}: unexpected {actual[k]!r}")
            else:
                diffs += matches(golden[k], actual[k], f"{path}.{k}")
        return diffs
    if isinstance(golden, list):
        if not isinstance(actual, list) or len(actual) != len(golden):
            return [f"{path}: expected {len(golden)} items, got {actual!r}"]
        diffs = []
        for i, (g, a) in enumerate(zip(golden, actual)):
            diffs += matches(g, a, f"{path}[{i}]")
        return diffs
    if golden != actual or type(golden) is not type(actual):
        return [f"{path}: expected {golden!r}, got {actual!r}"]
    return []
