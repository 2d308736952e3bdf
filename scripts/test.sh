#!/usr/bin/env bash
# What `npm test` runs: every check Porchlight has, in order, stopping at the first failure.
#
#   programs (every program the tests, scripts and native build run comes from
#   scripts/apt-packages.txt: scripts/check-spawned-programs.mjs), lint, typecheck, the packaging checks
#   and the build at the same time → integration (vitest) and e2e (Playwright, in two halves) at the
#   same time, each inside its own private network namespace and GNOME Keyring, and the unit tests
#   (vitest) beside the last of them. Without private namespaces (not root, or
#   PORCHLIGHT_TEST_NETNS=0): unit → loopback multicast for the lab (if scripts/lab-net-up.sh exists)
#   → integration → e2e, one after the other.
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

# run_checks NAME=CMD... — the static checks and the build at once (each alone keeps one core busy
# at most: ESLint and tsc are single-threaded; ~44 s one after the other here, 38–42 s together). Each
# one's output is kept and shown whole, in the order given, under its own banner once all are done;
# if any failed, the run stops there and names every one that failed.
run_checks() {
  local t0=$SECONDS names=() pids=() failed_names=() spec name i rc
  for spec in "$@"; do
    name="${spec%%=*}"
    names+=("$name")
    { bash -c "${spec#*=}" >"$logdir/$name.log" 2>&1; echo "$?" >"$logdir/$name.rc"; } &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || true; done
  for name in "${names[@]}"; do
    rc="$(cat "$logdir/$name.rc" 2>/dev/null || echo 1)"
    banner "stage: $name"
    cat "$logdir/$name.log"
    if ((rc != 0)); then
      failed_names+=("$name")
      echo "---- stage '$name' FAILED (exit $rc)"
    else
      echo "---- stage '$name' passed"
    fi
  done
  if ((${#failed_names[@]} > 0)); then
    banner "FAILED at stage '${failed_names[*]}' ($((SECONDS - t0))s for the checks together) — later stages did not run"
    summary "FAILED at stage '${failed_names[*]}'"
    exit 1
  fi
  echo "---- checks (${names[*]}) passed together in $((SECONDS - t0))s"
}

run_checks \
  'programs=node scripts/check-spawned-programs.mjs' \
  'lint=eslint .' \
  'typecheck=tsc -p tsconfig.json --noEmit' \
  'packaging-security=node scripts/check-builder-config.mjs && node scripts/electronegativity.mjs' \
  'build=node scripts/build.mjs'
# The bundles are fresh: the integration tests that run the built command skip their own rebuild
# (test/integration/built-bundles.ts; run alone, they build first).
export PORCHLIGHT_BUILT=1
netns=()
if [[ "$(id -u)" -eq 0 && "${PORCHLIGHT_TEST_NETNS:-}" != 0 ]]; then
  if ! unshare --net true 2>/dev/null; then
    banner "FAILED: running as root but 'unshare --net' does not work here, so the tests cannot be shut in a private network namespace (set PORCHLIGHT_TEST_NETNS=0 to run them with the JS guard alone)"
    summary "FAILED at stage 'netns'"
    exit 1
  fi
  netns=(unshare --net bash scripts/in-test-netns.sh)
  echo "unit, integration and e2e run inside private network namespaces (only lo; no default route)"
elif [[ -f scripts/lab-net-up.sh ]]; then
  run_stage lab-net - bash scripts/lab-net-up.sh
fi
if ! ls playwright.config.* >/dev/null 2>&1; then
  banner "FAILED at stage 'e2e': no playwright.config.ts in $(pwd)"
  summary "FAILED at stage 'e2e'"
  exit 1
fi

# The e2e specs in two halves of about equal time (this half alone: ~290 s of CPU in ~4.1 min; side by
# side with the other and the integration lane, 7.5 and 7.8 min: docs/performance.md, session 14);
# lane "e2e-b" runs every spec not named here, so a new spec is never left out.
E2E_A=(accounts.spec.ts audit.spec.ts design.spec.ts known-vulnerabilities.spec.ts one-truth.spec.ts router-automation.spec.ts wizard.spec.ts)
e2e_b=()
for f in test/e2e/*.spec.ts; do
  b="$(basename "$f")"
  [[ " ${E2E_A[*]} " == *" $b "* ]] || e2e_b+=("$b")
done

# run_lanes — integration and the two e2e halves at once, each in its own private network namespace
# (so the labs' fixed loopback addresses and ports cannot collide) with its own keyring, then the unit
# tests (in a namespace of their own) once two of them have ended. Together they keep 2 cores busy
# (Chromium, the harnesses, the labs), so this takes about their summed CPU time over the cores; what
# shortens it is less CPU work per test (see "The test suite's own time" in docs/performance.md). Each
# lane's output is shown as it comes, prefixed by its name, and kept whole for the counts; a failing
# lane's full log is printed again at the end.
run_lanes() {
  local t0=$SECONDS names=(integration e2e-a e2e-b) pids=() status=0 i
  banner "stage: integration, e2e and unit — three lanes at once (${names[*]}), then the unit tests beside the last"
  lane() {
    local name="$1"
    shift
    { "$@" 2>&1; echo "$?" >"$logdir/$name.rc"; } | tee "$logdir/$name.log" | sed -u "s/^/[$name] /"
  }
  lane integration "${netns[@]}" bash scripts/with-keyring.sh vitest run --project integration &
  pids+=($!)
  PORCHLIGHT_PW_OUT="$PWD/test-results/e2e-a" lane e2e-a "${netns[@]}" bash scripts/with-keyring.sh playwright test "${E2E_A[@]}" &
  pids+=($!)
  PORCHLIGHT_PW_OUT="$PWD/test-results/e2e-b" lane e2e-b "${netns[@]}" bash scripts/with-keyring.sh playwright test "${e2e_b[@]}" &
  pids+=($!)
  # The unit tests start when two of those three lanes have ended: by then the last lane (here the
  # integration tests, whose last files mostly wait on the keychain daemon and on child processes)
  # leaves the cores half idle, and the unit tests fill them (in their own namespace too).
  local ended
  while :; do
    ended=0
    for i in "${names[@]}"; do [[ -e "$logdir/$i.rc" ]] && ended=$((ended + 1)); done
    ((ended >= 2)) && break
    sleep 1
  done
  names+=(unit)
  lane unit "${netns[@]}" vitest run --project 'unit*' &
  pids+=($!)
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || true; done
  count_vitest "$logdir/unit.log"
  count_vitest "$logdir/integration.log"
  count_playwright "$logdir/e2e-a.log"
  count_playwright "$logdir/e2e-b.log"
  for name in "${names[@]}"; do
    local rc
    rc="$(cat "$logdir/$name.rc" 2>/dev/null || echo 1)"
    if ((rc != 0)); then
      status=$rc
      banner "lane '$name' FAILED (exit $rc) — its whole output again:"
      cat "$logdir/$name.log"
    fi
  done
  if ((status != 0)); then
    banner "FAILED at stage 'integration, e2e and unit' ($((SECONDS - t0))s)"
    summary "FAILED at stage 'integration, e2e and unit'"
    exit "$status"
  fi
  echo "---- stage 'integration, e2e and unit' passed in $((SECONDS - t0))s"
}

if ((${#netns[@]} > 0)); then
  run_lanes
else
  # Without private namespaces the lanes would share this machine's loopback (fixed lab addresses and
  # ports): one after the other, the unit tests first.
  run_stage unit count_vitest vitest run --project 'unit*'
  run_stage integration count_vitest bash scripts/with-keyring.sh vitest run --project integration
  run_stage e2e count_playwright bash scripts/with-keyring.sh playwright test
fi

banner "all stages passed"
summary "all stages passed"
