#!/usr/bin/env bash
# Installs everything Porchlight's tests need on a fresh Debian machine, as root:
#   1. the Debian packages listed in scripts/apt-packages.txt (one per line; # comments allowed),
#      non-interactively, with a temporary /usr/sbin/policy-rc.d so no service starts;
#   2. the npm dependencies, exactly as locked: npm ci --no-audit --no-fund.
# Idempotent: packages already installed are not fetched again (set FORCE_APT=1 to run apt anyway).
# Fails loudly, naming the step that failed.
#
# Not installed on purpose: Electron's own binary (Electron 45 downloads it on first use, which
# needs the internet; without it the electron e2e project reports itself skipped) and Playwright's
# browsers (the tests use Debian's chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
me="install-test-deps"
say() { echo "$me: $*"; }
fail() {
  echo "" >&2
  echo "$me: FAILED: $*" >&2
  exit 1
}

# ---- privileges ---------------------------------------------------------------------------------
SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    fail "must run as root (or with password-less sudo) to install Debian packages"
  fi
fi

# ---- Debian packages ----------------------------------------------------------------------------
list="${APT_PACKAGES_FILE:-scripts/apt-packages.txt}"
[[ -r "$list" ]] || fail "$list is missing"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$' | sort -u)
(( ${#packages[@]} > 0 )) || fail "$list lists no packages"

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in "${packages[@]}"; do is_installed "$p" || missing+=("$p"); done

if (( ${#missing[@]} == 0 )) && [[ "${FORCE_APT:-0}" != 1 ]]; then
  say "all ${#packages[@]} Debian packages already installed (${packages[*]})"
else
  say "installing Debian packages: ${missing[*]:-${packages[*]}}"
  policy=/usr/sbin/policy-rc.d
  backup=""
  restore_policy() {
    if [[ -n "$backup" ]]; then
      "${SUDO[@]}" mv -f "$backup" "$policy"
    else
      "${SUDO[@]}" rm -f "$policy"
    fi
  }
  if [[ -e "$policy" ]]; then
    backup="$(mktemp /tmp/policy-rc.d.XXXXXX)"
    "${SUDO[@]}" cp -p "$policy" "$backup"
  fi
  trap restore_policy EXIT
  # Exit code 101 = "action forbidden": package scripts must not start daemons on a test machine.
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod 755 "$policy"

  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update \
    || fail "apt-get update (are the Debian package sources reachable?)"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y "${packages[@]}" </dev/null \
    || fail "apt-get install ${packages[*]}"
  restore_policy
  trap - EXIT

  still=()
  for p in "${packages[@]}"; do is_installed "$p" || still+=("$p"); done
  (( ${#still[@]} == 0 )) || fail "still not installed after apt-get: ${still[*]}"
  say "Debian packages ready"
fi

for tool in chromium chromium-headless-shell gnome-keyring-daemon dbus-run-session dbus-send secret-tool pdftotext make g++ pkg-config openssl; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not on PATH after installing the Debian packages"
done

# ---- npm dependencies ---------------------------------------------------------------------------
command -v npm >/dev/null 2>&1 || fail "npm is not installed (any Node.js with npm starts the install; scripts/npm-ci.sh runs npm ci under the pinned Node 22)"
if [[ "${SKIP_NPM_CI:-0}" == 1 ]]; then
  say "SKIP_NPM_CI=1: leaving node_modules as it is"
else
  say "installing npm dependencies from package-lock.json (npm ci, under Node >= 22.13)"
  bash scripts/npm-ci.sh </dev/null || fail "npm ci"
fi
[[ -f node_modules/keytar/build/Release/keytar.node ]] \
  || fail "keytar's native module was not built (node_modules/keytar/build/Release/keytar.node); it needs python3, make, g++ and libsecret-1-dev"
say "done: Debian packages and npm dependencies are installed"
