#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real GNOME Keyring Secret Service.
#
#   bash scripts/with-keyring.sh CMD [ARGS...]
#
# Every run gets a fresh XDG_DATA_HOME (where the keyring files live) and XDG_RUNTIME_DIR, so no
# run sees another run's secrets and nothing touches the user's own keychain. The daemon is started
# with a throw-away password on stdin (--unlock), which creates and unlocks the "login" keyring;
# the command runs only once the bus name org.freedesktop.secrets is owned. The command's exit code
# is propagated; the daemon and the temporary directories are removed afterwards, also on failure.
#
# Environment:
#   WITH_KEYRING_TIMEOUT   seconds to wait for the Secret Service (default 20)
#   WITH_KEYRING_VERBOSE=1 print what is started and cleaned up
set -euo pipefail

me="with-keyring"
say() { if [[ "${WITH_KEYRING_VERBOSE:-0}" == 1 ]]; then echo "$me: $*" >&2; fi; }
die() { echo "$me: ERROR: $*" >&2; exit 70; }

# ---- inner stage: we are inside dbus-run-session ---------------------------------------------
if [[ "${1:-}" == "--inner" ]]; then
  shift
  [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || die "no D-Bus session bus inside dbus-run-session"
  password="porchlight-test-$RANDOM$RANDOM"
  daemon_log="$XDG_RUNTIME_DIR/gnome-keyring.log"
  # The password goes on stdin (never argv); the daemon reads it until EOF and unlocks "login".
  printf '%s' "$password" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$daemon_log" 2>&1 &
  daemon_pid=$!
  unset password
  stop_daemon() {
    if kill -0 "$daemon_pid" 2>/dev/null; then
      say "stopping gnome-keyring-daemon (pid $daemon_pid)"
      kill "$daemon_pid" 2>/dev/null || true
      wait "$daemon_pid" 2>/dev/null || true
    fi
  }
  trap stop_daemon EXIT
  trap 'stop_daemon; exit 130' INT
  trap 'stop_daemon; exit 143' TERM

  timeout_s="${WITH_KEYRING_TIMEOUT:-20}"
  polls=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
      sed 's/^/  | /' "$daemon_log" >&2 || true
      die "gnome-keyring-daemon exited before it owned org.freedesktop.secrets (is the gnome-keyring package installed?)"
    fi
    if (( polls++ >= timeout_s * 10 )); then
      sed 's/^/  | /' "$daemon_log" >&2 || true
      die "the Secret Service (org.freedesktop.secrets) did not appear on the session bus within ${timeout_s}s"
    fi
    sleep 0.1
  done
  # Then wait until the default collection ("login") exists and is unlocked, so the first
  # secret a test stores never races the daemon's own start-up.
  until dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'; do
    if (( polls++ >= timeout_s * 10 )); then
      sed 's/^/  | /' "$daemon_log" >&2 || true
      die "the Secret Service is up but its default keyring was not unlocked within ${timeout_s}s"
    fi
    sleep 0.1
  done
  say "Secret Service up and unlocked on $DBUS_SESSION_BUS_ADDRESS (daemon pid $daemon_pid)"
  set +e
  "$@"
  status=$?
  set -e
  exit "$status"
fi

# ---- outer stage ------------------------------------------------------------------------------
(( $# > 0 )) || { echo "usage: $0 CMD [ARGS...]" >&2; exit 64; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found: install the Debian packages in scripts/apt-packages.txt (bash scripts/install-test-deps.sh)"
done

base="$(mktemp -d "${TMPDIR:-/tmp}/porchlight-keyring.XXXXXX")"
cleanup() { say "removing $base"; rm -rf -- "$base"; }
trap cleanup EXIT
mkdir -m 700 "$base/data" "$base/runtime"
export XDG_DATA_HOME="$base/data"
export XDG_RUNTIME_DIR="$base/runtime"
# Tells the tests that the keychain they see is this private, throw-away one (the e2e empties it
# before each test; nothing may ever empty a real one).
export PORCHLIGHT_PRIVATE_KEYRING=1
# secret-tool (the tests' second witness of the keychain) prints a secret only in a UTF-8 locale;
# a CI started with an empty environment has none, and a lookup then reads as "nothing stored".
export LC_ALL=C.UTF-8
# Never reach a desktop's own keyring from a test run (the session bus is private anyway).
unset GNOME_KEYRING_CONTROL

# The private session runs in its own process group (setsid), so an interrupt or a TERM sent to
# this script reaches every process of it — the command, the keyring daemon and the bus — and
# none is left behind. stdin is passed through explicitly (a background job would get /dev/null).
# The bus daemon's own chatter (e.g. "Failed to set fd limit" in containers) goes to a log file.
daemon_bin="$(command -v dbus-daemon || echo /usr/bin/dbus-daemon)"
printf '#!/bin/sh\nexec "%s" "$@" 2>>"%s"\n' "$daemon_bin" "$base/runtime/dbus-daemon.log" >"$base/dbus-daemon"
chmod 700 "$base/dbus-daemon"
setsid dbus-run-session --dbus-daemon="$base/dbus-daemon" -- bash "${BASH_SOURCE[0]}" --inner "$@" <&0 &
child=$!
forward() { kill "-$1" -- "-$child" 2>/dev/null || true; }
trap 'forward INT' INT
trap 'forward TERM' TERM
trap 'forward HUP' HUP
set +e
status=0
while :; do
  wait "$child"
  status=$?
  kill -0 "$child" 2>/dev/null || break # wait was only interrupted by a forwarded signal
done
set -e
exit "$status"
