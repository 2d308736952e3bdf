#!/usr/bin/env bash
# Runs a command inside the private network namespace the tests use (scripts/test.sh starts it with
# `unshare --net` when it runs as root): brings `lo` up, routes the lab's multicast groups to it
# (scripts/lab-net-up.sh), then makes sure the namespace is what it must be — `lo` the only interface,
# no default route — before it runs the command. So whatever the code under test does, the kernel
# lets it reach nothing but 127.0.0.0/8 (and the lab's loopback multicast).
#
#   unshare --net bash scripts/in-test-netns.sh CMD [ARGS...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
me="in-test-netns"
ip link set lo up
bash scripts/lab-net-up.sh >/dev/null
links="$(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | sort | tr '\n' ' ')"
if [[ "$links" != "lo " ]]; then
  echo "$me: this is not a private network namespace: it has the interfaces ${links}(only lo may exist)" >&2
  exit 70
fi
if [[ -n "$(ip -4 route show default; ip -6 route show default 2>/dev/null)" ]]; then
  echo "$me: the test namespace has a default route; it must have none" >&2
  exit 70
fi
export PORCHLIGHT_TEST_NETNS=1
exec "$@"
