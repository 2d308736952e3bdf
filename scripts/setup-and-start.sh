#!/usr/bin/env bash
# The README's run command for a fresh machine:  bash scripts/setup-and-start.sh
#
#   1. On Debian/Ubuntu, installs what running Porchlight needs (with sudo when not root): the C/C++
#      toolchain and libsecret-1-dev that keytar's build needs (make, g++, python3, pkgconf), Node.js
#      and npm when there is none (any version: step 2 brings the pinned one), and Chromium for the
#      PDF export. On other systems it says what to install.
#   2. Installs the npm dependencies exactly as locked, under Node >= 22.13 (scripts/npm-ci.sh: the
#      system's Node when new enough, else the pinned Node 22 from the npm registry) — skipped when
#      node_modules is already up to date with package-lock.json.
#   3. Checks for a Secret Service (the keychain on Linux). If none runs, it says so and how to get
#      one; it never creates a keyring itself (a keyring with an empty password would leave the
#      secrets readable on disk). Porchlight still starts; the steps that keep a secret say why they
#      cannot.
#   4. Starts Porchlight (npm start: the desktop app, or browser mode on 127.0.0.1 without Electron).
#
# SETUP_ONLY=1 stops after step 3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
me="porchlight setup"
say() { echo "$me: $*"; }
fail() {
  echo "$me: $*" >&2
  exit 1
}

# ---- 1. system packages ---------------------------------------------------------------------------
packages=(make g++ python3 pkgconf libsecret-1-dev)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
case "$(uname -s)" in
  Linux)
    if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
      installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
      SUDO=()
      if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
      # Chromium prints the PDF report; Debian packages it as chromium (Ubuntu ships it as a snap, so
      # it is added only where the package sources have it — known after apt-get update).
      installed chromium || packages+=('chromium?')
      missing=()
      for p in "${packages[@]}"; do installed "${p%\?}" || missing+=("$p"); done
      if ((${#missing[@]})); then
        if [[ "$(id -u)" -ne 0 ]] && ((${#SUDO[@]} == 0)); then
          fail "installing ${missing[*]//\?/} needs root: run this again as root, or install them yourself."
        fi
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update did not work: are the package sources reachable?"
        wanted=()
        for p in "${missing[@]}"; do
          if [[ "$p" == *\? ]]; then apt-cache show "${p%\?}" >/dev/null 2>&1 && wanted+=("${p%\?}"); else wanted+=("$p"); fi
        done
        if ((${#wanted[@]})); then
          say "installing ${wanted[*]} (Debian/Ubuntu packages)"
          "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" </dev/null >/dev/null || fail "apt-get install ${wanted[*]} did not work"
        fi
      else
        say "the system packages Porchlight needs are installed"
      fi
      command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 \
        || say "note: no Chromium or Chrome found, so the PDF export will say it cannot run (HTML and JSON work); install Chromium for it"
    else
      say "this is not Debian/Ubuntu: install a C/C++ toolchain (make, g++), python3, pkg-config, libsecret-1 development files and Node.js with npm, then run this again"
    fi
    ;;
  Darwin)
    xcode-select -p >/dev/null 2>&1 || fail "install Apple's command line tools first (xcode-select --install); they build the keychain module"
    command -v node >/dev/null 2>&1 || fail "install Node.js (22 LTS or any version with npm) from nodejs.org or Homebrew first"
    ;;
  *) say "on Windows, use README's steps: Node.js 22 LTS with npm and the Visual Studio C++ build tools" ;;
esac

# ---- 2. npm dependencies ---------------------------------------------------------------------------
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json && -f node_modules/keytar/build/Release/keytar.node ]]; then
  say "npm dependencies are up to date"
else
  bash scripts/npm-ci.sh || fail "installing the npm dependencies did not work (see above)"
fi

# ---- 3. the keychain (Secret Service) ---------------------------------------------------------------
if [[ "$(uname -s)" == Linux ]]; then
  have_secrets=0
  if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] && command -v dbus-send >/dev/null 2>&1; then
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
      have_secrets=1
    fi
    if ((have_secrets == 0)) && dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.ListActivatableNames 2>/dev/null | grep -q '"org.freedesktop.secrets"'; then
      have_secrets=1
    fi
  fi
  if ((have_secrets)); then
    say "a keychain (Secret Service) is available: passwords will be kept there"
  else
    cat <<'MSG'

porchlight setup: NO KEYCHAIN — no Secret Service is running in this session, so Porchlight cannot keep
  the Wi-Fi passphrase, router and device passwords or recovery codes (it keeps them nowhere else).
  How to get one: log in to a desktop session that runs GNOME Keyring or KWallet. On Debian/Ubuntu:
      sudo apt-get install gnome-keyring     (then log out and in again)
  Over SSH or without a desktop, the keyring is unlocked by your login password only in a desktop
  session. Porchlight does not create a keyring for you: a keyring with an empty password would leave
  your secrets readable on disk. Porchlight starts anyway; the steps that keep a secret say so.

MSG
  fi
fi

[[ "${SETUP_ONLY:-0}" == 1 ]] && { say "setup done (SETUP_ONLY=1: not starting)"; exit 0; }

# ---- 4. start -------------------------------------------------------------------------------------
say "starting Porchlight (npm start)"
exec npm start
