#!/usr/bin/env bash
# check-spawned-programs: not a test dependency (it installs its own tools: mmdebstrap)
#
# The real proof that the README's test command works on a FRESH Debian machine: nothing installed by
# hand on this one can hide a missing install step there.
#
#   1. builds a minimal Debian root with mmdebstrap (variant minbase: only Essential and
#      Priority: required packages, plus ca-certificates, git and Debian's own nodejs + npm — the
#      only Node a fresh Debian has; scripts/npm-ci.sh fetches the pinned Node 22 from the npm registry);
#   2. copies a fresh clone of this checkout's HEAD into it (committed work only, as CI would see it);
#   3. runs `bash .ci/run` there as root with CI=true and no standard input, in private mount and PID
#      namespaces (chroot), exactly as CI runs it. The install steps reach Debian's packages and the
#      npm registry; the tests themselves run, as in CI, with the integration and e2e stages inside a
#      private network namespace that has only loopback (scripts/test.sh).
#
# Usage (as root):  bash scripts/fresh-machine-check.sh
#   FRESH_ROOT=DIR   where to build the Debian root (default: a new directory under /var/tmp)
#   FRESH_SUITE=S    Debian suite (default: this machine's, else bookworm)
#   FRESH_KEEP=1     keep the root afterwards (default: removed)
#   FRESH_REUSE=1    reuse an already built FRESH_ROOT (skips mmdebstrap; the clone is refreshed)
#   FRESH_COMMAND=C  run C instead of `bash .ci/run` (e.g. `bash scripts/install-test-deps.sh` to
#                    prepare a kept root while the machine is busy, then the real run with FRESH_REUSE=1)
# Exit code: that of `bash .ci/run` inside the fresh root (2 when the root could not be built).
# Not run by CI (it takes a Debian download and a full test run); the result belongs in the notes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
me="fresh-machine-check"
say() { echo "$me: $*"; }
fail() {
  echo "$me: FAILED: $*" >&2
  exit 2
}

[[ "$(id -u)" -eq 0 ]] || fail "run as root (mmdebstrap, chroot and namespaces need it)"
if ! command -v mmdebstrap >/dev/null 2>&1; then
  say "installing mmdebstrap (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y mmdebstrap </dev/null >/dev/null || fail "apt-get install mmdebstrap"
fi

suite="${FRESH_SUITE:-$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")}"
suite="${suite:-bookworm}"
root="${FRESH_ROOT:-$(mktemp -d /var/tmp/porchlight-fresh.XXXXXX)}"
cleanup() {
  if [[ "${FRESH_KEEP:-0}" != 1 ]]; then
    say "removing $root"
    rm -rf --one-file-system -- "$root"
  else
    say "kept the Debian root in $root"
  fi
}
trap cleanup EXIT

if [[ "${FRESH_REUSE:-0}" == 1 && -x "$root/usr/bin/apt-get" ]]; then
  say "reusing the Debian root in $root"
else
  rm -rf --one-file-system -- "$root"
  say "building a minimal Debian $suite root in $root (mmdebstrap --variant=minbase)"
  mmdebstrap --variant=minbase --include=ca-certificates,git,nodejs,npm "$suite" "$root" \
    || fail "mmdebstrap could not build the Debian root"
fi

say "cloning $(git rev-parse --short HEAD) into the root"
rm -rf -- "$root/work"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$repo" "$root/work/porchlight" || fail "git clone"
git -C "$root/work/porchlight" checkout --quiet "$(git rev-parse HEAD)"
# CI lays a read-only copy of shared/ beside the clone; give the tests the same if it exists here.
[[ -d "$repo/../shared" ]] && cp -r "$repo/../shared" "$root/work/shared" && chmod -R a-w "$root/work/shared"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# A machine of this kind trusts the certificate authorities its network needs (an egress proxy's,
# for instance) and says so to npm and Node; the fresh root gets the same trust, nothing else.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 || say "note: update-ca-certificates failed in the root"
fi
for f in /etc/npmrc /usr/etc/npmrc; do
  if [[ -f "$f" ]] && ! grep -qi 'auth' "$f"; then mkdir -p "$root$(dirname "$f")" && cp "$f" "$root$f"; fi
done
trust_env=()
for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR; do
  [[ -n "${!v:-}" ]] && trust_env+=("$v=${!v}")
done

say "running ${FRESH_COMMAND:-bash .ci/run} inside the fresh root (CI=true, as root, no standard input)"
started=$SECONDS
set +e
unshare --mount --pid --fork --propagation private bash -c '
  set -e
  r="$1"
  mount -t proc proc "$r/proc"
  mount --rbind /sys "$r/sys"
  mount --rbind /dev "$r/dev"
  mount -t tmpfs -o size=4g tmpfs "$r/tmp"
  exec chroot "$r" /usr/bin/env -i HOME=/root CI=true LANG=C.UTF-8 TERM=dumb $3 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /work/porchlight && $2"
' fresh "$root" "${FRESH_COMMAND:-bash .ci/run}" "${trust_env[*]}" </dev/null
status=$?
set -e
say "${FRESH_COMMAND:-bash .ci/run} exited $status after $((SECONDS - started))s on a fresh Debian $suite root"
exit "$status"
