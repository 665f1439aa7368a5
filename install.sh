#!/usr/bin/env bash
# DraftGuard quick start, step 1 of 2 (run as root on Debian 12, or with sudo):
# installs the build and test dependencies from Debian's packages and npm,
# builds the native host and the extension, installs the host for your
# browsers and scans a bundled sample draft.
#
#   ./install.sh            (step 2: tests/run_all.sh)
#
# Environment: DG_BUILD_DIR (default: build), DG_SKIP_APT=1 to skip apt-get.
set -euo pipefail
cd "$(dirname "$0")"
build=${DG_BUILD_DIR:-build}
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ "${DG_SKIP_APT:-0}" != 1 ]; then
  step "Installing dependencies (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  packages=(
    build-essential cmake pkg-config python3 openssl ca-certificates
    libboost-json1.81-dev libre2-dev libsodium-dev libutf8proc-dev libzip-dev doctest-dev
    # tests: the fuzzer, the browsers the end-to-end tests drive, packaging
    clang libclang-rt-14-dev chromium chromium-l10n firefox-esr xvfb dpkg-dev file
  )
  # The extension's toolchain wants Node.js >= 20; keep the one installed.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

step "Building the native host ($build/bin/draftguard)"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DDG_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target draftguard

step "Building the extension (extension/dist/chromium, extension/dist/firefox)"
(cd extension && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)

step "Installing the native host for your browsers"
"$build/bin/draftguard" install --browser all

step "Scanning the bundled sample draft (native-host/samples/leaky-post.txt)"
"$build/bin/draftguard" scan --lists native-host/samples/lists.json native-host/samples/leaky-post.txt || true

cat <<MSG

Done. Load the extension: open chrome://extensions (or edge://, brave://),
switch on Developer mode, "Load unpacked" and pick $(pwd)/extension/dist/chromium.
Firefox: about:debugging → This Firefox → Load Temporary Add-on →
$(pwd)/extension/dist/firefox/manifest.json.
Check the setup any time with: $build/bin/draftguard doctor
Run the tests with: tests/run_all.sh
MSG
