#!/usr/bin/env bash
# What `npm test` runs: every check Porchlight has, in order, stopping at the first failure.
#
#   programs (every program the tests, scripts and native build run comes from
#   scripts/apt-packages.txt: scripts/check-spawned-programs.mjs) → lint → typecheck → build → unit (vitest) → loopback multicast for the lab (if
#   scripts/lab-net-up.sh exists) → integration (vitest, inside a private GNOME Keyring) →
#   e2e (Playwright, inside a private GNOME Keyring)
#
# The runners' own output stays visible; a banner marks each stage, and the last line sums up the
# tests counted by vitest and Playwright as "Total: N passed, N failed, N skipped".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH" # the pinned Node (the `node` devDependency) and the tools
export FORCE_COLOR="${FORCE_COLOR:-0}"

logdir="$(mktemp -d "${TMPDIR:-/tmp}/porchlight-test.XXXXXX")"
trap 'rm -rf -- "$logdir"' EXIT
passed=0 failed=0 skipped=0
started=$SECONDS

banner() { printf '\n==== %s ====\n' "$*"; }
strip() { sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1"; }

# The first number before WORD in TEXT, or 0.
num() { grep -oE "[0-9]+ $1" <<<"$2" | head -1 | grep -oE '^[0-9]+' || echo 0; }

# vitest: "Tests  2 failed | 57 passed | 3 skipped (62)"
count_vitest() {
  local line
  line="$(strip "$1" | grep -E '^[[:space:]]*Tests[[:space:]]+[0-9]' | tail -1)"
  passed=$((passed + $(num passed "$line")))
  failed=$((failed + $(num failed "$line")))
  skipped=$((skipped + $(num skipped "$line") + $(num todo "$line")))
}
# Playwright's closing lines: "  12 passed (30.1s)", "  1 skipped", "  2 failed", "  1 flaky"
count_playwright() {
  local closing
  closing="$(strip "$1" | grep -E '^[[:space:]]+[0-9]+ (passed|failed|skipped|flaky|did not run|interrupted)( |$)')"
  passed=$((passed + $(num passed "$closing") + $(num flaky "$closing")))
  failed=$((failed + $(num failed "$closing") + $(num interrupted "$closing")))
  skipped=$((skipped + $(num skipped "$closing") + $(num 'did not run' "$closing")))
}

summary() {
  local secs=$((SECONDS - started))
  echo ""
  echo "porchlight tests: $1 after ${secs}s (unit, integration and e2e counts summed)"
  echo "Total: ${passed} passed, ${failed} failed, ${skipped} skipped"
}

# run_stage NAME COUNTER CMD... — runs CMD with its output shown and kept; stops the script on failure.
run_stage() {
  local name="$1" counter="$2"
  shift 2
  local log="$logdir/$name.log" t0=$SECONDS status
  banner "stage: $name — $*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  [[ "$counter" != - ]] && "$counter" "$log"
  if ((status != 0)); then
    banner "FAILED at stage '$name' (exit $status, $((SECONDS - t0))s) — later stages did not run"
    summary "FAILED at stage '$name'"
    exit "$status"
  fi
  echo "---- stage '$name' passed in $((SECONDS - t0))s"
}

run_stage programs - node scripts/check-spawned-programs.mjs
run_stage lint - eslint .
run_stage typecheck - tsc -p tsconfig.json --noEmit
run_stage packaging-security - bash -c 'node scripts/check-builder-config.mjs && node scripts/electronegativity.mjs' # electron-builder schema + Electronegativity (offline)
run_stage build - node scripts/build.mjs
run_stage unit count_vitest vitest run --project unit
netns=()
if [[ "$(id -u)" -eq 0 && "${PORCHLIGHT_TEST_NETNS:-}" != 0 ]]; then
  if ! unshare --net true 2>/dev/null; then
    banner "FAILED: running as root but 'unshare --net' does not work here, so the tests cannot be shut in a private network namespace (set PORCHLIGHT_TEST_NETNS=0 to run them with the JS guard alone)"
    summary "FAILED at stage 'netns'"
    exit 1
  fi
  netns=(unshare --net bash scripts/in-test-netns.sh)
  echo "integration and e2e run inside a private network namespace (only lo; no default route)"
elif [[ -f scripts/lab-net-up.sh ]]; then
  run_stage lab-net - bash scripts/lab-net-up.sh
fi
run_stage integration count_vitest "${netns[@]}" bash scripts/with-keyring.sh vitest run --project integration
if ! ls playwright.config.* >/dev/null 2>&1; then
  banner "FAILED at stage 'e2e': no playwright.config.ts in $(pwd)"
  summary "FAILED at stage 'e2e'"
  exit 1
fi
run_stage e2e count_playwright "${netns[@]}" bash scripts/with-keyring.sh playwright test

banner "all stages passed"
summary "all stages passed"
