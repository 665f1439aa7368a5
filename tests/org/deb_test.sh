#!/bin/bash
# Builds the Debian package with CPack and checks it: file name, contents,
# dependencies, and that the host starts through each system-wide manifest
# found in the package, unpacked into a throwaway root (dpkg-deb -x).
#
# With DG_DEB_SYSTEM_INSTALL=1, running as root, on a system without a
# draftguard package: also `dpkg -i`, start the host through
# /etc/chromium/native-messaging-hosts, then `apt-get remove` and check that
# nothing is left. Off by default: it touches the real /etc and /usr.
#
# usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
BUILD=$1
VERSION=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$BUILD/CPackConfig.cmake" -B "$WORK/out" >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log"; fail "cpack"; }
DEB="$WORK/out/draftguard_${VERSION}_amd64.deb"
[ -f "$DEB" ] || { ls "$WORK/out"; fail "no draftguard_${VERSION}_amd64.deb"; }
echo "built $(basename "$DEB") ($(stat -c %s "$DEB") bytes)"

INFO=$(dpkg-deb -f "$DEB" Package Version Architecture Depends)
echo "$INFO"
grep -q '^Package: draftguard$' <<<"$INFO" || fail "package name"
grep -q "^Version: ${VERSION}$" <<<"$INFO" || fail "version"
grep -q '^Architecture: amd64$' <<<"$INFO" || fail "architecture"
grep -q 'libsodium23' <<<"$INFO" || fail "Depends lacks libsodium23"

LIST=$(dpkg-deb -c "$DEB" | awk '{print $6}')
MANIFESTS="./etc/chromium/native-messaging-hosts/com.draftguard.host.json
./etc/opt/chrome/native-messaging-hosts/com.draftguard.host.json
./etc/opt/edge/native-messaging-hosts/com.draftguard.host.json
./usr/lib/mozilla/native-messaging-hosts/com.draftguard.host.json"
for f in ./usr/bin/draftguard ./etc/draftguard/packs/ ./usr/share/doc/draftguard/policy/managed_schema.json $MANIFESTS; do
  grep -qxF "$f" <<<"$LIST" || fail "missing $f"
done
if grep -v -e '^\./usr/bin/' -e '^\./etc/' -e '^\./usr/lib/mozilla/' -e '^\./usr/share/doc/draftguard/' \
     -e '^\./$' -e '^\./usr/$' -e '^\./usr/lib/$' -e '^\./usr/share/$' -e '^\./usr/share/doc/$' <<<"$LIST"; then
  fail "unexpected files in the package (above)"
fi

# Sends hello to a host started as a browser would, through a manifest.
# args: ROOT MANIFEST_PATH (relative to ROOT)
start_through_manifest() {
  python3 - "$1" "$2" <<'PY'
import json, os, struct, subprocess, sys, tempfile
root, manifest = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(root, manifest.lstrip('/'))))
assert m["name"] == "com.draftguard.host" and m["type"] == "stdio", m
assert os.path.isabs(m["path"]), m["path"]
binary = os.path.join(root, m["path"].lstrip('/')) if root != "/" else m["path"]
if "allowed_origins" in m:
    assert m["allowed_origins"] == ["chrome-extension://lgconcggklpljlcdkfejbfjbpbdhjgin/"], m
    argv = [binary, m["allowed_origins"][0]]
else:
    assert m["allowed_extensions"] == ["draftguard@draftguard.app"], m
    argv = [binary, "/" + manifest.lstrip('/'), m["allowed_extensions"][0]]
with tempfile.TemporaryDirectory() as home:
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/config",
           "DRAFTGUARD_SYSTEM_DIR": home + "/etc", "DRAFTGUARD_POLICY_PATHS": ""}
    req = json.dumps({"id": 1, "type": "hello", "protocol": 1}).encode()
    p = subprocess.run(argv, input=struct.pack("=I", len(req)) + req, capture_output=True, env=env,
                       cwd=os.path.dirname(binary), timeout=60)
    out = p.stdout
    assert len(out) >= 4, (p.returncode, p.stderr.decode()[-2000:])
    n = struct.unpack("=I", out[:4])[0]
    reply = json.loads(out[4:4 + n])
    assert reply["type"] == "hello" and reply["id"] == 1 and "org" in reply, reply
    print("ok:", manifest, "->", m["path"], "version", reply["version"], "rules", reply["rules"])
PY
}

ROOT="$WORK/root"
dpkg-deb -x "$DEB" "$ROOT"
[ -x "$ROOT/usr/bin/draftguard" ] || fail "binary not executable"
for m in $MANIFESTS; do start_through_manifest "$ROOT" "${m#.}"; done
"$ROOT/usr/bin/draftguard" pack --help >/dev/null || fail "pack --help"

if [ "${DG_DEB_SYSTEM_INSTALL:-0}" = 1 ]; then
  [ "$(id -u)" = 0 ] || fail "DG_DEB_SYSTEM_INSTALL=1 needs root"
  if dpkg -s draftguard >/dev/null 2>&1; then fail "a draftguard package is already installed; not touching it"; fi
  dpkg -i "$DEB" || { apt-get install -f -y; }
  trap 'apt-get remove -y draftguard >/dev/null 2>&1 || dpkg -r draftguard; rm -rf "$WORK"' EXIT
  for m in $MANIFESTS; do start_through_manifest / "${m#.}"; done
  apt-get remove -y draftguard >/dev/null 2>&1 || dpkg -r draftguard
  for m in $MANIFESTS; do [ ! -e "/${m#./}" ] || fail "/${m#./} left after remove"; done
  [ ! -e /usr/bin/draftguard ] || fail "/usr/bin/draftguard left after remove"
  [ ! -e /etc/draftguard/packs ] || fail "/etc/draftguard/packs left after remove"
  echo "ok: dpkg -i, host started through /etc/chromium/native-messaging-hosts, apt-get remove left nothing"
  trap 'rm -rf "$WORK"' EXIT
fi
echo "deb test passed"
