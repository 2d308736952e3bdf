#!/usr/bin/env bash
# Prepares loopback multicast for the discovery lab (test/lab/discovery): lets `lo` carry multicast
# and routes the two discovery groups to it, so mDNS (224.0.0.251) and SSDP (239.255.255.250)
# never leave this machine. Idempotent: safe to run before every test command.
# Without root (or CAP_NET_ADMIN) it says what it could not do and exits non-zero.
set -euo pipefail

if ! command -v ip >/dev/null 2>&1; then
  echo "lab-net-up: the 'ip' command (iproute2) is missing; install it (apt-get install iproute2)." >&2
  exit 1
fi

run() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"; else
    echo "lab-net-up: need root for: $*" >&2; return 1; fi
}

run ip link set lo multicast on
run ip route replace 224.0.0.251/32 dev lo
run ip route replace 239.255.255.250/32 dev lo
echo "lab-net-up: loopback multicast ready (224.0.0.251, 239.255.255.250 -> lo)"
